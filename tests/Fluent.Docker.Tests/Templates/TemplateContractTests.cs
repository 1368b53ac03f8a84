using Fluent.Docker.Conformance;
using Fluent.Docker.Linting;
using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// What every template promises, checked on every sample: multi-stage with the build on <c>$BUILDPLATFORM</c> where the
/// toolchain cross-compiles, cache mounts on package-manager steps, pinned base images that all follow a base-registry
/// override, a numeric non-root USER (uid 10001, or the .NET images' own app account 1654) with an exec-form HEALTHCHECK that needs neither curl nor the app's help, OCI labels, a per-language
/// .dockerignore, and a model with no errors and no error-level finding of our own lint rules.
/// </summary>
public class TemplateContractTests
{
    private static readonly string[] PackageManagerSteps = ["pip install", "pip --python", "npm ci", "go mod download", "go build", "dotnet restore", "dotnet publish", "mvn "];

    public static TheoryData<string> Keys => new(TemplateSamples.All.Select(s => s.Key));

    private static ImageDefinition Make(string key) => TemplateSamples.Get(key).Definition;

    private static IEnumerable<ImageReference> ExternalImages(Dockerfile file) =>
        file.Stages.Select(s => s.Base).OfType<BaseImage.Image>().Select(i => i.Reference);

