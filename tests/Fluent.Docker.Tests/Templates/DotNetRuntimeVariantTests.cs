using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>The .NET template's runtime variants and account: what each puts in the Dockerfile, and what it refuses.</summary>
public class DotNetRuntimeVariantTests
{
    private static IReadOnlyList<string> Runs(Stage stage) =>
        stage.Instructions.OfType<RunInstruction>().Select(r => ((CommandLine.Shell)r.Command).Command).ToList();

    private static (Stage Build, Stage Runtime) Stages(DotNetOptions options)
    {
        var file = DotNetTemplate.Create("team/api", options).Dockerfile;
        return (file.Stages.Single(s => s.Name == "build"), file.FinalStage!);
    }

    [Fact]
    public void Default_runs_as_the_images_own_app_account_and_creates_none()
    {
        var (_, runtime) = Stages(new DotNetOptions());

        Assert.Empty(Runs(runtime)); // no groupadd/useradd: the aspnet image has uid 1654 already
        Assert.Equal("1654:1654", ImageConfigProjection.Project(DotNetTemplate.Create("team/api").Dockerfile).User);
    }

    [Fact]
    public void Another_user_is_created_in_the_runtime_stage()
    {
        var (_, runtime) = Stages(new DotNetOptions { User = RuntimeUser.Default });

        Assert.Contains(Runs(runtime), r => r.StartsWith("groupadd --gid 10001 app && useradd --uid 10001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DotNetRuntimeVariant.FrameworkDependent, "-p:UseAppHost=false", "mcr.microsoft.com/dotnet/aspnet:10.0", "dotnet App.dll")]
    [InlineData(DotNetRuntimeVariant.SelfContainedTrimmed, "-p:SelfContained=true -p:PublishTrimmed=true -p:DebugType=none", "mcr.microsoft.com/dotnet/runtime-deps:10.0", "/app/App")]
    [InlineData(DotNetRuntimeVariant.NativeAot, "-p:PublishAot=true -p:CopyOutputSymbolsToPublishDirectory=false", "mcr.microsoft.com/dotnet/runtime-deps:10.0", "/app/App")]
    public void Variant_sets_the_publish_properties_on_restore_and_publish_the_runtime_image_and_the_entrypoint(
        DotNetRuntimeVariant variant, string properties, string runtimeImage, string entrypoint)
    {
        var options = new DotNetOptions { RuntimeVariant = variant };
        var (build, runtime) = Stages(options);
        var config = ImageConfigProjection.Project(DotNetTemplate.Create("team/api", options).Dockerfile);

        Assert.Contains(Runs(build), r => r.StartsWith("dotnet restore App.csproj -a ${TARGETARCH} " + properties, StringComparison.Ordinal));
        Assert.Contains(Runs(build), r => r.StartsWith("dotnet publish App.csproj -a ${TARGETARCH} --no-restore -c Release " + properties + " -o /out", StringComparison.Ordinal));
        Assert.Equal(runtimeImage, Assert.IsType<BaseImage.Image>(runtime.Base).Reference.ToString());
        Assert.Equal(entrypoint, string.Join(" ", config.Entrypoint!));
        Assert.Equal(Platform.BuildPlatform, build.Platform); // the SDK never runs under emulation
    }

    [Fact]
    public void Native_aot_installs_clang_on_the_build_platform_and_stops_a_foreign_target_with_a_message()
    {
        var (build, _) = Stages(new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot });
        var toolchain = Assert.Single(Runs(build), r => r.Contains("apt-get install", StringComparison.Ordinal));

        Assert.Contains("clang zlib1g-dev", toolchain, StringComparison.Ordinal);
        Assert.StartsWith("if [ \"${TARGETARCH}\" != \"${BUILDARCH}\" ]; then echo \"NativeAOT cannot cross-compile", toolchain, StringComparison.Ordinal);
        Assert.Contains(build.Instructions, i => i is ArgInstruction { Arg.Name: "BUILDARCH" });
        Assert.True(Runs(build).ToList().FindIndex(r => r == toolchain) < Runs(build).ToList().FindIndex(r => r.StartsWith("dotnet restore", StringComparison.Ordinal)));
    }

    [Fact]
    public void Native_aot_builds_one_platform_amd64_by_default()
    {
        Assert.Equal([Platform.LinuxAmd64], DotNetTemplate.Create("team/api", new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot }).Platforms);
        Assert.Equal([Platform.LinuxArm64], DotNetTemplate.Create("team/api", new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot, Platforms = [Platform.LinuxArm64] }).Platforms);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], DotNetTemplate.Create("team/api", new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.SelfContainedTrimmed }).Platforms);
    }

    [Fact]
    public void Native_aot_refuses_two_platforms_in_one_image()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => DotNetTemplate.Create("team/api",
            new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot, Platforms = [Platform.LinuxAmd64, Platform.LinuxArm64] }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Platforms", problem.Location.Slot);
        Assert.Contains("SelfContainedTrimmed", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_variant_is_refused()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => DotNetTemplate.Create("team/api", new DotNetOptions { RuntimeVariant = (DotNetRuntimeVariant)7 }));

        Assert.Equal("RuntimeVariant", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Small_variants_follow_the_base_registry_and_a_given_runtime_image()
    {
        var mirrored = Stages(new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot, BaseRegistry = "127.0.0.1:5000" });
        var given = Stages(new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.SelfContainedTrimmed, RuntimeImage = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled" });

        Assert.Equal("127.0.0.1:5000/dotnet/runtime-deps:10.0", ((BaseImage.Image)mirrored.Runtime.Base).Reference.ToString());
        Assert.Equal("127.0.0.1:5000/dotnet/sdk:10.0", ((BaseImage.Image)mirrored.Build.Base).Reference.ToString());
        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", ((BaseImage.Image)given.Runtime.Base).Reference.ToString());
    }
    [Theory]
    [InlineData(DotNetRuntimeVariant.FrameworkDependent, "dotnet Contoso.Api.dll")]
    [InlineData(DotNetRuntimeVariant.SelfContainedTrimmed, "/app/Contoso.Api")]
    [InlineData(DotNetRuntimeVariant.NativeAot, "/app/Contoso.Api")]
    public void Assembly_name_set_by_the_user_is_what_the_entrypoint_starts(DotNetRuntimeVariant variant, string entrypoint)
    {
        var options = new DotNetOptions { Project = "src/Api/Api.csproj", AssemblyName = "Contoso.Api", RuntimeVariant = variant };
        var (build, _) = Stages(options);

        Assert.Equal(entrypoint, string.Join(" ", ImageConfigProjection.Project(DotNetTemplate.Create("team/api", options).Dockerfile).Entrypoint!));
        // Not passed to MSBuild: a global property would rename every referenced project too.
        Assert.DoesNotContain(Runs(build), r => r.Contains("AssemblyName", StringComparison.Ordinal));
    }

    [Fact]
    public void Assembly_name_defaults_to_the_project_file_name_and_follows_it()
    {
        Assert.Equal("App", new DotNetOptions().AssemblyName);
        Assert.Equal("Api", new DotNetOptions { Project = "src/Api/Api.csproj" }.AssemblyName);
        Assert.Equal("Given", (new DotNetOptions { AssemblyName = "Given" } with { Project = "Other.csproj" }).AssemblyName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" Api")]
    [InlineData("bin/Api")]
    [InlineData("..\\Api")]
    [InlineData("..")]
    [InlineData("Api.dll")]
    [InlineData("Api.EXE")]
    [InlineData("Api\n")]
    public void Assembly_name_that_is_not_a_plain_file_name_is_refused_on_the_option(string name)
    {
        var error = Assert.Throws<TemplateOptionsException>(() => DotNetTemplate.Create("team/api", new DotNetOptions { AssemblyName = name }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("AssemblyName", problem.Location.Slot);
        Assert.Contains("<AssemblyName>", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_aot_toolchain_step_uses_the_apt_caches_of_the_catalogue_and_keeps_the_downloads()
    {
        var (build, _) = Stages(new DotNetOptions { RuntimeVariant = DotNetRuntimeVariant.NativeAot });
        var toolchain = build.Instructions.OfType<RunInstruction>().Single(r => ((CommandLine.Shell)r.Command).Command.Contains("apt-get install", StringComparison.Ordinal));
        var mounts = toolchain.Options.OfType<CacheMount>().ToList();

        Assert.Equal([CacheMounts.Apt, CacheMounts.AptLists], mounts.Select(CacheMounts.Of));
        Assert.Equal([CacheMounts.Apt.Mount(), CacheMounts.AptLists.Mount()], mounts);
        Assert.Contains("rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update", ((CommandLine.Shell)toolchain.Command).Command, StringComparison.Ordinal);
    }
}
