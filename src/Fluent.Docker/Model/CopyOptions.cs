namespace Fluent.Docker;

/// <summary>Options shared by COPY and ADD.</summary>
public sealed record CopyOptions
{
    public static CopyOptions None { get; } = new();

    /// <summary><c>--chown</c>: owner of the copied files.</summary>
    public UserSpec? Chown { get; init; }

    /// <summary><c>--chmod</c>: mode of the copied files.</summary>
    public FilePermissions? Chmod { get; init; }

    /// <summary><c>--link</c>: copy into an independent layer (rebases without invalidating later layers).</summary>
    public bool Link { get; init; }

    /// <summary><c>--exclude</c>: patterns to leave out.</summary>
    public ValueList<string> Exclude { get; init; } = ValueList<string>.Empty;

    /// <summary><c>--parents</c> (COPY only): keep the source's parent directories.</summary>
    public bool Parents { get; init; }
}

/// <summary>What ADD fetches: a URL (optionally checksum-pinned), a git repository ref, or a local archive/file.</summary>
public abstract record AddSource
{
    private AddSource() { }

    /// <summary>A remote file; <paramref name="Checksum"/> (<c>sha256:…</c>) pins its content.</summary>
    public sealed record Url(Uri Address, string? Checksum = null) : AddSource;

    /// <summary>A git repository at a ref (<c>https://github.com/org/repo.git#v1.0</c>).</summary>
    public sealed record Git(string Repository, string? Ref = null, bool KeepGitDir = false, string? Checksum = null) : AddSource;

    /// <summary>A local path in the context (archives are unpacked by default).</summary>
    public sealed record Local(SourcePath Path) : AddSource;
}
