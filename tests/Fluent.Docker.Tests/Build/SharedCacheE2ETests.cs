using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// A shared build cache across engines (issue 15): the lab's engine builds a definition and exports its cache to the lab
/// registry; the second engine (docker context <c>lab-node2</c>: its own daemon, containerd and build cache, which
/// reaches the lab registry but not the internet) has never built it, imports that cache, and its typed build events
/// show the dependency step cached while the changed code step runs. Both engines use their built-in BuildKit (docker
/// driver) on the containerd image store, which exports registry cache; the lab has no BuildKit image for a
/// docker-container builder.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SharedCacheE2ETests(DockerLabFixture lab)
{
    private static readonly DockerContext SecondEngine = new("lab-node2");

    [Theory]
    [InlineData("registry")]
    [InlineData("inline")]
    public async Task A_second_engine_reuses_the_dependency_step_from_the_first_engines_exported_cache(string backend)
    {
        // A RUN text no engine has seen, so only the imported cache can make it cached on the second engine.
        var token = $"{backend}-{lab.RunId}-{Guid.NewGuid():N}";
        var dependencies = $"echo deps-{token} > /deps.txt && sleep 2";
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run(dependencies).Copy("app.txt", "/app/"));
        var image = lab.UniqueReference("shared-cache-" + backend);
        var cacheImage = lab.UniqueReference("shared-cache-" + backend, "buildcache");
        lab.RemoveAtEnd(image.ToString());
        var driver = await lab.Engine.UsesContainerdImageStoreAsync() ? BuilderDriver.DockerContainerdStore : BuilderDriver.Docker;

        // Engine 1 builds, pushes the image and exports its cache (every stage's layers to a cache image, or inline).
        var first = lab.WriteContext($"shared-cache-{backend}-1", model);
        await File.WriteAllTextAsync(Path.Combine(first, "app.txt"), "version 1\n");
        var export = new BuildRequest(first).WithTags(image).WithOutput(BuildOutput.Push).WithDriver(driver)
            .WithCacheTo(backend == "registry" ? BuildCache.Registry(cacheImage, CacheMode.Max) : BuildCache.Inline);
        var firstLog = new BuildLog();
        await lab.Buildx.BuildAsync(export, firstLog);
        Assert.Equal(StepState.Done, Assert.Single(firstLog.StepsRunning(dependencies)).State);

        // Engine 2 builds the same definition with changed code, importing the cache (inline cache lives in the image).
        var node2 = lab.Buildx.WithContext(SecondEngine);
        var second = lab.WriteContext($"shared-cache-{backend}-2", model);
        await File.WriteAllTextAsync(Path.Combine(second, "app.txt"), "version 2\n");
        var import = new BuildRequest(second)
            .WithCacheFrom(BuildCache.Registry(backend == "registry" ? cacheImage : image))
            .WithOutput(BuildOutput.OciArchive(Path.Combine(lab.WorkDirectory, $"shared-cache-{backend}-{token}.oci.tar")));
        var secondLog = new BuildLog();
        await node2.BuildAsync(import, secondLog);

        Assert.Empty(secondLog.Failures);
        Assert.Equal(StepState.Cached, Assert.Single(secondLog.StepsRunning(dependencies)).State);
        Assert.Contains(secondLog.Events.OfType<BuildEvent.StepCached>(), e => e.Step.Instruction.Contains(dependencies, StringComparison.Ordinal));
        Assert.Equal(StepState.Done, Assert.Single(secondLog.StepsRunning("COPY")).State); // the code changed: it ran
    }

    [Fact]
    public async Task The_second_engine_is_really_another_engine()
    {
        // Guards the proof above: with another daemon, the first engine's local cache cannot be what made the step cached.
        var dependencies = $"echo probe-{lab.RunId}-{Guid.NewGuid():N} > /probe.txt";
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run(dependencies));
        var context = lab.WriteContext("shared-cache-probe-" + Guid.NewGuid().ToString("N")[..8], model);
        await lab.Buildx.BuildAsync(new BuildRequest(context).WithOutput(BuildOutput.OciArchive(Path.Combine(lab.WorkDirectory, "probe-1.oci.tar"))));

        var log = new BuildLog();
        await lab.Buildx.WithContext(SecondEngine).BuildAsync(new BuildRequest(context).WithOutput(BuildOutput.OciArchive(Path.Combine(lab.WorkDirectory, "probe-2.oci.tar"))), log);

        Assert.Equal(StepState.Done, Assert.Single(log.StepsRunning(dependencies)).State);
    }
}
