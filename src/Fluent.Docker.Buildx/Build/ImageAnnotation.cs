namespace Fluent.Docker.Build;

/// <summary>Which part of the pushed image an <see cref="ImageAnnotation"/> is written to.</summary>
public enum AnnotationLevel
{
    /// <summary>Each platform's image manifest (<c>manifest:</c>).</summary>
    Manifest,

    /// <summary>The image index that lists the platforms (<c>index:</c>).</summary>
    Index,

    /// <summary>The descriptor of each manifest inside the index (<c>manifest-descriptor:</c>).</summary>
    ManifestDescriptor,

    /// <summary>The descriptor of the index in an OCI layout's <c>index.json</c> (<c>index-descriptor:</c>).</summary>
    IndexDescriptor,
}

/// <summary>
/// An OCI annotation on the built image (<c>--annotation [level[platform]:]key=value</c>, bake <c>annotations</c>):
/// metadata on the manifest, index or their descriptors, where a label can only reach the image config. Rendered one
/// level per flag, so buildx never has to split a level list.
/// </summary>
public sealed record ImageAnnotation
{
    private ImageAnnotation(string key, string value, AnnotationLevel? level, Platform? platform)
    {
        Key = key;
        Value = value;
        Level = level;
        Platform = platform;
    }

    /// <summary>The annotation key, e.g. <c>org.opencontainers.image.description</c>.</summary>
    public string Key { get; }

    public string Value { get; }

    /// <summary>Where it is written; null leaves buildx's default (each image manifest).</summary>
    public AnnotationLevel? Level { get; }

    /// <summary>Only this platform's manifest (or its descriptor); null: every platform.</summary>
    public Platform? Platform { get; }

    /// <summary>An annotation at buildx's default level (the image manifests).</summary>
    public static ImageAnnotation Of(string key, string value) => new(key ?? "", value ?? "", null, null);

    /// <summary>On each platform's manifest, or only on <paramref name="platform"/>'s.</summary>
    public static ImageAnnotation Manifest(string key, string value, Platform? platform = null) => new(key ?? "", value ?? "", AnnotationLevel.Manifest, platform);

    /// <summary>On the image index (a build with several platforms or attestations produces one).</summary>
    public static ImageAnnotation Index(string key, string value) => new(key ?? "", value ?? "", AnnotationLevel.Index, null);

    /// <summary>On each manifest's descriptor inside the index, or only on <paramref name="platform"/>'s.</summary>
    public static ImageAnnotation ManifestDescriptor(string key, string value, Platform? platform = null) =>
        new(key ?? "", value ?? "", AnnotationLevel.ManifestDescriptor, platform);

    /// <summary>On the index's descriptor (written by OCI layout and archive outputs).</summary>
    public static ImageAnnotation IndexDescriptor(string key, string value) => new(key ?? "", value ?? "", AnnotationLevel.IndexDescriptor, null);

    /// <summary>The level prefix buildx reads, e.g. <c>manifest-descriptor</c>.</summary>
    internal static string LevelText(AnnotationLevel level) => level switch
    {
        AnnotationLevel.Manifest => "manifest",
        AnnotationLevel.Index => "index",
        AnnotationLevel.ManifestDescriptor => "manifest-descriptor",
        AnnotationLevel.IndexDescriptor => "index-descriptor",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown annotation level."),
    };

    /// <summary><c>[level[platform]:]key=value</c>, as <c>--annotation</c> takes it.</summary>
    public override string ToString()
    {
        var prefix = Level is { } level ? LevelText(level) + (Platform is null ? "" : $"[{Platform}]") + ":" : "";
        return $"{prefix}{Key}={Value}";
    }
}
