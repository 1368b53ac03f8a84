using Fluent.Docker.Build;
using Fluent.Docker.Pinning;
using Fluent.Docker.Release;

namespace Fluent.Docker.Workflow;

/// <summary>
/// How <see cref="ImageWorkflow.BuildSetAsync"/> builds every image of a set: platforms, secrets, build arguments,
/// caching, the retry policy for pushes, and the lock that checks base platforms first. Immutable; <c>With*</c>
/// replaces a value, <c>Add*</c> appends one.
/// </summary>
public sealed record BuildSetOptions
{
    public static BuildSetOptions Default { get; } = new();

    /// <summary>Build for these platforms instead of each image's own; empty keeps each image's.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    public IReadOnlyList<BuildSecret> Secrets { get; init; } = [];

    public IReadOnlyList<KeyValuePair<BuildArg, string>> BuildArgs { get; init; } = [];

    /// <summary>Build every step again.</summary>
    public bool NoCache { get; init; }

    /// <summary>The network mode of every RUN step (<c>--network</c>); null keeps the builder's.</summary>
    public NetworkMode? Network { get; init; }

    /// <summary>The size of <c>/dev/shm</c> in RUN steps (<c>--shm-size</c>); null keeps the builder's.</summary>
    public ByteSize? ShmSize { get; init; }

    /// <summary>Resource limits of RUN steps (<c>--ulimit</c>).</summary>
    public IReadOnlyList<BuildUlimit> Ulimits { get; init; } = [];

    /// <summary>Privileges granted beyond what each model's RUN steps need (those are granted already).</summary>
    public IReadOnlyList<BuildEntitlement> Entitlements { get; init; } = [];

    /// <summary>How a push the registry failed runs again (<see cref="PushRetry"/>); build errors never do.</summary>
    public PushRetry Retry { get; init; } = PushRetry.Default;

    /// <summary>
    /// The base-image lock: with it, a platform a base lacks stops the set before anything runs (BuildKit would fail
    /// mid-way with "no match for platform in manifest").
    /// </summary>
    public ImageLock? Lock { get; init; }

    /// <summary>Replaces the platforms.</summary>
    public BuildSetOptions WithPlatforms(params Platform[] platforms) => this with { Platforms = [.. platforms ?? throw new ArgumentNullException(nameof(platforms))] };

    /// <summary>Appends a secret.</summary>
    public BuildSetOptions AddSecret(BuildSecret secret) => this with { Secrets = [.. Secrets, secret ?? throw new ArgumentNullException(nameof(secret))] };

    /// <summary>Appends a build argument (a later value for the same name wins).</summary>
    public BuildSetOptions AddBuildArg(BuildArg arg, string value) =>
        this with { BuildArgs = [.. BuildArgs, new(arg ?? throw new ArgumentNullException(nameof(arg)), value ?? throw new ArgumentNullException(nameof(value)))] };

    public BuildSetOptions WithNoCache(bool noCache = true) => this with { NoCache = noCache };

    /// <summary>Replaces the network mode (null keeps the builder's).</summary>
    public BuildSetOptions WithNetwork(NetworkMode? network) => this with { Network = network };

    /// <summary>Replaces the <c>/dev/shm</c> size (null keeps the builder's).</summary>
    public BuildSetOptions WithShmSize(ByteSize? size) => this with { ShmSize = size };

    /// <summary>Appends a resource limit.</summary>
    public BuildSetOptions AddUlimit(BuildUlimit ulimit) => this with { Ulimits = [.. Ulimits, ulimit ?? throw new ArgumentNullException(nameof(ulimit))] };

    /// <summary>Appends a privilege.</summary>
    public BuildSetOptions AddEntitlement(BuildEntitlement entitlement) =>
        this with { Entitlements = [.. Entitlements, entitlement ?? throw new ArgumentNullException(nameof(entitlement))] };

    /// <summary>Replaces the retry policy.</summary>
    public BuildSetOptions WithRetry(PushRetry retry) => this with { Retry = retry ?? throw new ArgumentNullException(nameof(retry)) };

    /// <summary>Replaces the lock (null checks no platforms).</summary>
    public BuildSetOptions WithLock(ImageLock? imageLock) => this with { Lock = imageLock };
}
