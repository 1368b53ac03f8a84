using Fluent.Docker.Build;

namespace Fluent.Docker.Release;

/// <summary>
/// How a release (ImageRelease, in Fluent.Docker.Workflow) publishes images: to which registry, with which tags and labels, how reproducibly,
/// and how hard it tries. Immutable; <c>With*</c> returns new settings.
/// </summary>
public sealed record ReleaseSettings
{
    /// <summary>Publishes to <paramref name="registry"/> (<c>host[:port]</c>, optionally with a namespace: <c>host/team</c>) with <paramref name="tags"/>.</summary>
    public ReleaseSettings(string registry, TagStrategy tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        Registry = registry.TrimEnd('/');
        Tags = tags ?? throw new ArgumentNullException(nameof(tags));
    }

    public string Registry { get; init; }
    public TagStrategy Tags { get; init; }

    /// <summary>The git facts behind labels (revision, source, created) and the default <see cref="SourceDateEpoch"/>.</summary>
    public SourceInfo? Source { get; init; }

    /// <summary>The build time written into images; defaults to <see cref="SourceInfo.CommitTime"/> so rebuilds of a commit match.</summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>Provenance of the pushed images; null keeps buildx's default (min).</summary>
    public ProvenanceMode? Provenance { get; init; }

    public PushRetry Retry { get; init; } = PushRetry.Default;

    public ReleaseSettings WithSource(SourceInfo source) => this with { Source = source ?? throw new ArgumentNullException(nameof(source)) };
    public ReleaseSettings WithSourceDateEpoch(DateTimeOffset epoch) => this with { SourceDateEpoch = epoch };
    public ReleaseSettings WithProvenance(ProvenanceMode provenance) => this with { Provenance = provenance };
    public ReleaseSettings WithRetry(PushRetry retry) => this with { Retry = retry ?? throw new ArgumentNullException(nameof(retry)) };

    /// <summary>The repository an image is pushed to: <c>registry/name</c>.</summary>
    public ImageReference RepositoryFor(ImageDefinition definition) => RepositoryFor((definition ?? throw new ArgumentNullException(nameof(definition))).Name);

    /// <summary>The repository the image called <paramref name="imageName"/> is pushed to: <c>registry/name</c>.</summary>
    public ImageReference RepositoryFor(string imageName) => ImageReference.Of(Registry, imageName);
}
