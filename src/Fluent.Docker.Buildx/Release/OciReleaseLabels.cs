using System.Collections.Immutable;
using System.Globalization;

namespace Fluent.Docker.Release;

/// <summary>
/// The OCI image labels a release sets from git and the build (created, revision, source, version, title), the same
/// on every CI system. <c>created</c> is the commit time by default, so a rebuild of the same commit labels the same.
/// </summary>
public static class OciReleaseLabels
{
    /// <summary>The labels, keyed by OCI key; a fact that is unknown (no remote, no version) is left out, not invented.</summary>
    public static ImmutableSortedDictionary<string, string> Create(string title, SemanticVersion? version, SourceInfo? source, DateTimeOffset? created = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        labels[OciLabels.Title.Key] = title;
        if (version is not null) labels[OciLabels.Version.Key] = version.ToString();
        if (source is not null)
        {
            labels[OciLabels.Revision.Key] = source.Commit;
            if (source.RepositoryUrl is { } url) labels[OciLabels.Source.Key] = url;
        }
        if ((created ?? source?.CommitTime) is { } time) labels[OciLabels.Created.Key] = Rfc3339(time);
        return labels.ToImmutable();
    }

    /// <summary>UTC, whole seconds, <c>Z</c>: the form the OCI annotation spec asks for.</summary>
    public static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
