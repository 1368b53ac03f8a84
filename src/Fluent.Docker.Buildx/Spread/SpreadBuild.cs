namespace Fluent.Docker.Build;

/// <summary>
/// A multi-platform image built with each platform on its own engine (issue 15): every platform is built concurrently
/// on its engine and stored in the image's repository by digest, with no tag; once every platform is stored,
/// <c>docker buildx imagetools create</c> joins them into one index and writes the tag. A platform that fails leaves
/// the tag unwritten. CI matrix jobs can split the two halves: <see cref="BuildPlatformAsync"/> per job (persist its
/// <see cref="PlatformDigest"/> with <see cref="PlatformDigest.WriteTo"/>), then <see cref="MergeAsync"/> in one job.
/// </summary>
public static class SpreadBuild
{
    /// <summary>
    /// Builds <paramref name="request"/> once per entry of <paramref name="engines"/> (that platform, on that engine),
    /// concurrently, pushes each by digest to <paramref name="tag"/>'s repository, then merges them under
    /// <paramref name="tag"/> with <paramref name="merger"/> (the registry side: e.g. the default context). The request's
    /// platforms, tags and output are replaced per platform. Throws <see cref="SpreadBuildException"/> naming each failed
    /// platform and its engine; no tag is written then.
    /// </summary>
    public static async Task<SpreadBuildResult> BuildAsync(Buildx merger, BuildRequest request, ImageReference tag,
        IReadOnlyDictionary<Platform, Buildx> engines, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merger);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engines);
        var repository = RepositoryOf(tag);
        if (engines.Count == 0) throw new ArgumentException("Give at least one platform and the engine that builds it.", nameof(engines));
        if (engines.Values.Any(e => e is null)) throw new ArgumentException("An engine is null.", nameof(engines));

        var platforms = engines.Keys.ToList();
        var builds = platforms.Select(p => BuildPlatformAsync(engines[p], request, p, repository, progress, cancellationToken)).ToList();
        try { await Task.WhenAll(builds).ConfigureAwait(false); }
        catch (Exception) when (builds.All(b => b.IsCompleted)) { /* each failure is collected below, with its platform */ }

        var failures = platforms.Zip(builds)
            .Where(pair => pair.Second.IsFaulted || pair.Second.IsCanceled)
            .Select(pair => new SpreadPlatformFailure(pair.First, EngineName(engines[pair.First]),
                pair.Second.Exception?.GetBaseException() ?? new OperationCanceledException("The build was canceled.")))
            .ToList();
        if (failures.Count > 0) throw new SpreadBuildException(tag, failures);

        var stored = builds.Select(b => b.Result).ToList();
        var merged = await MergeAsync(merger, tag, stored.Select(s => s.Digest), cancellationToken).ConfigureAwait(false);
        return merged with { Builds = platforms.Zip(stored).ToDictionary(pair => pair.First, pair => pair.Second.Build) };
    }

    /// <summary>
    /// One platform of a spread build: builds <paramref name="request"/> for <paramref name="platform"/> on
    /// <paramref name="engine"/> and stores it in <paramref name="repository"/> (no tag) by digest. A builder that can
    /// push by digest (<see cref="BuildRequest.Driver"/> docker-container, kubernetes or remote) uses the image exporter
    /// (<c>push=true,push-by-digest=true,name-canonical=true</c>); the docker driver, or an unknown one, cannot, so the
    /// build exports an OCI layout that is then pushed blob by blob, with <paramref name="engine"/>'s credentials.
    /// </summary>
    public static async Task<(PlatformDigest Digest, BuildResult Build)> BuildPlatformAsync(Buildx engine, BuildRequest request, Platform platform,
        ImageReference repository, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(platform);
        repository = RepositoryOf(repository);
        var layout = Path.Combine(Path.GetTempPath(), $"fluent-docker-spread-{Guid.NewGuid():N}");
        try
        {
            var single = PlatformRequest(request, platform, repository, layout);
            var build = await engine.BuildAsync(single, progress, cancellationToken).ConfigureAwait(false);
            var digest = build.Digest is { } d && PlatformDigest.IsDigest(d)
                ? d
                : throw new InvalidOperationException($"The {platform} build on engine '{EngineName(engine)}' reported no image digest in its metadata.");
            if (single.Output is BuildOutput.OciLayoutDirectory)
                await LayoutDigestPush.PushAsync(layout, digest, repository, engine.Credentials, cancellationToken).ConfigureAwait(false);
            return (new PlatformDigest(platform, repository, digest), build);
        }
        finally
        {
            if (Directory.Exists(layout)) Directory.Delete(layout, recursive: true);
        }
    }

    /// <summary>
    /// Joins platform images stored by digest (e.g. read back with <see cref="PlatformDigest.ReadFrom"/>) into one index
    /// tagged <paramref name="tag"/> (<c>docker buildx imagetools create -t TAG repo@d1 repo@d2 …</c>), then reads the
    /// index back for its digest. Every digest must be in <paramref name="tag"/>'s repository, one per platform.
    /// </summary>
    public static async Task<SpreadBuildResult> MergeAsync(Buildx buildx, ImageReference tag, IEnumerable<PlatformDigest> platforms, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        ArgumentNullException.ThrowIfNull(platforms);
        var repository = RepositoryOf(tag);
        var parts = platforms.ToList();
        if (parts.Count == 0) throw new ArgumentException("Give at least one platform digest to merge.", nameof(platforms));
        if (parts.Any(p => p is null)) throw new ArgumentException("A platform digest is null.", nameof(platforms));
        if (parts.FirstOrDefault(p => p.Repository.Normalized.ToString() != repository.Normalized.ToString()) is { } foreign)
            throw new ArgumentException($"{foreign} is in {foreign.Repository}, not in {repository}: imagetools create joins images of the tag's repository only; build it there.", nameof(platforms));
        if (parts.GroupBy(p => p.Platform).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{twice.Key} is given {twice.Count()} times; give one digest per platform.", nameof(platforms));

        var index = await buildx.ImagetoolsCreateAsync(tag, [.. parts.Select(p => p.Image)], cancellationToken).ConfigureAwait(false);
        return new SpreadBuildResult(tag, index.Digest, parts, new Dictionary<Platform, BuildResult>());
    }

    /// <summary>
    /// The one-platform request: the request's platforms and tags replaced, and its output the image exporter pushing
    /// by digest to <paramref name="repository"/> where the builder can, else an OCI layout in <paramref name="layout"/>.
    /// </summary>
    internal static BuildRequest PlatformRequest(BuildRequest request, Platform platform, ImageReference repository, string layout)
    {
        var single = (request with { Platforms = ValueList<Platform>.Empty, Tags = ValueList<ImageReference>.Empty }).WithPlatforms(platform);
        return request.Driver is BuilderDriver.DockerContainer or BuilderDriver.Kubernetes or BuilderDriver.Remote
            ? single.WithTags(repository).WithOutput(BuildOutput.Image(new ImageExportOptions { Push = true, PushByDigest = true, NameCanonical = true }))
            : single.WithOutput(BuildOutput.OciLayout(layout));
    }

    private static string EngineName(Buildx engine) => engine.Context?.Name ?? "current context";

    private static ImageReference RepositoryOf(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        return ImageReference.Parse(image.Name);
    }
}
