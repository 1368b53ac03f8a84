namespace Fluent.Docker.Linting;

/// <summary>
/// What a registry holds under a base image name, as an engine resolves it: an index (one image per platform) or a
/// single image manifest, with the platform its config names.
/// </summary>
/// <param name="IsIndex">An OCI index or Docker manifest list; BuildKit picks the build's platform from it (or fails when it has none).</param>
/// <param name="Platforms">The index's platforms, or the single image's one platform.</param>
public sealed record ResolvedBaseImage(bool IsIndex, ValueList<Platform> Platforms);

/// <summary>
/// The engine the lint asks about base images (BuildKit resolves each FROM image while it converts the file). The
/// engine library's <c>DockerEngine</c> is one; the lint itself never talks to a registry.
/// </summary>
public interface IBaseImageResolver
{
    /// <summary>The platform the engine builds on: BuildKit's default target platform and <c>$BUILDPLATFORM</c>.</summary>
    Task<Platform> BuildPlatformAsync(CancellationToken cancellationToken = default);

    /// <summary>What the registry holds under <paramref name="image"/>; null when the engine cannot resolve it (then a build fails on it anyway).</summary>
    Task<ResolvedBaseImage?> ResolveBaseImageAsync(ImageReference image, CancellationToken cancellationToken = default);
}

/// <summary>What the engine said before the rules ran: its build platform and each base image the file names (null: not resolvable).</summary>
internal sealed record BaseImageFacts(Platform BuildPlatform, IReadOnlyDictionary<string, ResolvedBaseImage?> Images);
