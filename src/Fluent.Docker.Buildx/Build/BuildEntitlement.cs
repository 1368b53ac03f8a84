namespace Fluent.Docker.Build;

/// <summary>
/// A privilege a build is granted with <c>--allow</c>. Since buildx 0.19 a bake refuses, non-interactively, to read or
/// write a local path outside its working directory unless it is granted (<c>fs.read=PATH</c>, <c>fs.write=PATH</c>);
/// <see cref="BakeDefinition.Entitlements"/> derives those grants from the paths a bake names.
/// </summary>
public abstract record BuildEntitlement
{
    private protected BuildEntitlement() { }

    /// <summary>What follows <c>--allow=</c>.</summary>
    public abstract string Argument { get; }

    /// <summary><c>network.host</c>: lets <c>RUN --network=host</c> use the host's network.</summary>
    public static BuildEntitlement NetworkHost { get; } = new Named("network.host");

    /// <summary><c>security.insecure</c>: lets <c>RUN --security=insecure</c> run privileged.</summary>
    public static BuildEntitlement SecurityInsecure { get; } = new Named("security.insecure");

    /// <summary><c>fs.read=PATH</c>: the build may read <paramref name="path"/> (made absolute against the working directory).</summary>
    public static BuildEntitlement FileSystemRead(string path) => new FileSystem("fs.read", AbsolutePathOf(path, nameof(path)));

    /// <summary><c>fs.write=PATH</c>: the build may write <paramref name="path"/> (made absolute against the working directory).</summary>
    public static BuildEntitlement FileSystemWrite(string path) => new FileSystem("fs.write", AbsolutePathOf(path, nameof(path)));

    public sealed override string ToString() => Argument;

    private static string AbsolutePathOf(string path, string slot) => string.IsNullOrWhiteSpace(path)
        ? throw new ArgumentException("A file-system entitlement needs a path, e.g. the build context directory.", slot)
        : Path.GetFullPath(path);

    private sealed record Named(string Name) : BuildEntitlement
    {
        public override string Argument => Name;
    }

    private sealed record FileSystem(string Kind, string Path) : BuildEntitlement
    {
        public override string Argument => Kind + "=" + Path;
    }
}
