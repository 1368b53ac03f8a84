using Fluent.Docker.Linting;

namespace Fluent.Docker.Engine;

// The engine as the lint's resolver (Linter.LintTextAsync): the same distribution inspect as ResolveAsync, through the
// engine's mirrors and credentials. What the lab showed (Engine 28.5): for a single image manifest the engine reads
// the config and answers with its one platform; for an index, the platforms it lists; for a name the registry does not
// have, 404 "manifest unknown".
public sealed partial class DockerEngine : IBaseImageResolver
{
    /// <summary>The platform this engine builds on (its OS and architecture): BuildKit's default target platform.</summary>
    public async Task<Platform> BuildPlatformAsync(CancellationToken cancellationToken = default)
    {
        var version = await CallAsync("Reading the engine version", () => _client.System.GetVersionAsync(cancellationToken)).ConfigureAwait(false);
        return Platform.Of(version.Os, version.Arch);
    }

    /// <summary>What the registry holds under <paramref name="image"/>: an index, or one image with its config's platform; null when the registry does not have it.</summary>
    public async Task<ResolvedBaseImage?> ResolveBaseImageAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is not null) return null;
        var reference = Pullable(image);
        global::Docker.DotNet.Models.DistributionInspectResponse answer;
        try
        {
            answer = await CallAsync($"Resolving {reference} in its registry", () => _client.Distribution.InspectAsync(reference, cancellationToken)).ConfigureAwait(false);
        }
        catch (DockerEngineException e) when (e.StatusCode is not null)
        {
            // The engine answered: the registry has no such image, or refuses it. A build fails on it by itself.
            return null;
        }
        var mediaType = answer.Descriptor?.MediaType ?? "";
        var isIndex = mediaType.Contains("index", StringComparison.Ordinal) || mediaType.Contains("manifest.list", StringComparison.Ordinal);
        var platforms = (answer.Platforms ?? [])
            .Where(p => !string.IsNullOrEmpty(p.OS) && !string.IsNullOrEmpty(p.Architecture) && p.OS != "unknown")
            .Select(p => Platform.Of(p.OS, p.Architecture, string.IsNullOrEmpty(p.Variant) ? null : p.Variant))
            .Distinct();
        return new ResolvedBaseImage(isIndex, ValueList.From(platforms));
    }
}
