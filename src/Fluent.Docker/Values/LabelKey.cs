namespace Fluent.Docker;

/// <summary>A label key. Use <see cref="OciLabels"/> for the standard <c>org.opencontainers.image.*</c> keys.</summary>
public sealed record LabelKey : IDockerValue
{
    public LabelKey(string key) => Key = key ?? "";

    public string Key { get; }

    public static implicit operator LabelKey(string key) => new(key);

    public Problem? Problem => Key.Length == 0
        ? Problem.InvalidValue("The label key is empty.", "use a reverse-DNS key such as com.example.team, or an OciLabels key.")
        : null;

    public override string ToString() => Key;
}

/// <summary>The pre-defined annotation keys of the OCI image spec (opencontainers/image-spec annotations.md).</summary>
public static class OciLabels
{
    public static LabelKey Created { get; } = new("org.opencontainers.image.created");
    public static LabelKey Authors { get; } = new("org.opencontainers.image.authors");
    public static LabelKey Url { get; } = new("org.opencontainers.image.url");
    public static LabelKey Documentation { get; } = new("org.opencontainers.image.documentation");
    public static LabelKey Source { get; } = new("org.opencontainers.image.source");
    public static LabelKey Version { get; } = new("org.opencontainers.image.version");
    public static LabelKey Revision { get; } = new("org.opencontainers.image.revision");
    public static LabelKey Vendor { get; } = new("org.opencontainers.image.vendor");
    public static LabelKey Licenses { get; } = new("org.opencontainers.image.licenses");
    public static LabelKey RefName { get; } = new("org.opencontainers.image.ref.name");
    public static LabelKey Title { get; } = new("org.opencontainers.image.title");
    public static LabelKey Description { get; } = new("org.opencontainers.image.description");
    public static LabelKey BaseDigest { get; } = new("org.opencontainers.image.base.digest");
    public static LabelKey BaseName { get; } = new("org.opencontainers.image.base.name");
}
