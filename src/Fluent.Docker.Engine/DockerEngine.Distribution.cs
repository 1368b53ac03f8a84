using Fluent.Docker.Pinning;

namespace Fluent.Docker.Engine;

public sealed partial class DockerEngine
{
    /// <summary>
    /// What <paramref name="image"/> names in its registry right now: the digest of its manifest or index and the
    /// platforms it offers (the Engine API's distribution inspect). The engine asks the registry, through its
    /// configured mirrors and credentials, so Docker Hub images resolve where the engine pulls them from.
    /// </summary>
    public async Task<LockedImage> ResolveAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        var reference = Pullable(image);
        var answer = await CallAsync($"Resolving {reference} in its registry", () => _client.Distribution.InspectAsync(reference, cancellationToken)).ConfigureAwait(false);
        var digest = answer.Descriptor?.Digest ?? throw new DockerEngineException($"Resolving {reference}: the registry answered without a digest.");
        var platforms = (answer.Platforms ?? [])
            .Where(p => !string.IsNullOrEmpty(p.OS) && !string.IsNullOrEmpty(p.Architecture) && p.OS != "unknown")
            .Select(p => Platform.Of(p.OS, p.Architecture, string.IsNullOrEmpty(p.Variant) ? null : p.Variant))
            .Distinct();
        return new LockedImage(image, digest, ValueList.From(platforms));
    }
}
