using System.Globalization;
using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Workflow;

public static partial class ImageWorkflow
{
    /// <summary>
    /// The bake that puts every image at <paramref name="destination"/>: an image whose Dockerfile names another image
    /// of the set reads it as a <c>target:</c> context (<see cref="ImageGraph"/>). Pure: nothing runs.
    /// </summary>
    public static BakeDefinition PlanBake(IReadOnlyList<GeneratedImage> images, ImageDestination destination)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(destination);
        return ImageGraph.ToBake(images, (image, _) => ImageRequests.For(WorkflowImage.From(image), destination));
    }

    /// <summary>
    /// Builds <paramref name="images"/> as one <c>docker buildx bake</c> (<see cref="PlanBake"/>); a bake the registry
    /// failed runs again as <paramref name="retry"/> says (default <see cref="PushRetry.Default"/>), its finished steps
    /// from the cache.
    /// </summary>
    public static async Task<BakeRun> BakeAsync(
        IReadOnlyList<GeneratedImage> images, ImageDestination destination, Buildx buildx, PushRetry? retry = null,
        IProgress<BuildEvent>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        var bake = PlanBake(images, destination);
        var results = await (retry ?? PushRetry.Default).RunAsync(_ => buildx.BakeAsync(bake, log, cancellationToken), log, cancellationToken).ConfigureAwait(false);
        return new BakeRun(bake, results);
    }
}

/// <summary>What a bake built: its definition (targets in build order) and each target's result.</summary>
public sealed record BakeRun(BakeDefinition Definition, IReadOnlyDictionary<string, BuildResult> Results)
{
    /// <summary>Targets, each after the targets it reads.</summary>
    public IReadOnlyList<BakeTarget> BuildOrder => [.. Definition.BuildOrder()];

    /// <summary>One row per target in build order: the targets it reads, its digest and how long the bake took.</summary>
    public string ToTable() => PlainTable.Format(["TARGET", "READS", "DIGEST"], [.. BuildOrder.Select(target => new[]
    {
        target.Name,
        target.TargetContexts.Count == 0 ? "-" : string.Join(",", target.TargetContexts.Values),
        Results.TryGetValue(target.Name, out var result) && result.Digest is { } digest ? BuiltImages.ShortDigest(digest) : "-",
    })]) + string.Format(CultureInfo.InvariantCulture, "{0} target(s) in {1:0.0} s{2}", Results.Count,
        Results.Values.Select(r => r.Duration.TotalSeconds).DefaultIfEmpty(0).Max(), Environment.NewLine);
}
