using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Workflow;

public static partial class ImageWorkflow
{
    /// <summary>
    /// Publishes <paramref name="images"/>: each is built for every platform it declares and pushed as one
    /// multi-platform index under every tag of <see cref="ReleaseSettings.Tags"/>, labelled from git, retried as
    /// <see cref="ReleaseSettings.Retry"/> says. Every request is validated before the first build. With
    /// <paramref name="describeLayers"/>, the result also carries each image's layers (its first platform) as the registry holds them.
    /// </summary>
    public static async Task<BuildSetResult> ReleaseAsync(
        IEnumerable<WorkflowImage> images, ReleaseSettings settings, Buildx buildx, BuildRunner? run = null,
        IProgress<BuildEvent>? log = null, bool describeLayers = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(buildx);
        var planned = images.Select(image => new PlannedBuild(image, ImageRequests.ForRelease(image, settings))).ToList();
        foreach (var build in planned) build.Request.Validate(); // every mistake before the first build
        run ??= (request, token) => buildx.BuildAsync(request, log, token);

        var released = new List<BuiltImage>();
        var layers = new List<ImageLayers>();
        foreach (var (image, request) in planned)
        {
            log?.Report(new BuildEvent.ImageStarted(image.Name, request.Tags));
            var result = await RunAsync(request, run, settings.Retry, log, cancellationToken).ConfigureAwait(false);
            var pushed = await DescribeAsync(image.Name, request, result, buildx, null, cancellationToken).ConfigureAwait(false);
            released.Add(pushed);
            if (describeLayers && pushed.Platforms.Count > 0)
                layers.Add(new ImageLayers(image.Name, request.Tags[0], pushed.Platforms[0],
                    await RegistryLayers.ReadAsync(buildx, request.Tags[0], pushed.Platforms[0], cancellationToken).ConfigureAwait(false)));
        }
        return new BuildSetResult(released) { Layers = layers };
    }
}
