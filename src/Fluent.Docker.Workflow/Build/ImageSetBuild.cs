namespace Fluent.Docker.Build;

/// <summary>
/// Builds generated image definitions for all their platforms with buildx, one after the other, and reports what
/// was built (the image-set build of <see cref="Workflow.ImageWorkflow"/>). Sizes are compressed bytes (what a pull transfers): layers plus config of every platform.
/// </summary>
public static class ImageSetBuild
{
    /// <summary>The request that builds <paramref name="image"/> for every platform it declares (<see cref="Workflow.ImageRequests.For(Workflow.WorkflowImage)"/>).</summary>
    public static BuildRequest RequestFor(GeneratedImage image) => Workflow.ImageRequests.For(Workflow.WorkflowImage.From(image));

    /// <summary>Builds each image in turn into <paramref name="destination"/> (<see cref="Workflow.ImageWorkflow.BuildSetAsync"/> with the default options).</summary>
    public static async Task<IReadOnlyList<BuiltImage>> RunAsync(
        IEnumerable<GeneratedImage> images, ImageDestination destination, Buildx buildx,
        IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var result = await Workflow.ImageWorkflow.BuildSetAsync(images.Select(Workflow.WorkflowImage.From), destination, buildx, log: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Images;
    }
}
