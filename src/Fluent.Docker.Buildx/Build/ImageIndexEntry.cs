using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>One manifest listed in an <see cref="ImageIndex"/>: its digest and the platform it runs on.</summary>
/// <param name="Digest">The manifest digest (pull <c>repo@digest</c> to get exactly this platform's image).</param>
/// <param name="MediaType">An image manifest, or a nested index.</param>
/// <param name="Size">The manifest's size in bytes.</param>
/// <param name="Platform">Null when the entry names none, or names one that is not a valid platform.</param>
/// <param name="IsAttestation">A buildx attestation manifest (provenance/SBOM), not a runnable image.</param>
public sealed record ImageIndexEntry(string Digest, string? MediaType, long Size, Platform? Platform, bool IsAttestation)
{
    internal static ImageIndexEntry FromJson(JsonElement entry)
    {
        string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        Platform? platform = null;
        if (entry.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object
            && Text(p, "os") is { } os && Text(p, "architecture") is { } architecture)
        {
            try { platform = Platform.Of(os, architecture, Text(p, "variant")); }
            catch (FormatException) { platform = null; }
        }

        var isAttestation =
            (entry.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
             && Text(annotations, "vnd.docker.reference.type") == "attestation-manifest")
            || platform is { Os: "unknown", Architecture: "unknown" };

        var size = entry.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var length) ? length : 0;
        return new ImageIndexEntry(Text(entry, "digest") ?? "", Text(entry, "mediaType"), size, platform, isAttestation);
    }
}
