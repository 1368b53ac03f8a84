namespace Fluent.Docker.Build;

/// <summary>The layer compression an image export writes (<c>compression=</c>).</summary>
public enum ImageCompression
{
    Uncompressed,
    Gzip,
    Estargz,
    Zstd,
}

/// <summary>
/// The options of the image exporter (<c>--output type=image,…</c>, see <see cref="BuildOutput.Image"/>). The image is
/// named by the request's tags (<c>name=</c> is rendered from them), so a name is given in one place. Unset options
/// keep BuildKit's defaults.
/// </summary>
public sealed record ImageExportOptions
{
    /// <summary><c>push=true</c>: push the named image to its registry.</summary>
    public bool Push { get; init; }

    /// <summary><c>push-by-digest=true</c>: push without a tag (the digest is in the result); needs <see cref="Push"/>.</summary>
    public bool PushByDigest { get; init; }

    /// <summary><c>name-canonical=true</c>: also name the image <c>name@digest</c>.</summary>
    public bool NameCanonical { get; init; }

    /// <summary><c>compression=</c>; null keeps BuildKit's (gzip).</summary>
    public ImageCompression? Compression { get; init; }

    /// <summary><c>compression-level=</c>: 0–9 for gzip and estargz, 0–22 for zstd; needs <see cref="Compression"/>.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary><c>force-compression=true</c>: recompress base layers that use another compression.</summary>
    public bool ForceCompression { get; init; }

    /// <summary><c>oci-mediatypes=</c>: OCI (true) or Docker (false) media types; null keeps BuildKit's choice.</summary>
    public bool? OciMediaTypes { get; init; }

    /// <summary><c>unpack=</c>: also unpack the image into the engine's snapshotter; null keeps the default.</summary>
    public bool? Unpack { get; init; }

    /// <summary><c>store=</c>: keep the image in the engine's image store (false: push only); null keeps the default.</summary>
    public bool? Store { get; init; }

    internal IEnumerable<string> Fields(IReadOnlyList<ImageReference> names)
    {
        yield return "type=image";
        if (names.Count > 0) yield return "name=" + string.Join(",", names);
        if (Push) yield return "push=true";
        if (PushByDigest) yield return "push-by-digest=true";
        if (NameCanonical) yield return "name-canonical=true";
        if (Compression is { } compression) yield return "compression=" + compression.ToString().ToLowerInvariant();
        if (CompressionLevel is { } level) yield return "compression-level=" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ForceCompression) yield return "force-compression=true";
        if (OciMediaTypes is { } oci) yield return "oci-mediatypes=" + (oci ? "true" : "false");
        if (Unpack is { } unpack) yield return "unpack=" + (unpack ? "true" : "false");
        if (Store is { } store) yield return "store=" + (store ? "true" : "false");
    }

    public override string ToString() => CsvFields.Join([.. Fields([])]);
}