    [Theory]
    [MemberData(nameof(Keys))]
    public void Model_has_no_errors_no_lint_errors_or_warnings_and_runs_as_a_numeric_non_root_user_with_a_healthcheck(string key)
    {
        var definition = Make(key);
        var expectedUser = key.StartsWith("dotnet", StringComparison.Ordinal) ? "1654:1654" : "10001:10001";

        Assert.Empty(definition.Dockerfile.Validate());
        Assert.Empty(definition.Ignore.Validate());
        // Our own rules, with the image's .dockerignore: no error, and no warning either.
        var lint = Linter.Lint(definition);
        Assert.False(lint.HasErrors, lint.ToText());
        Assert.DoesNotContain(lint.Diagnostics, d => d.Severity >= ProblemSeverity.Warning);
        var config = ImageConfigProjection.Project(definition.Dockerfile);
        Assert.Equal(expectedUser, config.User);
        Assert.NotNull(config.Healthcheck);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Is_multi_stage_with_the_build_on_the_build_platform_where_the_toolchain_cross_compiles(string key)
    {
        var sample = TemplateSamples.Get(key);
        var file = sample.Definition.Dockerfile;

        if (key is "static-prebuilt" or "python-stdlib")
        {
            Assert.Single(file.Stages); // nothing to build or install: the files are served or run as they are
            return;
        }
        Assert.True(file.Stages.Count >= 2, $"{key} has {file.Stages.Count} stage(s)");
        var build = file.Stages.SingleOrDefault(s => s.Name == "build");
        if (sample.CrossCompiles)
            Assert.Equal(Platform.BuildPlatform, Assert.IsType<Stage>(build).Platform);
        else
            Assert.All(file.Stages, s => Assert.NotEqual(Platform.BuildPlatform, s.Platform)); // platform-specific installs run on the target
        Assert.Null(file.FinalStage!.Platform);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Package_manager_steps_use_cache_mounts(string key)
    {
        var runs = Make(key).Dockerfile.Stages.SelectMany(s => s.Instructions).OfType<RunInstruction>()
            .Where(r => r.Command is CommandLine.Shell shell && PackageManagerSteps.Any(p => shell.Command.Contains(p, StringComparison.Ordinal)))
            .ToList();

        Assert.All(runs, run => Assert.Contains(run.Options, o => o is CacheMount));
        if (key is not ("java-jre" or "static-prebuilt" or "python-stdlib")) Assert.NotEmpty(runs); // javac, prebuilt files and the standard library use no package manager
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Base_images_are_pinned_and_all_follow_the_base_registry_override(string key)
    {
        var sample = TemplateSamples.Get(key);
        var mirrored = sample.Make(sample.Options with { BaseRegistry = "mirror.example.com:5000" });

        Assert.All(ExternalImages(sample.Definition.Dockerfile), image => Assert.True(image.IsPinned, $"{image} is not pinned"));
        Assert.All(ExternalImages(mirrored.Dockerfile), image => Assert.Equal("mirror.example.com:5000", image.Domain));
        Assert.Equal(ExternalImages(sample.Definition.Dockerfile).Count(), ExternalImages(mirrored.Dockerfile).Count());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Healthcheck_is_exec_form_and_needs_no_curl_or_a_health_flag_of_the_app(string key)
    {
        var test = ImageConfigProjection.Project(Make(key).Dockerfile).Healthcheck!.Test;

        if (key == "dotnet-console")
        {
            Assert.Equal(["NONE"], test); // a worker listens on no port: no probe, said on purpose
            return;
        }
        Assert.Equal("CMD", test[0]);
        Assert.DoesNotContain(test, a => a.Contains("curl", StringComparison.Ordinal) || a.Contains("healthcheck", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Final_image_carries_oci_title_version_and_base_name(string key)
    {
        var definition = Make(key);
        var config = ImageConfigProjection.Project(definition.Dockerfile);

        Assert.Equal(definition.Name.Split('/')[^1], config.GetLabel(OciLabels.Title.Key));
        Assert.Equal("0.0.0-dev", config.GetLabel(OciLabels.Version.Key));
        Assert.Equal("0.1.0", ImageConfigProjection.Project(definition.Dockerfile, buildArgs: new Dictionary<string, string> { ["VERSION"] = "0.1.0" }).GetLabel(OciLabels.Version.Key));
        if (definition.Dockerfile.FinalStage!.Base is BaseImage.Image { Reference: var runtime })
            Assert.Equal(runtime.ToString(), config.GetLabel(OciLabels.BaseName.Key));
    }

    [Theory]
    [InlineData("go", new[] { "**/*_test.go", "**/testdata", "bin" })]
    [InlineData("python-venv", new[] { "**/__pycache__", "**/.venv", "**/venv" })]
    [InlineData("node", new[] { "**/node_modules" })]
    [InlineData("node-build", new[] { "**/node_modules", "dist" })]
    [InlineData("java-jre", new[] { "*", "!src", "**/target", "**/build", "**/.gradle" })]
    [InlineData("dotnet-aspnet", new[] { "**/bin", "**/obj" })]
    [InlineData("static-npm", new[] { "**/node_modules", "dist" })]
    [InlineData("static-prebuilt", new[] { "*", "!public" })]
    public void Dockerignore_has_the_common_and_the_language_patterns(string key, string[] languagePatterns)
    {
        var patterns = Make(key).Ignore.Patterns;

        Assert.All(new[] { ".git", ".env", ".env.*" }, p => Assert.Contains(p, patterns));
        Assert.All(languagePatterns, p => Assert.Contains(p, patterns));
    }

    [Fact]
    public void Extra_ignore_patterns_come_after_the_templates_own()
    {
        var definition = GoTemplate.Create("team/api", new GoOptions { ExtraIgnorePatterns = ["docs", "!docs/api.md"] });

        Assert.Equal(["docs", "!docs/api.md"], definition.Ignore.Patterns.TakeLast(2));
    }

    [Fact]
    public void Go_cross_compiles_a_static_binary_for_the_target_platform_onto_scratch()
    {
        var file = Make("go").Dockerfile;
        var build = file.Stages[0];
        var compile = build.Instructions.OfType<RunInstruction>().Select(r => ((CommandLine.Shell)r.Command).Command).Last();

        Assert.Contains("CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build", compile);
        Assert.Contains(build.Instructions, i => i is ArgInstruction { Arg.Name: "TARGETARCH" });
        Assert.IsType<BaseImage.Scratch>(file.FinalStage!.Base);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], Make("go").Platforms);
    }

    [Fact]
    public void DotNet_restores_the_project_before_copying_the_source_and_publishes_for_the_target_architecture()
    {
        var build = Make("dotnet-aspnet").Dockerfile.Stages[0].Instructions;
        var restore = build.ToList().FindIndex(i => i is RunInstruction { Command: CommandLine.Shell s } && s.Command.StartsWith("dotnet restore", StringComparison.Ordinal));
        var source = build.ToList().FindIndex(i => i is CopyInstruction c && c.Sources.Single().ToString() == ".");
        var commands = build.OfType<RunInstruction>().Select(r => ((CommandLine.Shell)r.Command).Command).ToList();

        Assert.True(restore >= 0 && restore < source, "restore must come before COPY . .");
        Assert.All(commands, c => Assert.Contains("-a ${TARGETARCH}", c));
        Assert.Contains(build, i => i is CopyInstruction c && c.Sources.Single().ToString() == "src/Api/Api.csproj" && c.Destination.ToString() == "src/Api/");
    }

    [Theory]
    [InlineData("linux/amd64", "linux-x64")]
    [InlineData("linux/arm64", "linux-arm64")]
    [InlineData("linux/arm/v7", "linux-arm")]
    public void DotNet_runtime_identifier_maps_docker_architectures(string platform, string rid) =>
        Assert.Equal(rid, DotNetTemplate.RuntimeIdentifier(Platform.Parse(platform)));

    [Fact]
    public void DotNet_runtime_identifier_refuses_what_has_no_dotnet_image()
    {
        Assert.Throws<ArgumentException>(() => DotNetTemplate.RuntimeIdentifier(Platform.Of("linux", "mips64le")));
        Assert.Throws<ArgumentException>(() => DotNetTemplate.RuntimeIdentifier(Platform.BuildPlatform));
    }

    [Fact]
    public void DotNet_console_app_exposes_no_port_and_runs_on_the_runtime_image()
    {
        var config = ImageConfigProjection.Project(Make("dotnet-console").Dockerfile);

        Assert.Empty(config.ExposedPorts);
        Assert.Equal("mcr.microsoft.com/dotnet/runtime:10.0", config.GetLabel(OciLabels.BaseName.Key));
        Assert.Equal(["dotnet", "Worker.dll"], config.Entrypoint!);
    }

    [Fact]
    public void Python_installs_requirements_before_the_source_on_the_target_platform()
    {
        var deps = Make("python-venv").Dockerfile.Stages[0];
        var runtime = Make("python-venv").Dockerfile.FinalStage!;
        var runtimeConfig = ImageConfigProjection.Project(Make("python-venv").Dockerfile);

        Assert.Null(deps.Platform);
        Assert.DoesNotContain(deps.Instructions, i => i is CopyInstruction c && c.Sources.Single().ToString() == ".");
        Assert.Contains(runtime.Instructions, i => i is CopyInstruction { From: ArtifactSource.FromStage { Stage.Name: "deps" } });
        Assert.StartsWith("/opt/venv/bin:", runtimeConfig.GetEnv("PATH"));
        Assert.Equal("1", runtimeConfig.GetEnv("PYTHONDONTWRITEBYTECODE"));
    }

    [Fact]
    public void Node_builds_on_the_build_platform_but_installs_production_modules_on_the_target()
    {
        var file = Make("node-build").Dockerfile;

        Assert.Equal(Platform.BuildPlatform, file.Stages.Single(s => s.Name == "build").Platform);
        Assert.Null(file.Stages.Single(s => s.Name == "deps").Platform);
        Assert.Contains(file.Stages.Single(s => s.Name == "deps").Instructions, i => i is RunInstruction { Command: CommandLine.Shell { Command: var c } } && c.Contains("--omit=dev", StringComparison.Ordinal));
        Assert.Equal("production", ImageConfigProjection.Project(file).GetEnv("NODE_ENV"));
    }

    [Fact]
    public void Java_jlink_runtime_is_cut_on_the_target_platform_and_shipped_on_a_slim_base()
    {
        var file = Make("java-maven-jlink").Dockerfile;
        var jre = file.Stages.Single(s => s.Name == "jre");

        Assert.Null(jre.Platform);
        Assert.Equal("debian:bookworm-slim", ((BaseImage.Image)file.FinalStage!.Base).Reference.ToString());
        Assert.Equal("/opt/jre", ImageConfigProjection.Project(file).GetEnv("JAVA_HOME"));
    }

    [Fact]
    public void Static_site_is_served_by_busybox_httpd_and_probed_with_its_own_wget()
    {
        var config = ImageConfigProjection.Project(Make("static-npm").Dockerfile);

        Assert.Equal(["httpd", "-f", "-v", "-p", "8080", "-h", "/srv/www"], config.Cmd!);
        Assert.Equal(["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"], config.Healthcheck!.Test);
    }

    [Fact]
    public void Returned_model_can_be_edited_like_any_other()
    {
        var definition = GoTemplate.Create("team/api");
        var runtime = definition.Dockerfile.FinalStage!.Env("GODEBUG", "madvdontneed=1");

        var edited = definition
            .WithDockerfile(Dockerfile.Create([.. definition.Dockerfile.Stages.SkipLast(1), runtime]))
            .WithPlatforms(Platform.LinuxArm64);

        Assert.Equal("madvdontneed=1", ImageConfigProjection.Project(edited.Dockerfile).GetEnv("GODEBUG"));
        Assert.Null(ImageConfigProjection.Project(definition.Dockerfile).GetEnv("GODEBUG"));
        Assert.Empty(edited.Dockerfile.Validate());
        Assert.Equal([Platform.LinuxArm64], edited.Platforms);
    }
}
