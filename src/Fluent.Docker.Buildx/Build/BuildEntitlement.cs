namespace Fluent.Docker.Build;

/// <summary>
/// A privilege a build is granted with <c>--allow</c>. A model's <c>RUN --network=host</c> and
/// <c>RUN --security=insecure</c> need <see cref="NetworkHost"/> and <see cref="SecurityInsecure"/>:
/// <see cref="RequiredBy"/> reads them off the model and <see cref="BuildRequest.WithEntitlementsFor"/> grants them.
/// Since buildx 0.19 a bake also refuses, non-interactively, to read or write a local path outside its working directory
/// unless it is granted (<c>fs.read=PATH</c>, <c>fs.write=PATH</c>); <see cref="BakeDefinition.Entitlements"/> derives
/// those grants from the paths a bake names.
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

    /// <summary>A file-system grant: bake's own (<c>buildx build</c> has no such entitlement).</summary>
    internal bool IsFileSystem => this is FileSystem;

    /// <summary>
    /// The entitlements <paramref name="dockerfile"/>'s RUN steps need (<see cref="Dockerfile.PrivilegedRunOptions"/>):
    /// <see cref="NetworkHost"/> for <c>--network=host</c>, <see cref="SecurityInsecure"/> for <c>--security=insecure</c>
    /// (also in a RUN the model keeps raw). ONBUILD triggers run in a later build, so they need nothing here.
    /// </summary>
    public static IReadOnlyList<BuildEntitlement> RequiredBy(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        return [.. dockerfile.PrivilegedRunOptions().Select(option => option switch
        {
            RunNetwork => NetworkHost,
            RunSecurity => SecurityInsecure,
            _ => throw new InvalidOperationException($"No entitlement is known for the RUN option {option}."),
        }).Distinct().OrderBy(e => e.Argument, StringComparer.Ordinal)];
    }

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
