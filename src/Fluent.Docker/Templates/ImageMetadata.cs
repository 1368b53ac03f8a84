namespace Fluent.Docker.Templates;

/// <summary>
/// The OCI labels (opencontainers image-spec annotations) a template puts on its final image. The version is a build
/// argument, <c>VERSION</c>, defaulting to <see cref="Version"/>, so a release build sets it with
/// <c>--build-arg VERSION=1.2.3</c> without touching the definition. <c>org.opencontainers.image.base.name</c> is
/// always the runtime base image the template chose.
/// </summary>
public sealed record ImageMetadata
{
    /// <summary>Human-readable title; null means the last part of the image name.</summary>
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The default of the <c>VERSION</c> build argument.</summary>
    public string Version { get; init; } = "0.0.0-dev";

    /// <summary>Where the source lives (a URL).</summary>
    public Uri? Source { get; init; }
    public string? Revision { get; init; }

    /// <summary>SPDX license expression, e.g. <c>MIT</c> or <c>Apache-2.0</c>.</summary>
    public string? Licenses { get; init; }
    public string? Vendor { get; init; }
    public string? Authors { get; init; }
    public Uri? Documentation { get; init; }

    /// <summary>The build argument that carries the version (<c>ARG VERSION=…</c> in the final stage).</summary>
    public BuildArg VersionArg => new("VERSION", Version);

    internal IEnumerable<Problem> Problems()
    {
        if (string.IsNullOrWhiteSpace(Version))
            yield return TemplateKit.OptionProblem("Metadata.Version", "The version is empty; the label would be empty too.", "give a default such as '0.1.0' (release builds override it with --build-arg VERSION=…).");
        foreach (var (name, value) in new[] { ("Title", Title), ("Description", Description), ("Version", Version), ("Revision", Revision), ("Licenses", Licenses), ("Vendor", Vendor), ("Authors", Authors) })
            if (value is not null && value.IndexOfAny(['\r', '\n', '\0']) >= 0)
                yield return TemplateKit.OptionProblem("Metadata." + name, "The value contains a line break or NUL; a label value is one line.", "put it on one line.");
        foreach (var (name, uri) in new[] { ("Source", Source), ("Documentation", Documentation) })
            if (uri is not null && !uri.IsAbsoluteUri)
                yield return TemplateKit.OptionProblem("Metadata." + name, $"'{uri}' is not an absolute URL.", "give the full URL, e.g. https://example.com/team/app.");
    }

    /// <summary>The labels, in the OCI spec's order, for an image named <paramref name="imageName"/> on <paramref name="baseImage"/>.</summary>
    internal (LabelKey Key, Expandable Value)[] Labels(string imageName, ImageReference? baseImage)
    {
        var labels = new List<(LabelKey, Expandable)>
        {
            (OciLabels.Title, Title ?? imageName[(imageName.LastIndexOf('/') + 1)..]),
        };
        if (Description is not null) labels.Add((OciLabels.Description, Description));
        labels.Add((OciLabels.Version, VersionArg));
        if (Source is not null) labels.Add((OciLabels.Source, Source.ToString()));
        if (Revision is not null) labels.Add((OciLabels.Revision, Revision));
        if (Licenses is not null) labels.Add((OciLabels.Licenses, Licenses));
        if (Vendor is not null) labels.Add((OciLabels.Vendor, Vendor));
        if (Authors is not null) labels.Add((OciLabels.Authors, Authors));
        if (Documentation is not null) labels.Add((OciLabels.Documentation, Documentation.ToString()));
        if (baseImage is not null) labels.Add((OciLabels.BaseName, baseImage.ToString()));
        return [.. labels];
    }
}
