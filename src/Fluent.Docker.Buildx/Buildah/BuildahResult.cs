namespace Fluent.Docker.Build;

/// <summary>
/// What <see cref="Buildah.BuildAsync(BuildRequest, IProgress{string}?, CancellationToken)"/> built: the image ID Buildah wrote to its <c>--iidfile</c> (the config digest,
/// <c>sha256:…</c>), the names it was given, the manifest list of a multi-platform build, and the time it took.
/// </summary>
public sealed record BuildahResult(string ImageId, IReadOnlyList<ImageReference> Tags, string? ManifestList, TimeSpan Duration);
