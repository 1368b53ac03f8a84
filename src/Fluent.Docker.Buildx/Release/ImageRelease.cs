using Fluent.Docker.Build;

namespace Fluent.Docker.Release;

/// <summary>
/// Publishes generated images: each is built for every platform it declares and pushed as one multi-platform index
/// under every tag of the <see cref="TagStrategy"/>, labelled from git (<see cref="OciReleaseLabels"/>), with
/// <c>SOURCE_DATE_EPOCH</c> set, and retried when the registry (not the build) fails.
/// </summary>
public static class ImageRelease
{
    /// <summary>The build-and-push request for <paramref name="image"/> (pure: nothing runs).</summary>
    public static BuildRequest RequestFor(GeneratedImage image, ReleaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        var definition = image.Definition;
        var request = ImageSetBuild.RequestFor(image)
            .WithTags([.. settings.Tags.For(settings.RepositoryFor(definition))])
            .WithLabels(OciReleaseLabels.Create(definition.Name, settings.Tags.Version, settings.Source))
            .WithOutput(BuildOutput.Push);
        if ((settings.SourceDateEpoch ?? settings.Source?.CommitTime) is { } epoch) request = request.WithSourceDateEpoch(epoch);
        if (settings.Provenance is { } provenance) request = request.WithProvenance(provenance);
        return request;
    }

    /// <summary>Builds and pushes each image in turn; returns what the registry now holds for each.</summary>
    public static async Task<IReadOnlyList<BuiltImage>> RunAsync(IEnumerable<GeneratedImage> images, ReleaseSettings settings, Buildx buildx,
        IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(buildx);
        var requests = images.Select(image => (image, request: RequestFor(image, settings))).ToList();
        foreach (var (_, request) in requests) request.Validate(); // every mistake before the first build

        var released = new List<BuiltImage>();
        foreach (var (image, request) in requests)
        {
            progress?.Report(new BuildEvent.ImageStarted(image.Definition.Name, request.Tags));
            var result = await settings.Retry.RunAsync(_ => buildx.BuildAsync(request, progress, cancellationToken), progress, cancellationToken).ConfigureAwait(false);
            released.Add(await ImageSetBuild.DescribePushedAsync(buildx, image.Definition.Name, request.Tags[0], result, cancellationToken).ConfigureAwait(false)
                with { Tags = request.Tags });
        }
        return released;
    }
}
