using Cake.Core.IO;
using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Cake;

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerGenerate(global::Cake.Core.ICakeContext, IEnumerable{ImageDefinition}, FluentDockerGenerateSettings)"/>.</summary>
public sealed class FluentDockerGenerateSettings
{
    /// <summary>The directory image context paths are relative to; null uses the working directory.</summary>
    public DirectoryPath? BaseDirectory { get; set; }

    /// <summary>
    /// An <c>images.lock.json</c> (<see cref="FluentDockerAliases.FluentDockerLock(global::Cake.Core.ICakeContext, IEnumerable{ImageDefinition}, FluentDockerLockSettings)"/>):
    /// every image pulled by a tag is written with its locked digest, and an image the lock lacks fails the task. Null pins nothing.
    /// </summary>
    public FilePath? LockFile { get; set; }
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerLock(global::Cake.Core.ICakeContext, IEnumerable{ImageDefinition}, FluentDockerLockSettings)"/>.</summary>
public sealed class FluentDockerLockSettings
{
    /// <summary>The lock file to read and write (default <c>images.lock.json</c> in the working directory).</summary>
    public FilePath LockFile { get; set; } = Pinning.ImageLock.FileName;

    /// <summary>Resolve every image again (default: keep the digests already locked, resolve only new images).</summary>
    public bool Update { get; set; }

    /// <summary>Fail when a locked base lacks a platform an image is built for (default: log a warning).</summary>
    public bool FailOnPlatformGaps { get; set; }
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerLint(global::Cake.Core.ICakeContext, IEnumerable{ImageDefinition}, FluentDockerLintSettings)"/>.</summary>
public sealed class FluentDockerLintSettings
{
    /// <summary>Throw when any problem or error finding is found (default); false only logs them.</summary>
    public bool FailOnProblems { get; set; } = true;

    /// <summary>Severities, suppressions and scope for the lint; null uses the defaults.</summary>
    public Linting.LintOptions? Options { get; set; }

    /// <summary>Where to write one SARIF 2.1.0 log per image (<c>team-api.sarif</c>); null writes none.</summary>
    public DirectoryPath? SarifDirectory { get; set; }
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerBuild(global::Cake.Core.ICakeContext, IEnumerable{GeneratedImage}, FluentDockerBuildSettings)"/>.</summary>
public sealed class FluentDockerBuildSettings
{
    /// <summary>The buildx builder to run on (<c>--builder</c>; <c>docker buildx ls</c>); null uses the current one.</summary>
    public string? Builder { get; set; }

    /// <summary>The docker context whose engine builds (<c>docker --context NAME</c>), e.g. a second engine; null uses the current one.</summary>
    public string? DockerContext { get; set; }

    /// <summary>HOST:PORT to push to; null writes multi-platform OCI archives to <see cref="ArchiveDirectory"/> instead.</summary>
    public string? Registry { get; set; }

    /// <summary>The tag pushed images get.</summary>
    public string Tag { get; set; } = "latest";

    /// <summary>Where OCI archives go when there is no registry; null uses <c>artifacts/images</c>.</summary>
    public DirectoryPath? ArchiveDirectory { get; set; }

    /// <summary>Credentials for registries that need them (read from the environment when used).</summary>
    public IList<RegistryCredentials> Credentials { get; } = [];

    /// <summary>How a push the registry failed (unreachable, a 5xx) runs again; a build error never does. Default: 4 attempts, 2 s doubling.</summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;

    /// <summary>The network mode of every RUN step (<c>--network</c>); null keeps the builder's.</summary>
    public NetworkMode? Network { get; set; }

    /// <summary>The size of <c>/dev/shm</c> in RUN steps (<c>--shm-size</c>); null keeps the builder's.</summary>
    public ByteSize? ShmSize { get; set; }

    /// <summary>Resource limits of RUN steps (<c>--ulimit</c>).</summary>
    public IList<BuildUlimit> Ulimits { get; } = [];

    /// <summary>Privileges beyond what each model's RUN steps need (<c>--allow</c>; those are granted already).</summary>
    public IList<BuildEntitlement> Entitlements { get; } = [];

