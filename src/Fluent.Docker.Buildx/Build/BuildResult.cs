using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// What a finished build produced, read from buildx's <c>--metadata-file</c>.
/// </summary>
/// <param name="Digest"><c>containerimage.digest</c>: the image (or, for several platforms, the index) digest; null when the output is not an image.</param>
/// <param name="MediaType">The media type from <c>containerimage.descriptor</c>: an OCI index, a manifest, …</param>
/// <param name="ImageNames"><c>image.name</c>, as buildx normalised it (e.g. <c>docker.io/library/app:1</c>).</param>
/// <param name="Metadata">Every metadata entry, raw, for what the typed members do not cover.</param>
/// <param name="Duration">Wall-clock time of the buildx process.</param>
public sealed record BuildResult(
    string? Digest,
    string? MediaType,
    IReadOnlyList<ImageReference> ImageNames,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    TimeSpan Duration)
{
    /// <summary>Reads the metadata file's JSON object; an empty or missing document gives an empty result.</summary>
    public static BuildResult FromMetadata(string? metadataJson, TimeSpan duration)
    {
        var metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(metadataJson))
        {
            using var document = JsonDocument.Parse(metadataJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var property in document.RootElement.EnumerateObject())
                    metadata[property.Name] = property.Value.Clone();
        }

        string? Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

        var digest = metadata.TryGetValue("containerimage.digest", out var d) ? Text(d) : null;
        string? mediaType = null;
        if (metadata.TryGetValue("containerimage.descriptor", out var descriptor) && descriptor.ValueKind == JsonValueKind.Object)
        {
            if (descriptor.TryGetProperty("mediaType", out var m)) mediaType = Text(m);
            if (digest is null && descriptor.TryGetProperty("digest", out var dd)) digest = Text(dd);
        }

        // image.name lists every name, comma-separated, when the build had several tags.
        var names = metadata.TryGetValue("image.name", out var n) && Text(n) is { } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => ImageReference.TryParse(name, out var reference) ? reference : null)
                .OfType<ImageReference>()
                .ToList()
            : [];

        return new BuildResult(digest, mediaType, names, metadata, duration);
    }
}
