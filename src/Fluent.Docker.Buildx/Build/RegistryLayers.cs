using System.Text.Json;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Build;

/// <summary>
/// An image's history as a registry holds it (no pull needed): each step of the config's history, with the compressed
/// size of the layer it added (read from the manifest), newest first like <c>DockerEngine.HistoryAsync</c> (Fluent.Docker.Engine).
/// </summary>
public static class RegistryLayers
{
    public static async Task<IReadOnlyList<ImageLayer>> ReadAsync(Buildx buildx, ImageReference image, Platform platform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(platform);
        var index = await buildx.ImagetoolsInspectAsync(image, cancellationToken).ConfigureAwait(false);
        var manifestReference = index.IsIndex
            ? image.WithDigest((index.Find(platform) ?? throw new InvalidOperationException($"{image} has no {platform} image; it offers {string.Join(", ", index.Platforms)}.")).Digest)
            : image.WithDigest(index.Digest);
        var manifest = index.IsIndex ? await buildx.ImagetoolsInspectAsync(manifestReference, cancellationToken).ConfigureAwait(false) : index;
        var config = await buildx.ImagetoolsConfigAsync(manifestReference, cancellationToken).ConfigureAwait(false);
        return Combine(manifest.Raw, config);
    }

    /// <summary>Pairs the config's history entries that added a layer (no <c>empty_layer</c>) with the manifest's layers, in order.</summary>
    public static IReadOnlyList<ImageLayer> Combine(string manifestJson, string configJson)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        using var config = JsonDocument.Parse(configJson);
        var sizes = manifest.RootElement.TryGetProperty("layers", out var layers)
            ? layers.EnumerateArray().Select(l => l.TryGetProperty("size", out var s) ? s.GetInt64() : 0).ToList()
            : [];
        var result = new List<ImageLayer>();
        var next = 0;
        if (config.RootElement.TryGetProperty("history", out var history))
            foreach (var entry in history.EnumerateArray())
            {
                var empty = entry.TryGetProperty("empty_layer", out var e) && e.ValueKind == JsonValueKind.True;
                var size = empty || next >= sizes.Count ? 0 : sizes[next++];
                var createdBy = entry.TryGetProperty("created_by", out var c) ? c.GetString() ?? "" : "";
                var created = entry.TryGetProperty("created", out var t) && t.TryGetDateTimeOffset(out var time) ? time : DateTimeOffset.MinValue;
                var comment = entry.TryGetProperty("comment", out var m) ? m.GetString() : null;
                result.Add(new ImageLayer("<registry>", created, createdBy, size, comment));
            }
        result.Reverse();
        return result;
    }
}
