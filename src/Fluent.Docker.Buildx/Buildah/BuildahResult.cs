namespace Fluent.Docker.Build;

/// <summary>
/// What <see cref="Buildah.BuildAsync(BuildRequest, IProgress{string}?, CancellationToken)"/> built: the image ID Buildah
/// wrote to its <c>--iidfile</c> (<c>sha256:…</c>; null for a multi-platform build, which Buildah stores as the manifest
/// list <see cref="ManifestList"/> and gives no single ID), the names it was given, and the time it took.
/// </summary>
public sealed record BuildahResult(string? ImageId, IReadOnlyList<ImageReference> Tags, string? ManifestList, TimeSpan Duration);
