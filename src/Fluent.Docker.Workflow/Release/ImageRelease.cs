using Fluent.Docker.Build;

namespace Fluent.Docker.Release;

/// <summary>
/// Publishes generated images: each is built for every platform it declares and pushed as one multi-platform index
/// under every tag of the <see cref="TagStrategy"/>, labelled from git (<see cref="OciReleaseLabels"/>), with
/// <c>SOURCE_DATE_EPOCH</c> set, and retried when the registry (not the build) fails.
/// </summary>
public static class ImageRelease
{
    /// <summary>The build-and-push request for <paramref name="image"/> (pure: nothing runs; <see cref="Workflow.ImageRequests.ForRelease"/>).</summary>
    public static BuildRequest RequestFor(GeneratedImage image, ReleaseSettings settings) =>
        Workflow.ImageRequests.ForRelease(Workflow.WorkflowImage.From(image ?? throw new ArgumentNullException(nameof(image))), settings);

    /// <summary>Builds and pushes each image in turn; returns what the registry now holds for each (<see cref="Workflow.ImageWorkflow.ReleaseAsync"/>).</summary>
    public static async Task<IReadOnlyList<BuiltImage>> RunAsync(IEnumerable<GeneratedImage> images, ReleaseSettings settings, Buildx buildx,
        IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var released = await Workflow.ImageWorkflow.ReleaseAsync(images.Select(Workflow.WorkflowImage.From), settings, buildx, log: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        return released.Images;
    }
}
