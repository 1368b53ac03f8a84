namespace Fluent.Docker;

/// <summary>An option of RUN: a mount, the network mode or the security mode. Shared by every RUN overload.</summary>
public abstract record RunOption;

public enum CacheSharing { Shared, Private, Locked }

/// <summary>RUN <c>--mount</c> types. Create them with the factory methods on <see cref="Mount"/>.</summary>
public abstract record RunMount : RunOption;

/// <summary><c>--mount=type=cache</c>: a persistent cache directory (package managers, compilers).</summary>
public sealed record CacheMount(AbsolutePath Target) : RunMount
{
    public string? Id { get; init; }
    public CacheSharing? Sharing { get; init; }
    public ArtifactSource? From { get; init; }
    public SourcePath? Source { get; init; }
    public FilePermissions? Mode { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }
    public bool ReadOnly { get; init; }
}

/// <summary><c>--mount=type=secret</c>: a build secret as a file (default /run/secrets/ID) or an env variable.</summary>
public sealed record SecretMount(SecretId Id) : RunMount
{
    public AbsolutePath? Target { get; init; }
    public string? Env { get; init; }
    public bool Required { get; init; }
    public FilePermissions? Mode { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }
}

/// <summary><c>--mount=type=ssh</c>: the SSH agent socket forwarded by buildx <c>--ssh</c>.</summary>
public sealed record SshMount : RunMount
{
    public string? Id { get; init; }
    public AbsolutePath? Target { get; init; }
    public bool Required { get; init; }
    public FilePermissions? Mode { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }
}

/// <summary>
/// <c>--mount=type=bind</c>: read files from the context, a stage or an image without copying them. The target may be
/// relative to the stage's WORKDIR (<c>target=.</c> mounts the context over the working directory).
/// </summary>
public sealed record BindMount(ContainerPath Target) : RunMount
{
    public SourcePath? Source { get; init; }
    public ArtifactSource? From { get; init; }
    public bool ReadWrite { get; init; }
}

/// <summary><c>--mount=type=tmpfs</c>: a scratch in-memory directory.</summary>
public sealed record TmpfsMount(AbsolutePath Target) : RunMount
{
    /// <summary>Size limit in bytes.</summary>
    public long? Size { get; init; }
}

/// <summary>Factories for RUN mounts; the named optional parameters map one to one onto BuildKit's mount options.</summary>
public static class Mount
{
    public static CacheMount Cache(AbsolutePath target, string? id = null, CacheSharing? sharing = null, FilePermissions? mode = null,
        int? uid = null, int? gid = null, ArtifactSource? from = null, SourcePath? source = null, bool readOnly = false) =>
        new(target) { Id = id, Sharing = sharing, Mode = mode, Uid = uid, Gid = gid, From = from, Source = source, ReadOnly = readOnly };

    public static SecretMount Secret(SecretId id, AbsolutePath? target = null, string? env = null, bool required = false,
        FilePermissions? mode = null, int? uid = null, int? gid = null) =>
        new(id) { Target = target, Env = env, Required = required, Mode = mode, Uid = uid, Gid = gid };

    public static SshMount Ssh(string? id = null, AbsolutePath? target = null, bool required = false,
        FilePermissions? mode = null, int? uid = null, int? gid = null) =>
        new() { Id = id, Target = target, Required = required, Mode = mode, Uid = uid, Gid = gid };

    public static BindMount Bind(ContainerPath target, SourcePath? source = null, ArtifactSource? from = null, bool readWrite = false) =>
        new(target) { Source = source, From = from, ReadWrite = readWrite };

    public static TmpfsMount Tmpfs(AbsolutePath target, long? size = null) => new(target) { Size = size };
}

public enum NetworkMode { Default, None, Host }

/// <summary>RUN <c>--network</c>.</summary>
public sealed record RunNetwork(NetworkMode Mode) : RunOption
{
    public static RunNetwork None { get; } = new(NetworkMode.None);
    public static RunNetwork Host { get; } = new(NetworkMode.Host);
    public static RunNetwork Default { get; } = new(NetworkMode.Default);
}

public enum SecurityMode { Sandbox, Insecure }

/// <summary>RUN <c>--security</c> (insecure needs the builder's security.insecure entitlement).</summary>
public sealed record RunSecurity(SecurityMode Mode) : RunOption
{
    public static RunSecurity Insecure { get; } = new(SecurityMode.Insecure);
    public static RunSecurity Sandbox { get; } = new(SecurityMode.Sandbox);
}
