using Fluent.Docker.Build;
using Fluent.Docker.Pinning;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Pinning;

/// <summary>Locking against the lab: digests resolved through the engine (and its docker.io mirror), and BuildKit pulling by them.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public sealed class ImageLockE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task The_engine_resolves_a_hub_image_to_the_digest_its_mirror_serves_with_every_platform()
    {
        var locked = await lab.Engine.ResolveAsync(ImageReference.Parse("busybox:1.36"));
        // The same index read straight from the registry the engine mirrors docker.io to.
        var served = await lab.Buildx.ImagetoolsInspectAsync(ImageReference.Parse($"{lab.Registry}/library/busybox:1.36"));

        Assert.Equal("busybox:1.36", locked.Reference.ToString());
        Assert.Equal(served.Digest, locked.Digest);
        Assert.Contains(Platform.LinuxAmd64, locked.Platforms);
        Assert.Contains(Platform.LinuxArm64, locked.Platforms);
    }

    [Fact]
    public async Task A_pinned_dockerfile_builds_from_the_locked_digest_and_a_wrong_digest_fails_the_build()
    {
        var dockerfile = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("uname -m > /arch").Cmd("cat", "/arch"));
        var update = await ImageLocking.LockAsync([dockerfile], ImageLock.Empty, lab.Engine.ResolveAsync, update: false);
        var busybox = Assert.Single(update.Lock.Images);
        var wrong = ImageLock.Empty.With(busybox with { Digest = (await lab.Engine.ResolveAsync(ImageReference.Parse("debian:bookworm-slim"))).Digest });

        var pinned = ImagePinning.Pin(dockerfile, update.Lock, out _);
        var image = lab.UniqueReference("pinned");
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("pinned", pinned))
            .WithTags(image).WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.Push));
        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(image);
        var misPinned = ImagePinning.Pin(dockerfile, wrong, out _);
        var failure = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("mis-pinned", misPinned))
            .WithTags(lab.UniqueReference("mis-pinned")).WithOutput(BuildOutput.Push)));

        Assert.Contains($"FROM busybox:1.36@{busybox.Digest} AS app", pinned.Emit());
        Assert.Equal(["linux/amd64", "linux/arm64"], platforms.Select(p => p.ToString()).Order());
        // BuildKit pulls by the digest, not the tag: busybox holds no manifest with debian's digest (the mirror misses,
        // and docker.io itself is out of reach in the lab).
        Assert.Contains($"failed to resolve source metadata for docker.io/library/busybox:1.36@{wrong.Images[0].Digest}", failure.ErrorOutputTail);
    }
}
