using System.Globalization;
using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>One image a build set, release or bake built: where it went, for which platforms, how big, which digest.</summary>
public sealed record BuiltImage(string Name, IReadOnlyList<Platform> Platforms, long CompressedBytes, string Digest, string Location, TimeSpan Duration)
{
    /// <summary>Every tag the image was pushed under (empty for archives).</summary>
    public IReadOnlyList<ImageReference> Tags { get; init; } = [];
}

/// <summary>What was built, as tables show it: what the registry holds after a push, digests and sizes.</summary>
public static class BuiltImages
{
    /// <summary>What the registry holds under <paramref name="reference"/> after a push: platforms, compressed size, digest.</summary>
    public static async Task<BuiltImage> DescribePushedAsync(Buildx buildx, string name, ImageReference reference, BuildResult result, CancellationToken cancellationToken)
    {
        var index = await buildx.ImagetoolsInspectAsync(reference, cancellationToken).ConfigureAwait(false);
        long size = 0;
        foreach (var entry in index.Manifests.Where(m => !m.IsAttestation))
        {
            var manifest = await buildx.ImagetoolsInspectAsync(reference.WithDigest(entry.Digest), cancellationToken).ConfigureAwait(false);
            size += ManifestBytes(manifest.Raw);
        }
        if (!index.IsIndex) size = ManifestBytes(index.Raw);
        return new BuiltImage(name, index.Platforms, size, result.Digest ?? index.Digest, reference.ToString(), result.Duration);
    }

    /// <summary>Config plus layer sizes of one image manifest.</summary>
    internal static long ManifestBytes(string manifestJson)
    {
        using var document = JsonDocument.Parse(manifestJson);
        var root = document.RootElement;
        long size = root.TryGetProperty("config", out var config) && config.TryGetProperty("size", out var c) ? c.GetInt64() : 0;
        if (root.TryGetProperty("layers", out var layers))
            foreach (var layer in layers.EnumerateArray())
                if (layer.TryGetProperty("size", out var s)) size += s.GetInt64();
        return size;
    }

    /// <summary>
    /// A plain-text table: image, platforms, size, digest, and the tags when any image was pushed under several.
    /// Archive paths show relative to <paramref name="baseDirectory"/>.
    /// </summary>
    public static string SummaryTable(IReadOnlyList<BuiltImage> images, string? baseDirectory = null)
    {
        var withTags = images.Any(i => i.Tags.Count > 1);
        string[] header = withTags ? ["IMAGE", "PLATFORMS", "SIZE", "DIGEST", "TAGS"] : ["IMAGE", "PLATFORMS", "SIZE", "DIGEST"];
        var rows = images.Select(i => new[]
        {
            baseDirectory is not null && Path.IsPathRooted(i.Location) ? Path.GetRelativePath(baseDirectory, i.Location) : i.Location,
            string.Join(",", i.Platforms),
            HumanBytes(i.CompressedBytes),
            ShortDigest(i.Digest),
            string.Join(",", i.Tags.Select(t => t.Tag)),
        }.Take(header.Length).ToArray()).ToList();
        return PlainTable.Format(header, rows);
    }

    /// <summary>A digest as tables show it: <c>sha256:</c> and the first 12 hex digits, as docker prints image ids.</summary>
    public static string ShortDigest(string digest) => digest.Length > 19 ? digest[..19] : digest;

    /// <summary>Bytes as B, KiB or MiB with one decimal, invariant culture.</summary>
    public static string HumanBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
    };
}
