namespace Fluent.Docker.Engine;

// Which copy of a base image a build on this engine starts FROM.
//
// What the lab showed (Engine 28.5, containerd image store, buildx docker driver): BuildKit inside dockerd resolves
// `FROM name:tag` to the engine's own image of that tag when it has one, and goes to the registry only when it has
// none; a local tag the registry has since moved on from (an older pull, a re-seeded registry) is what the build
// uses. A projection of the build's config must read that same copy, not a fresh pull.
public sealed partial class DockerEngine
{
    /// <summary>
    /// The config of <paramref name="image"/> for <paramref name="platform"/> as a build with this engine's docker
    /// driver sees it: the engine's local image of that name when it has one for the platform, else the registry's
    /// (pulled for the platform). Feed it to <see cref="ImageConfigProjection.Project"/> as the base images.
    /// </summary>
    public async Task<ImageConfig> BaseImageConfigAsync(ImageReference image, Platform platform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(platform);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        if (!platform.IsConcrete) throw new ArgumentException($"{platform} only has a meaning inside a Dockerfile: ask for a concrete platform such as linux/arm64.", nameof(platform));
        var local = await TryInspectAsync(image.ToString(), cancellationToken).ConfigureAwait(false);
        if (local is not null && Matches(local, platform)) return local.ToImageConfig();
        if (local is null) await PullAsync(image, platform, null, cancellationToken).ConfigureAwait(false);
        return (await InspectPlatformAsync(image.ToString(), platform, cancellationToken).ConfigureAwait(false)).ToImageConfig();
    }
}
