using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Workflow;

public static partial class ImageWorkflow
{
    /// <summary>
    /// Every image's request for <paramref name="destination"/>, validated, and checked against the lock's base
    /// platforms (<see cref="BuildSetOptions.Lock"/>) before anything runs. Pure: nothing runs.
    /// Throws <see cref="BuildRequestException"/> or <see cref="PlatformGapsException"/>.
    /// </summary>
    public static IReadOnlyList<PlannedBuild> PlanBuildSet(IEnumerable<WorkflowImage> images, ImageDestination destination, BuildSetOptions? options = null, bool containerdImageStore = true)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= BuildSetOptions.Default;
        var planned = images.Select(image => new PlannedBuild(image, ImageRequests.For(image, destination, options, containerdImageStore))).ToList();
        foreach (var build in planned) build.Request.Validate(); // every mistake before the first build
        if (options.Lock is { } imageLock)
        {
            var gaps = planned.SelectMany(build => ImageLocking.PlatformGaps(build.Image.Dockerfile, build.Request.Platforms, imageLock)
                .Select(gap => new ImagePlatformGap(build.Image.Name, gap))).ToList();
            if (gaps.Count > 0) throw new PlatformGapsException(gaps);
        }
        return planned;
    }

    /// <summary>
    /// Builds each image in turn and puts it at <paramref name="destination"/>; a push the registry failed runs again as
    /// <see cref="BuildSetOptions.Retry"/> says. Returns what was built: for pushes, what the registry holds (compressed
    /// size); for loads, what the engine holds; for archives, the file. <paramref name="engine"/> is needed for
    /// <see cref="ImageDestination.Engine"/> only. Each image's start and each retry are reported to <paramref name="log"/>.
    /// </summary>
    public static async Task<BuildSetResult> BuildSetAsync(
        IEnumerable<WorkflowImage> images, ImageDestination destination, Buildx buildx, BuildSetOptions? options = null,
        DockerEngine? engine = null, BuildRunner? run = null, IProgress<BuildEvent>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        options ??= BuildSetOptions.Default;
        var containerd = true;
        if (destination is ImageDestination.Engine)
        {
            if (engine is null) throw new ArgumentException("Loading images into the engine needs the engine: pass a DockerEngine.", nameof(engine));
            containerd = await engine.UsesContainerdImageStoreAsync(cancellationToken).ConfigureAwait(false);
        }
        var planned = PlanBuildSet(images, destination, options, containerd);
        if (destination is ImageDestination.OciArchives archives) Directory.CreateDirectory(archives.Directory);
        run ??= (request, token) => buildx.BuildAsync(request, log, token);

        var built = new List<BuiltImage>();
        foreach (var (image, request) in planned)
        {
            log?.Report(new BuildEvent.ImageStarted(image.Name, request.Tags));
            var result = await RunAsync(request, run, options.Retry, log, cancellationToken).ConfigureAwait(false);
            built.Add(await DescribeAsync(image.Name, request, result, buildx, engine, cancellationToken).ConfigureAwait(false));
        }
        return new BuildSetResult(built);
    }

    /// <summary>One build; a push goes through <paramref name="retry"/> (the one retry policy), anything else runs once.</summary>
    private static Task<BuildResult> RunAsync(BuildRequest request, BuildRunner run, Release.PushRetry retry, IProgress<BuildEvent>? log, CancellationToken cancellationToken) =>
        request.Output is BuildOutput.RegistryPush
            ? retry.RunAsync(_ => run(request, cancellationToken), log, cancellationToken)
            : run(request, cancellationToken);

    /// <summary>What a build produced, as the summary shows it.</summary>
    private static async Task<BuiltImage> DescribeAsync(string name, BuildRequest request, BuildResult result, Buildx buildx, DockerEngine? engine, CancellationToken cancellationToken)
    {
        switch (request.Output)
        {
            case BuildOutput.RegistryPush:
                return await BuiltImages.DescribePushedAsync(buildx, name, request.Tags[0], result, cancellationToken).ConfigureAwait(false) with { Tags = [.. request.Tags] };
            case BuildOutput.ImageStoreLoad when engine is not null:
            {
                var first = request.Tags.Count > 0 ? request.Tags[0].ToString() : result.Digest ?? "";
                var inspection = await engine.InspectImageAsync(first, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new BuiltImage(name, [.. request.Platforms], inspection.Size, result.Digest ?? inspection.Id, first, result.Duration) { Tags = [.. request.Tags] };
            }
            case BuildOutput.OciArchiveFile { Path: var path }:
                return new BuiltImage(name, [.. request.Platforms], new FileInfo(path).Length, result.Digest ?? "", path, result.Duration);
            case BuildOutput.OciLayoutDirectory { Path: var directory }:
                return new BuiltImage(name, [.. request.Platforms], DirectoryBytes(directory), result.Digest ?? "", directory, result.Duration);
            default:
                return new BuiltImage(name, [.. request.Platforms], 0, result.Digest ?? "", request.Tags.Count > 0 ? request.Tags[0].ToString() : name, result.Duration) { Tags = [.. request.Tags] };
        }
    }

    private static long DirectoryBytes(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}

/// <summary>One image of a set and the request that builds it.</summary>
public sealed record PlannedBuild(WorkflowImage Image, BuildRequest Request);

/// <summary>A base image of <see cref="ImageName"/> lacks a platform the image is built for.</summary>
public sealed record ImagePlatformGap(string ImageName, PlatformGap Gap)
{
    public override string ToString() => $"{ImageName}: {Gap}";
}

/// <summary>What a set build, a release or a bake put where: one <see cref="BuiltImage"/> per image, in build order.</summary>
public sealed record BuildSetResult(IReadOnlyList<BuiltImage> Images)
{
    /// <summary>
    /// The plain summary table (image, platforms, compressed size, short digest, and the tags when any image has
    /// several); archive paths relative to <paramref name="baseDirectory"/>.
    /// </summary>
    public string ToTable(string? baseDirectory = null) => BuiltImages.SummaryTable(Images, baseDirectory);

    /// <summary>Each image's layers as the registry holds them, when the run was asked for them (<see cref="ImageWorkflow.ReleaseAsync"/>).</summary>
    public IReadOnlyList<ImageLayers> Layers { get; init; } = [];

    /// <summary>The summary table, then each image's layer table.</summary>
    public string ToText(string? baseDirectory = null) =>
        ToTable(baseDirectory) + string.Concat(Layers.Select(l => $"{l.Title}{Environment.NewLine}{LayerTable.Format(l.History)}"));
}

/// <summary>The layers of one platform of a pushed image, compressed, newest first.</summary>
public sealed record ImageLayers(string ImageName, ImageReference Reference, Platform Platform, IReadOnlyList<ImageLayer> History)
{
    public string Title => $"{ImageName} ({Platform}) layers, compressed";
}

/// <summary>A base image lacks a platform an image is to be built for; nothing ran.</summary>
public sealed class PlatformGapsException(IReadOnlyList<ImagePlatformGap> gaps) : InvalidOperationException(
    $"{gaps.Count} base image(s) lack a platform asked for: {string.Join("; ", gaps)}. Fix: {GapFix}"), IProblemException
{
    private const string GapFix = "build for the platforms the bases offer, or choose bases that offer the rest.";

    public IReadOnlyList<ImagePlatformGap> Gaps { get; } = gaps;

    /// <summary>One <see cref="ProblemCodes.PlatformGap"/> per gap.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [.. gaps.Select(g => Problem.Error(ProblemCodes.PlatformGap, ProblemLocation.None, $"A base image lacks a platform asked for: {g}.", GapFix))];
}