    /// <summary>The workflow's options these settings stand for (a plain mapping).</summary>
    internal Workflow.BuildSetOptions ToOptions() => new Workflow.BuildSetOptions
    {
        Network = Network,
        ShmSize = ShmSize,
        Ulimits = [.. Ulimits],
        Entitlements = [.. Entitlements],
    }.WithRetry(Retry);
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerPush(global::Cake.Core.ICakeContext, IEnumerable{GeneratedImage}, FluentDockerPushSettings)"/>.</summary>
public sealed class FluentDockerPushSettings
{
    /// <summary>HOST:PORT (optionally /namespace) of the registry; required.</summary>
    public string? Registry { get; set; }

    /// <summary>The release version (semver, e.g. 1.2.3 or v1.2.3): fanned out to 1.2.3, 1.2, 1. Null tags only by commit/branch/build.</summary>
    public string? Version { get; set; }

    /// <summary>Also tag <c>latest</c> (never for a pre-release). Default true.</summary>
    public bool Latest { get; set; } = true;

    /// <summary>Also tag <c>sha-&lt;short commit&gt;</c>. Default false.</summary>
    public bool CommitTag { get; set; }

    /// <summary>Also tag the checked-out branch. Default false.</summary>
    public bool BranchTag { get; set; }

    /// <summary>Also tag <c>build-N</c>.</summary>
    public string? BuildNumber { get; set; }

    /// <summary>Prefix every tag with <c>env-</c>, e.g. <c>staging</c>.</summary>
    public string? EnvironmentPrefix { get; set; }

    /// <summary>The git checkout labels (revision, source, created) and SOURCE_DATE_EPOCH come from; null uses the working directory.</summary>
    public DirectoryPath? SourceDirectory { get; set; }

    /// <summary>The provenance attestation; null keeps buildx's default (min).</summary>
    public ProvenanceMode? Provenance { get; set; }

    /// <summary>Push attempts when the registry fails (1 = no retry). Default 4, with 2 s, 4 s, 8 s between them.</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>Credentials for registries that need them (read from the environment when used).</summary>
    public IList<RegistryCredentials> Credentials { get; } = [];
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerInspect(global::Cake.Core.ICakeContext, string, FluentDockerInspectSettings)"/>.</summary>
public sealed class FluentDockerInspectSettings
{
    /// <summary>Inspect this platform of a multi-platform image; null lets the engine pick.</summary>
    public Platform? Platform { get; set; }

    /// <summary>Also log the history as a layer table. Default true.</summary>
    public bool History { get; set; } = true;
}

/// <summary>Settings for <see cref="FluentDockerAliases.FluentDockerBake(global::Cake.Core.ICakeContext, IEnumerable{GeneratedImage}, FluentDockerBakeSettings)"/>.</summary>
public sealed class FluentDockerBakeSettings
{
    /// <summary>The buildx builder to run on (<c>--builder</c>; <c>docker buildx ls</c>); null uses the current one.</summary>
    public string? Builder { get; set; }

    /// <summary>The docker context whose engine builds (<c>docker --context NAME</c>), e.g. a second engine; null uses the current one.</summary>
    public string? DockerContext { get; set; }

    /// <summary>HOST:PORT to push every image to (tag <see cref="Tag"/>); null writes each as an OCI layout under <see cref="LayoutDirectory"/>.</summary>
    public string? Registry { get; set; }

    /// <summary>The tag pushed images get.</summary>
    public string Tag { get; set; } = "latest";

    /// <summary>Where OCI layouts go when there is no registry; null uses <c>artifacts/images</c>.</summary>
    public DirectoryPath? LayoutDirectory { get; set; }

    /// <summary>Credentials for registries that need them (read from the environment when used).</summary>
    public IList<RegistryCredentials> Credentials { get; } = [];

    /// <summary>
    /// How a bake that the registry failed (unreachable, a 5xx) runs again: the whole bake, whose finished steps come
    /// from the cache. A build error is never retried. Default: 4 attempts, 2 s doubling.
    /// </summary>
    public PushRetry Retry { get; set; } = PushRetry.Default;
}
