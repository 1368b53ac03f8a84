using Docker.DotNet;
using Docker.DotNet.Models;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

/// <summary>The engine client against the lab: per-platform inspect, runs (emulated arm64 too), errors.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class DockerEngineE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task Ping_succeeds() => await lab.Engine.PingAsync();

    [Fact]
    public async Task Lab_uses_the_containerd_image_store() => Assert.True(await lab.Engine.UsesContainerdImageStoreAsync());

    [Fact]
    public async Task Inspecting_the_arm_64_platform_returns_the_arm_64_config()
    {
        var image = await lab.MultiPlatformImageAsync();

        var arm64 = await lab.Engine.InspectImageAsync(image.ToString(), Platform.LinuxArm64);

        Assert.Equal("arm64", arm64.Architecture);
        Assert.Equal("linux", arm64.Os);
        Assert.Equal("hello", arm64.GetEnv("GREETING"));
        Assert.Equal(["echo", "hi"], arm64.Cmd);
    }

    [Fact]
    public async Task Inspecting_a_platform_of_a_docker_hub_image_uses_the_engines_mirror()
    {
        // buildx cannot reach Docker Hub from the lab; the engine's registry mirror has busybox.
        var arm64 = await lab.Engine.InspectImageAsync("busybox:1.36", Platform.LinuxArm64);

        Assert.Equal("arm64", arm64.Architecture);
        Assert.False(await lab.Engine.RemoveImageAsync("busybox@" + arm64.Id)); // the by-digest name it pulled is gone again
    }

    [Fact]
    public async Task Inspecting_the_host_platform_needs_no_registry_detour()
    {
        var image = await lab.MultiPlatformImageAsync();

        var amd64 = await lab.Engine.InspectImageAsync(image.ToString(), Platform.LinuxAmd64);

        Assert.Equal("amd64", amd64.Architecture);
        Assert.Contains(image.ToString(), amd64.RepoTags);
    }

    [Fact]
    public async Task Inspecting_a_platform_the_image_lacks_names_the_platforms_it_has()
    {
        var image = await lab.MultiPlatformImageAsync();

        var e = await Assert.ThrowsAsync<DockerEngineException>(() => lab.Engine.InspectImageAsync(image.ToString(), Platform.LinuxArmV7));

        Assert.Contains("linux/arm/v7", e.Message);
        Assert.Contains("linux/arm64", e.Message);
    }

    [Fact]
    public async Task Running_the_arm_64_variant_runs_on_aarch_64()
    {
        var image = await lab.MultiPlatformImageAsync();

        var run = await lab.Engine.RunAsync(image, ["uname", "-m"], Platform.LinuxArm64, TimeSpan.FromSeconds(60));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("aarch64", run.Stdout.Trim());
    }

    [Fact]
    public async Task Run_uses_the_image_cmd_when_no_command_is_given()
    {
        var image = await lab.MultiPlatformImageAsync();

        var run = await lab.Engine.RunAsync(image, null, null, TimeSpan.FromSeconds(60));

        Assert.Equal("hi", run.Stdout.Trim());
    }

    [Fact]
    public async Task Run_reports_exit_code_and_stderr_and_removes_the_container()
    {
        var image = await lab.MultiPlatformImageAsync();

        var run = await lab.Engine.RunAsync(image, ["sh", "-c", "echo out; echo err >&2; exit 3"], null, TimeSpan.FromSeconds(60));

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out", run.Stdout.Trim());
        Assert.Equal("err", run.Stderr.Trim());
        Assert.Empty(await ContainersOfAsync(image));
    }

    [Fact]
    public async Task Run_past_its_timeout_throws_and_still_removes_the_container()
    {
        var image = await lab.MultiPlatformImageAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => lab.Engine.RunAsync(image, ["sleep", "30"], null, TimeSpan.FromSeconds(2)));

        Assert.Empty(await ContainersOfAsync(image));
    }

    [Fact]
    public async Task Run_pulls_the_image_when_the_engine_lacks_it()
    {
        var image = lab.UniqueReference("pull-on-run");
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("pull-on-run", DockerLabFixture.GreetingDockerfile))
            .WithTags(image).WithOutput(BuildOutput.Push));
        Assert.True(await lab.Engine.RemoveImageAsync(image.ToString())); // the docker driver also stored it locally
        lab.RemoveAtEnd(image.ToString());

        var run = await lab.Engine.RunAsync(image, null, null, TimeSpan.FromSeconds(60));

        Assert.Equal("hi", run.Stdout.Trim());
    }

    [Fact]
    public async Task Pulling_a_missing_image_raises_the_engines_message()
    {
        var missing = lab.UniqueReference("does-not-exist");

        var e = await Assert.ThrowsAsync<DockerEngineException>(() => lab.Engine.PullAsync(missing));

        Assert.Contains("not found", e.EngineMessage);
        Assert.Contains(missing.ToString(), e.Message);
    }

    [Fact]
    public async Task Pulling_one_platform_of_a_pushed_image_works()
    {
        var image = await lab.MultiPlatformImageAsync();

        await lab.Engine.PullAsync(image, Platform.LinuxArm64);
    }

    [Fact]
    public async Task A_base_the_engine_holds_under_a_tag_the_registry_moved_on_from_is_the_copy_the_build_and_the_projection_use()
    {
        var name = lab.UniqueReference("stale-base");
        lab.RemoveAtEnd(name.ToString());
        var root = Directory.CreateDirectory(Path.Combine(lab.WorkDirectory, "stale-base-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        async Task BuildAsync(Dockerfile dockerfile, ImageReference tag, BuildOutput output)
        {
            var context = Directory.CreateDirectory(Path.Combine(root, Guid.NewGuid().ToString("N")[..6])).FullName;
            dockerfile.WriteTo(Path.Combine(context, "Dockerfile"));
            await lab.Buildx.BuildAsync(new BuildRequest(context).WithTags(tag).WithPlatforms(Platform.LinuxAmd64).WithOutput(output));
        }
        Dockerfile Marked(string copy) => Dockerfile.Create(Stage.Named("base").From("busybox:1.36").Env("COPY_OF_BASE", copy));
        await BuildAsync(Marked("registry"), name, BuildOutput.Push);
        await BuildAsync(Marked("engine"), name, BuildOutput.Load(containerdImageStore: true)); // the engine's tag now differs from the registry's
        var child = Dockerfile.Create(Stage.Named("child").From(name).Run("echo \"$COPY_OF_BASE\" > /copy").Cmd("cat", "/copy"));
        var childTag = lab.UniqueReference("stale-base-child");
        lab.RemoveAtEnd(childTag.ToString());

        await BuildAsync(child, childTag, BuildOutput.Load(containerdImageStore: true));
        var run = await lab.Engine.RunAsync(childTag, null, Platform.LinuxAmd64, TimeSpan.FromMinutes(1));
        var config = await lab.Engine.BaseImageConfigAsync(name, Platform.LinuxAmd64);

        Assert.Equal("engine", run.Stdout.Trim()); // BuildKit in dockerd built FROM the engine's copy…
        Assert.Contains(KeyValuePair.Create("COPY_OF_BASE", "engine"), config.Env); // …and the projection reads the same one
        var projected = ImageConfigProjection.Project(child, platform: Platform.LinuxAmd64, baseImages: r => r == name ? config : null);
        Assert.Equal(projected.Env, (await lab.Engine.InspectImageAsync(childTag.ToString(), Platform.LinuxAmd64)).ToImageConfig().Env);
    }

    [Fact]
    public async Task Inspecting_an_unknown_image_raises_not_found()
    {
        var e = await Assert.ThrowsAsync<DockerEngineException>(() => lab.Engine.InspectImageAsync("fluent-tests/no-such-image:" + lab.RunId));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("No such image", e.EngineMessage);
    }

    [Fact]
    public async Task Loaded_image_inspection_maps_the_whole_runtime_config()
    {
        var image = lab.UniqueReference("config");
        var dockerfile = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Workdir("/srv")
            .Env("MODE", "e2e")
            .Label("org.example.team", "fluent")
            .Expose(Port.Tcp(8080))
            .Volume("/data")
            .User("nobody")
            .StopSignal(Signal.SIGINT)
            .Healthcheck(Healthcheck.Exec("true").WithInterval(TimeSpan.FromSeconds(30)).WithRetries(2))
            .Entrypoint("sh", "-c")
            .Cmd("echo ok"));
        lab.RemoveAtEnd(image.ToString());
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("config", dockerfile)).WithTags(image).WithOutput(BuildOutput.Load()));

        var inspection = await lab.Engine.InspectImageAsync(image.ToString());

        Assert.Equal("/srv", inspection.WorkingDir);
        Assert.Equal("e2e", inspection.GetEnv("MODE"));
        Assert.Equal("fluent", inspection.Labels["org.example.team"]);
        Assert.Contains("8080/tcp", inspection.ExposedPorts);
        Assert.Contains("/data", inspection.Volumes);
        Assert.Equal("nobody", inspection.User);
        Assert.Equal("SIGINT", inspection.StopSignal);
        Assert.Equal(["sh", "-c"], inspection.Entrypoint);
        Assert.Equal(["echo ok"], inspection.Cmd);
        Assert.NotNull(inspection.Healthcheck);
        Assert.Equal(["CMD", "true"], inspection.Healthcheck.Test);
        Assert.Equal(TimeSpan.FromSeconds(30), inspection.Healthcheck.Interval);
        Assert.Equal(2, inspection.Healthcheck.Retries);
        Assert.Null(inspection.Healthcheck.Timeout);
    }

    [Fact]
    public async Task Removing_an_absent_image_reports_false() =>
        Assert.False(await lab.Engine.RemoveImageAsync("fluent-tests/no-such-image:" + lab.RunId));

    // Containers RunAsync made from this image that still exist (it labels them).
    private static async Task<IList<ContainerListResponse>> ContainersOfAsync(ImageReference image)
    {
        using var client = new DockerClientBuilder().WithEndpoint(DockerEngine.DefaultEndpoint(Environment.GetEnvironmentVariable("DOCKER_HOST"))).Build();
        var all = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["org.fluent-docker.run=true"] = true } },
        });
        return all.Where(c => c.Image == image.ToString()).ToList();
    }
}
