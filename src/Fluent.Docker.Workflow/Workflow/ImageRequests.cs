using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Workflow;

/// <summary>
/// The one request factory: every build of a workflow image (a set build, a release, a bake target) starts from
/// <see cref="For(WorkflowImage)"/>. Pure: nothing runs.
/// </summary>
public static class ImageRequests
{
    /// <summary>
    /// The request that builds <paramref name="image"/> from its context and Dockerfile for every platform it declares,
    /// granting the entitlements its model's RUN steps need (<see cref="BuildEntitlement.RequiredBy"/>).
    /// </summary>
    public static BuildRequest For(WorkflowImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return For(image, image.Platforms);
    }

    /// <summary>
    /// The request that puts <paramref name="image"/> at <paramref name="destination"/> with <paramref name="options"/>;
    /// <paramref name="containerdImageStore"/> says, for <see cref="ImageDestination.Engine"/>, whether the engine keeps multi-platform images.
    /// </summary>
    public static BuildRequest For(WorkflowImage image, ImageDestination destination, BuildSetOptions? options = null, bool containerdImageStore = true)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= BuildSetOptions.Default;
        var request = For(image, options.Platforms.Count > 0 ? options.Platforms : image.Platforms);
        var references = destination.ReferencesFor(image.Name);
        if (references.Count > 0) request = request.WithTags([.. references]);
        request = request.WithOutput(destination switch
        {
            ImageDestination.Registry => BuildOutput.Push,
            ImageDestination.Engine => BuildOutput.Load(containerdImageStore),
            ImageDestination.OciArchives archives => BuildOutput.OciArchive(archives.PathFor(image.Name)),
            ImageDestination.OciLayouts layouts => BuildOutput.OciLayout(layouts.PathFor(image.TargetName)),
            _ => throw new ArgumentOutOfRangeException(nameof(destination), destination, "Unknown image destination."),
        });
        if (options.NoCache) request = request.WithNoCache();
        if (options.Network is { } network) request = request.WithNetwork(network);
        if (options.ShmSize is { } shmSize) request = request.WithShmSize(shmSize);
        foreach (var ulimit in options.Ulimits) request = request.WithUlimit(ulimit);
        foreach (var entitlement in options.Entitlements) request = request.WithEntitlement(entitlement);
        foreach (var secret in options.Secrets) request = request.WithSecret(secret);
        foreach (var (arg, value) in options.BuildArgs) request = request.WithBuildArg(arg, value);
        return request;
    }

    /// <summary>
    /// The release request for <paramref name="image"/>: pushed under every tag of the settings' strategy, labelled
    /// from git (<see cref="OciReleaseLabels"/>), with <c>SOURCE_DATE_EPOCH</c> and provenance as set.
    /// </summary>
    public static BuildRequest ForRelease(WorkflowImage image, ReleaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        var request = For(image)
            .WithTags([.. settings.Tags.For(settings.RepositoryFor(image.Name))])
            .WithLabels(OciReleaseLabels.Create(image.Name, settings.Tags.Version, settings.Source))
            .WithOutput(BuildOutput.Push);
        if ((settings.SourceDateEpoch ?? settings.Source?.CommitTime) is { } epoch) request = request.WithSourceDateEpoch(epoch);
        if (settings.Provenance is { } provenance) request = request.WithProvenance(provenance);
        return request;
    }

    // The model says which privileges its RUN steps need (RUN --network=host, --security=insecure): granted here, so
    // no caller has to repeat them.
    private static BuildRequest For(WorkflowImage image, IEnumerable<Platform> platforms) =>
        new BuildRequest(image.ContextDirectory)
            .WithDockerfile(image.DockerfilePath)
            .WithPlatforms([.. platforms])
            .WithEntitlementsFor(image.Dockerfile);
}
