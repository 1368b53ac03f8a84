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

    /// <summary>Replaces the retry policy.</summary>
    public BuildSetOptions WithRetry(PushRetry retry) => this with { Retry = retry ?? throw new ArgumentNullException(nameof(retry)) };

    /// <summary>Replaces the lock (null checks no platforms).</summary>
    public BuildSetOptions WithLock(ImageLock? imageLock) => this with { Lock = imageLock };
}
