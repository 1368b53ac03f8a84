using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Examples;
using Fluent.Docker.Templates;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// Every template example, built by buildx in the lab (the images the walking skeleton pushes), run for each platform it
/// declares (arm64 under QEMU): its health endpoint answers on a published loopback port, every process runs as uid
/// 10001 (the .NET example: 1654, the .NET images' own app account), the image's own HEALTHCHECK command succeeds, and the OCI labels are there.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class TemplateExamplesE2ETests(DockerLabFixture lab)
{
    public static TheoryData<string, string> Runs
    {
        get
        {
            var runs = new TheoryData<string, string>();
            foreach (var definition in ExampleCatalog.All)
                foreach (var platform in definition.Platforms)
                    runs.Add(definition.Name, platform.ToString());
            return runs;
        }
    }

    public static TheoryData<string> Names => new(ExampleCatalog.All.Select(d => d.Name));

    private static ImageDefinition Find(string name) => ExampleCatalog.All.Single(d => d.Name == name);

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Smoke_run_turns_healthy_and_answers_the_health_endpoint_on_a_loopback_port(string name, string platform)
    {
        var (port, healthPath) = Endpoint(name);
        var image = await PushedExamples.ReferenceAsync(lab, name);
        var emulated = platform != "linux/amd64";

        var result = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(port, healthPath).WithPlatform(Platform.Parse(platform))
            .WithTimeout(TimeSpan.FromSeconds(emulated ? 180 : 90)));

        Assert.Equal("healthy", result.Health); // the image's own HEALTHCHECK, run by the engine
        Assert.Equal(200, result.HttpStatus);
        Assert.NotNull(result.HostPort);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Every_process_runs_as_the_templates_non_root_uid(string name, string platform)
    {
        var image = await PushedExamples.ReferenceAsync(lab, name);
        var expected = name == DotnetApi.Definition.Name ? "1654" : "10001"; // .NET: the images' own app account

        await using var container = await RunningContainer.StartAsync(image, Platform.Parse(platform));
        var uids = await container.ProcessUidsAsync();

        Assert.NotEmpty(uids);
        Assert.All(uids, uid => Assert.Equal(expected, uid));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Image_carries_the_oci_labels_on_every_platform(string name)
    {
        var definition = Find(name);
        var image = await PushedExamples.ReferenceAsync(lab, name);

        foreach (var platform in definition.Platforms)
        {
            var labels = (await lab.Engine.InspectImageAsync(image.ToString(), platform)).Labels;

            Assert.Equal(name.Split('/')[^1], labels.GetValueOrDefault("org.opencontainers.image.title"));
            Assert.Equal("0.1.0", labels.GetValueOrDefault("org.opencontainers.image.version"));
            Assert.StartsWith("https://", labels.GetValueOrDefault("org.opencontainers.image.source"));
            Assert.False(string.IsNullOrEmpty(labels.GetValueOrDefault("org.opencontainers.image.description")));
            if (definition.Dockerfile.FinalStage!.Base is BaseImage.Image { Reference: var baseImage })
                Assert.Equal(baseImage.ToString(), labels.GetValueOrDefault("org.opencontainers.image.base.name"));
        }
    }

    [Theory]
    [InlineData("examples/go-hello", new[] { "/app", "-arch" })]
    [InlineData("examples/static-site", new[] { "uname", "-m" })]
    public async Task Arm64_variant_runs_under_qemu(string name, string[] machineCommand)
    {
        Assert.Contains(Platform.LinuxArm64, Find(name).Platforms);
        var image = await PushedExamples.ReferenceAsync(lab, name);

        await using var container = await RunningContainer.StartAsync(image, Platform.LinuxArm64);
        var (exitCode, stdout, _) = await container.ExecAsync(machineCommand);

        Assert.Equal(0, exitCode);
        Assert.Equal("aarch64", stdout.Trim());
    }

    /// <summary>The Java template's jlink runtime (a JDK-cut runtime on debian:bookworm-slim) runs the Java example.</summary>
    [Fact]
    public async Task Java_jlink_runtime_runs_the_example_as_uid_10001()
    {
        // JDK 17: the lab's 21-jdk is Debian trixie's OpenJDK (glibc 2.41), whose jlinked runtime does not start on
        // bookworm-slim (glibc 2.36); the lab's 17-jdk is bookworm's. Official Temurin builds need only glibc 2.17.
        var definition = JavaTemplate.Create("examples/java-web-jlink", JavaWeb.Options with { JavaVersion = 17, Runtime = new JavaRuntime.Jlink(["java.base", "jdk.httpserver"]) });
        var root = Path.Combine(lab.WorkDirectory, "java-jlink");
        RepositoryLayout.CopyExampleSources(definition, root);
        var image = ImageReference.Parse(Assert.Single(await ImageSetBuild.RunAsync([definition.Generate(root)],
            new ImageDestination.Registry(lab.Registry, "jlink-" + lab.RunId), lab.Buildx)).Location);
        lab.RemoveAtEnd(image.ToString());

        var smoke = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8080, "/health").WithPlatform(Platform.LinuxAmd64).WithTimeout(TimeSpan.FromSeconds(90)));
        await using var container = await RunningContainer.StartAsync(image, Platform.LinuxAmd64);
        var (_, modules, _) = await container.ExecAsync(["java", "--list-modules"]);

        Assert.Equal("healthy", smoke.Health);
        Assert.All(await container.ProcessUidsAsync(), uid => Assert.Equal("10001", uid));
        Assert.Equal(["java.base", "jdk.httpserver"], modules.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(m => m.Split('@')[0]).Order());
    }

    /// <summary>
    /// node-web's runtime serves with express from npm, the version its committed package-lock.json pins (installed by
    /// <c>npm ci</c> in the image's deps stage, not copied from the host: the .dockerignore keeps node_modules out).
    /// </summary>
    [Fact]
    public async Task Node_example_serves_with_the_express_its_lock_file_pins()
    {
        using var lockFile = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.ExamplesDirectory, "node-web", "package-lock.json")));
        var pinned = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/express").GetProperty("version").GetString();
        var image = await PushedExamples.ReferenceAsync(lab, NodeWeb.Definition.Name);

        var result = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(3000, "/").WithTimeout(TimeSpan.FromSeconds(90)));

        Assert.Equal(200, result.HttpStatus);
        using var body = System.Text.Json.JsonDocument.Parse(result.Body!);
        Assert.Equal(pinned, body.RootElement.GetProperty("express").GetString());
    }

    /// <summary>dotnet-api's /schedule runs Cronos and Humanizer, restored from NuGet in the build stage.</summary>
    [Fact]
    public async Task DotNet_example_answers_with_its_nuget_packages()
    {
        var image = await PushedExamples.ReferenceAsync(lab, DotnetApi.Definition.Name);

        var result = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8080, "/schedule").WithTimeout(TimeSpan.FromSeconds(90)));

        Assert.Equal(200, result.HttpStatus);
        using var body = System.Text.Json.JsonDocument.Parse(result.Body!);
        // Humanizer's words ("3 seconds", "4 minutes") and the next 5-minute mark Cronos computed.
        Assert.Matches(@"^\d+ (second|minute|hour)s?$|^no time$", body.RootElement.GetProperty("NextRunIn").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("NextRun").GetDateTimeOffset().Minute % 5);
    }

    /// <summary>
    /// The lab has no arm64 ASP.NET runtime image, so the .NET example ships amd64 only; its build stage still
    /// cross-compiles for arm64 on the amd64 SDK (<c>-a $TARGETARCH</c>, no emulation; its NuGet packages are
    /// platform-neutral, and no runtime pack is needed). Proven by
    /// adding a scratch stage that keeps only the publish output and exporting it for linux/arm64.
    /// </summary>
    [Fact]
    public async Task DotNet_build_stage_cross_compiles_for_arm64_without_emulation()
    {
        var definition = DotnetApi.Definition;
        var build = definition.Dockerfile.Stages.Single(s => s.Name == "build");
        var artifacts = Stage.Named("artifacts").FromScratch().CopyFrom(build, "/out/", "/");
        var edited = definition.WithDockerfile(Dockerfile.Create(build, artifacts)).WithPlatforms(Platform.LinuxArm64);
        var root = Path.Combine(lab.WorkDirectory, "dotnet-arm64");
        RepositoryLayout.CopyExampleSources(edited, root);
        var generated = edited.Generate(root);
        var output = Path.Combine(root, "out");
        var log = new BuildLog();

        await lab.Buildx.BuildAsync(ImageSetBuild.RequestFor(generated).WithTarget(artifacts).WithOutput(BuildOutput.LocalDirectory(output)), log);

        var deps = await File.ReadAllTextAsync(Path.Combine(output, "DotnetApi.deps.json"));
        Assert.Contains("\"name\": \".NETCoreApp,Version=v10.0/linux-arm64\"", deps);
        Assert.True(File.Exists(Path.Combine(output, "DotnetApi.dll")));
        Assert.Equal("linux-arm64", DotNetTemplate.RuntimeIdentifier(Platform.LinuxArm64));
        // The SDK ran on the build platform: the log names no arm64 stage for the publish step.
        var publish = Assert.Single(log.StepsRunning("dotnet publish"));
        Assert.DoesNotContain("[linux/arm64", publish.Name);
    }

    /// <summary>The example's port (its one EXPOSE) and the path its healthcheck probes (compiled apps probe /health themselves).</summary>
    private static (Port Port, string HealthPath) Endpoint(string name)
    {
        var config = ImageConfigProjection.Project(Find(name).Dockerfile);
        var port = new Port(int.Parse(config.ExposedPorts.Single().Split('/')[0], System.Globalization.CultureInfo.InvariantCulture));
        var probe = string.Join(" ", config.Healthcheck!.Test);
        var at = probe.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
        if (at < 0) return (port, "/health");
        return (port, new Uri(new string(probe[at..].TakeWhile(c => c is not ('\'' or ' ' or '"')).ToArray())).AbsolutePath);
    }
}
