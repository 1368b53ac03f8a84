namespace Fluent.Docker.Build;

/// <summary>What a spread build stored: each platform's image by digest, and the tagged index that joins them.</summary>
/// <param name="Tag">The tag written last, once every platform was stored.</param>
/// <param name="IndexDigest">The digest of the index the tag points to.</param>
/// <param name="Platforms">Each platform's pushed image, in the order the engines were given.</param>
/// <param name="Builds">Each platform's build result (its metadata names the engine's build, <c>buildx.build.ref</c>); empty after a merge of digest files.</param>
public sealed record SpreadBuildResult(
    ImageReference Tag,
    string IndexDigest,
    IReadOnlyList<PlatformDigest> Platforms,
    IReadOnlyDictionary<Platform, BuildResult> Builds)
{
    /// <summary>The index by digest, <c>repository@sha256:…</c>.</summary>
    public ImageReference Index => Tag.WithDigest(IndexDigest);
}
