using Fluent.Docker.Pinning;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cake;

/// <summary>FluentDockerLock then FluentDockerGenerate with the lock, in a real Cake run loading the built addin, against the lab engine.</summary>
[Trait("Category", "E2E")]
[Trait("Category", "Cake")]
[Collection(DockerLabCollection.Name)]
public sealed class CakeLockE2ETests(DockerLabFixture lab)
{
    private const string Script = """
        #r "src/Fluent.Docker.Cake/bin/Release/net10.0/Fluent.Docker.Cake.dll"
        var work = Argument<string>("work");
        var images = new[] { ImageDefinition.Create("cake-lock/hello", Dockerfile.Create(Stage.Named("app").From("busybox:1.36").User(UserSpec.Id(10001, 10001)).Cmd("true"))) };
        Task("Lock").Does(async () => await FluentDockerLock(images, new FluentDockerLockSettings { LockFile = work + "/images.lock.json" }));
        Task("Generate").IsDependentOn("Lock").Does(() => FluentDockerGenerate(images, new FluentDockerGenerateSettings { BaseDirectory = work, LockFile = work + "/images.lock.json" }));
        RunTarget("Generate");
        """;

    [Fact]
    public async Task Cake_locks_the_base_images_and_generates_pinned_dockerfiles()
    {
        var work = Directory.CreateDirectory(Path.Combine(lab.WorkDirectory, "cake-lock-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var run = await CakeScript.RunAsync("cake-lock", Script, $"--work={work}");
        var busybox = await lab.Engine.ResolveAsync(ImageReference.Parse("busybox:1.36"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"busybox:1.36: added {busybox.Digest}", CakeScript.WithoutColours(run.Output));
        Assert.Equal(busybox.Digest, ImageLock.Load(Path.Combine(work, ImageLock.FileName)).Find(ImageReference.Parse("busybox:1.36"))!.Digest);
        Assert.StartsWith($"FROM busybox:1.36@{busybox.Digest} AS app\n", await File.ReadAllTextAsync(Path.Combine(work, "Dockerfile")));
    }
}
