namespace Fluent.Docker.Build;

/// <summary>
/// Where a build of an image set puts each image, and under which names. The names are composed in one place,
/// <see cref="ImageReference.Of"/>: <c>registry/name:tag</c>.
/// </summary>
public abstract record ImageDestination
{
    private ImageDestination() { }

    /// <summary>The names an image called <paramref name="name"/> gets here (empty when the output is a file).</summary>
    public abstract IReadOnlyList<ImageReference> ReferencesFor(string name);

    /// <summary>
    /// Push every platform to <c>HOST:PORT/name:tag</c> as one multi-platform index (null or empty
    /// <paramref name="Host"/>: the registry the name implies), also under <see cref="MoreTags"/>.
    /// </summary>
    public sealed record Registry(string? Host, string Tag) : ImageDestination
    {
        /// <summary>Further tags the same index is pushed under.</summary>
        public IReadOnlyList<string> MoreTags { get; init; } = [];

        public override IReadOnlyList<ImageReference> ReferencesFor(string name) =>
            [.. new[] { Tag }.Concat(MoreTags).Distinct(StringComparer.Ordinal).Select(tag => ImageReference.Of(Host, name, tag))];

        public override string ToString() => $"push to {(string.IsNullOrWhiteSpace(Host) ? "the registry each name implies" : Host)}, tags {string.Join(", ", new[] { Tag }.Concat(MoreTags))}";
    }

    /// <summary>
    /// Load each image into the local engine as <c>host/name:tag</c> for every tag (<paramref name="Host"/> null: no
    /// registry prefix; no tags: <c>latest</c>). A multi-platform image loads only into an engine with the containerd image store.
    /// </summary>
    public sealed record Engine(string? Host, IReadOnlyList<string> Tags) : ImageDestination
    {
        public override IReadOnlyList<ImageReference> ReferencesFor(string name) =>
            [.. (Tags.Count == 0 ? ["latest"] : Tags).Distinct(StringComparer.Ordinal).Select(tag => ImageReference.Of(Host, name, tag))];

        public override string ToString() => $"load into the engine{(string.IsNullOrWhiteSpace(Host) ? "" : " as " + Host + "/…")}, tags {(Tags.Count == 0 ? "latest" : string.Join(", ", Tags))}";
    }

    /// <summary>Write each image as a multi-platform OCI archive <c>directory/name.oci.tar</c> (no registry needed).</summary>
    public sealed record OciArchives(string Directory) : ImageDestination
    {
        public override IReadOnlyList<ImageReference> ReferencesFor(string name) => [];

        /// <summary>The archive an image called <paramref name="name"/> is written to.</summary>
        public string PathFor(string name) => Path.Combine(Directory, name.Replace('/', '-') + ".oci.tar");

        public override string ToString() => $"OCI archives in {Directory}";
    }

    /// <summary>Write each image as an OCI layout directory <c>directory/target</c> (what a bake without a registry writes).</summary>
    public sealed record OciLayouts(string Directory) : ImageDestination
    {
        public override IReadOnlyList<ImageReference> ReferencesFor(string name) => [];

        /// <summary>The layout directory of the bake target <paramref name="target"/>.</summary>
        public string PathFor(string target) => Path.Combine(Directory, target);

        public override string ToString() => $"OCI layouts in {Directory}";
    }
}
