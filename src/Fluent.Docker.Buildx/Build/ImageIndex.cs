using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// What a registry holds for a reference, as <c>docker buildx imagetools inspect --raw</c> prints it: an OCI image
/// index or a Docker manifest list (one entry per platform, plus attestation entries), or a single image manifest
/// (<see cref="IsIndex"/> false, no entries).
/// </summary>
public sealed record ImageIndex
{
    private ImageIndex(string raw, string digest, string? mediaType, IReadOnlyList<ImageIndexEntry> manifests, bool isIndex)
    {
        Raw = raw;
        Digest = digest;
        MediaType = mediaType;
        Manifests = manifests;
        IsIndex = isIndex;
    }

    /// <summary>The JSON exactly as the registry served it.</summary>
    public string Raw { get; }

    /// <summary>sha256 of the raw bytes: the digest the registry addresses this document by.</summary>
    public string Digest { get; }

    public string? MediaType { get; }
    public bool IsIndex { get; }
    public IReadOnlyList<ImageIndexEntry> Manifests { get; }

    /// <summary>The platforms of the image entries (attestation entries, marked <c>unknown/unknown</c>, left out).</summary>
    public IReadOnlyList<Platform> Platforms =>
        Manifests.Where(m => !m.IsAttestation && m.Platform is not null).Select(m => m.Platform!).ToList();

    /// <summary>
    /// The image entry for <paramref name="platform"/>: same os and architecture, and the same variant when one is
    /// asked for (an exact variant match wins); null when the index has none.
    /// </summary>
    public ImageIndexEntry? Find(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var candidates = Manifests.Where(m => !m.IsAttestation && m.Platform is { } p
            && p.Os == platform.Os && p.Architecture == platform.Architecture
            && (platform.Variant is null || p.Variant == platform.Variant)).ToList();
        return candidates.FirstOrDefault(m => m.Platform!.Variant == platform.Variant) ?? candidates.FirstOrDefault();
    }

    public static ImageIndex Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw));
        var text = Encoding.UTF8.GetString(raw);
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var mediaType = root.TryGetProperty("mediaType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (!root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
            return new ImageIndex(text, digest, mediaType, [], isIndex: false);
        return new ImageIndex(text, digest, mediaType, manifests.EnumerateArray().Select(ImageIndexEntry.FromJson).ToList(), isIndex: true);
    }

    public static ImageIndex Parse(string raw) => Parse(Encoding.UTF8.GetBytes(raw));

    public override string ToString() => IsIndex ? $"index {Digest} [{string.Join(", ", Platforms)}]" : $"manifest {Digest}";
}
