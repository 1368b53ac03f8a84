using System.Globalization;

namespace Fluent.Docker;

/// <summary>
/// One package manager's download/build cache as a RUN cache mount: where the tool keeps it, the cache id it is
/// shared under, how concurrent builds may share it, and which programs use it (FD0124 reads those). Take the entries
/// from <see cref="CacheMounts"/>; <see cref="Mount"/> makes the RUN option.
/// </summary>
public sealed class PackageCache
{
    internal PackageCache(string id, string tool, string path, CacheSharing sharing, string[] programs, string[]? alsoRecognised = null)
    {
        Id = id;
        Tool = tool;
        Path = path;
        Sharing = sharing;
        Programs = ValueList.From(programs);
        RecognisedPaths = [path, .. alsoRecognised ?? []];
    }

    /// <summary>The cache id (<c>id=</c>): the same cache whatever the target path, so stages running as different users share it.</summary>
    public string Id { get; }

    /// <summary>The package manager, for messages and docs (<c>npm</c>, <c>NuGet</c>).</summary>
    public string Tool { get; }

    /// <summary>
    /// Where the tool keeps its cache: relative to the home of the user the RUN runs as (<c>.npm</c>), or an absolute
    /// path that the official image sets through an environment variable (<c>/go/pkg/mod</c>).
    /// </summary>
    public string Path { get; }

    /// <summary>True when <see cref="Path"/> is relative to the user's home.</summary>
    public bool UnderHome => !Path.StartsWith('/');

    /// <summary>How concurrent builds share the cache: <see cref="CacheSharing.Locked"/> for tools that do not lock it themselves.</summary>
    public CacheSharing Sharing { get; }

    /// <summary>The programs that read or write the cache (a RUN that runs none of them has no use for the mount).</summary>
    public ValueList<string> Programs { get; }

    /// <summary>Paths (relative to a home, or absolute) that name this cache: <see cref="Path"/> and a parent some Dockerfiles mount instead.</summary>
    internal IReadOnlyList<string> RecognisedPaths { get; }

    /// <summary>The mount target for a user whose home is <paramref name="home"/> (the official images run as root: <c>/root</c>).</summary>
    public AbsolutePath TargetFor(string home = CacheMounts.RootHome)
    {
        if (!UnderHome) return Path;
        if (string.IsNullOrEmpty(home) || !home.StartsWith('/'))
            throw new ArgumentException($"'{home}' is not an absolute home directory; give the home of the user the RUN runs as, e.g. '/home/node'.", nameof(home));
        return home.TrimEnd('/') + "/" + Path;
    }

    /// <summary>
    /// The cache mount for a RUN running as root (<paramref name="home"/> <c>/root</c>), or as the user whose home,
    /// uid and gid are given: BuildKit creates a new cache owned by <paramref name="uid"/>:<paramref name="gid"/>, and
    /// a cache made for a uid gets an id of its own (<c>npm-uid1000</c>), since the root-owned one is not writable by it.
    /// </summary>
    public CacheMount Mount(string home = CacheMounts.RootHome, int? uid = null, int? gid = null)
    {
        if (uid is < 0) throw new ArgumentOutOfRangeException(nameof(uid), uid, "A uid is not negative.");
        if (gid is < 0) throw new ArgumentOutOfRangeException(nameof(gid), gid, "A gid is not negative.");
        var owner = uid ?? gid;
        return Fluent.Docker.Mount.Cache(TargetFor(home),
            id: owner is { } o && o != 0 ? Id + "-uid" + o.ToString(CultureInfo.InvariantCulture) : Id,
            // Shared is BuildKit's default: written only when it is something else.
            sharing: Sharing == CacheSharing.Shared ? null : Sharing,
            uid: uid, gid: gid);
    }

    /// <summary>True when a mount target (literal text) names this cache, under any home.</summary>
    internal bool Names(string target)
    {
        var trimmed = target.Length > 1 ? target.TrimEnd('/') : target;
        return RecognisedPaths.Any(path => path.StartsWith('/')
            ? trimmed == path
            : trimmed.EndsWith("/" + path, StringComparison.Ordinal));
    }

    public override string ToString() => $"{Tool} cache ({Path})";
}

/// <summary>
/// The package managers' caches, as RUN cache mounts with the target each tool uses by default in its official image
/// (which runs as root, HOME <c>/root</c>), a fixed id and the sharing the tool needs. <c>.Run("npm ci", CacheMounts.Npm.Mount())</c>;
/// for a non-root user, <c>CacheMounts.Npm.Mount(home: "/home/node", uid: 1000, gid: 1000)</c>. Where each path comes
/// from is on its entry.
/// </summary>
public static class CacheMounts
{
    /// <summary>The home of root, the user the official language images run as.</summary>
    public const string RootHome = "/root";

    /// <summary>
    /// NuGet's global packages folder, <c>~/.nuget/packages</c> (NuGet's default when NUGET_PACKAGES is unset; the
    /// dotnet/sdk images do not set it). NuGet locks each package while extracting it, so builds share it.
    /// </summary>
    public static PackageCache NuGet { get; } = new("nuget", "NuGet", ".nuget/packages", CacheSharing.Shared, ["dotnet", "nuget", "msbuild"]);

    /// <summary>npm's cache (cacache), <c>~/.npm</c> (npm's <c>cache</c> setting defaults to it). cacache writes atomically, so builds share it.</summary>
    public static PackageCache Npm { get; } = new("npm", "npm", ".npm", CacheSharing.Shared, ["npm", "npx"]);

    /// <summary>
    /// pnpm's content-addressable store, <c>~/.local/share/pnpm/store</c> (<c>$XDG_DATA_HOME/pnpm/store</c> on Linux,
    /// pnpm's default store-dir). Writes are atomic renames, so builds share it.
    /// </summary>
    public static PackageCache Pnpm { get; } = new("pnpm", "pnpm", ".local/share/pnpm/store", CacheSharing.Shared, ["pnpm", "pnpx", "corepack"]);

    /// <summary>
    /// Yarn's cache, <c>~/.cache/yarn</c> (Yarn 1, the one the node images ship: <c>$XDG_CACHE_HOME/yarn</c>). Yarn 1
    /// does not lock it across processes (its own docs point to <c>--mutex</c>), so one build at a time: locked.
    /// </summary>
    public static PackageCache Yarn { get; } = new("yarn", "Yarn", ".cache/yarn", CacheSharing.Locked, ["yarn", "corepack"]);

    /// <summary>pip's cache, <c>~/.cache/pip</c> (pip's default cache-dir on Linux). pip writes its entries atomically, so builds share it.</summary>
    public static PackageCache Pip { get; } = new("pip", "pip", ".cache/pip", CacheSharing.Shared, ["pip"]);

    /// <summary>uv's cache, <c>~/.cache/uv</c> (uv's default cache-dir on Linux). uv locks the cache itself, so builds share it.</summary>
    public static PackageCache Uv { get; } = new("uv", "uv", ".cache/uv", CacheSharing.Shared, ["uv", "uvx"]);

    /// <summary>
    /// Go's module cache, <c>/go/pkg/mod</c> (GOMODCACHE defaults to <c>$GOPATH/pkg/mod</c>; the golang images set
    /// GOPATH=/go). The go command locks it, so builds share it.
    /// </summary>
    public static PackageCache GoModules { get; } = new("go-mod", "Go modules", "/go/pkg/mod", CacheSharing.Shared, ["go", "xx-go"]);

    /// <summary>Go's build cache, <c>~/.cache/go-build</c> (GOCACHE defaults to the user cache dir + go-build). The go command locks it.</summary>
    public static PackageCache GoBuild { get; } = new("go-build", "Go build", ".cache/go-build", CacheSharing.Shared, ["go", "xx-go"]);

    /// <summary>
    /// Gradle's caches, <c>~/.gradle/caches</c> (GRADLE_USER_HOME defaults to <c>~/.gradle</c>). Gradle's cross-process
    /// locking asks the holder over a local socket, which another build's container cannot answer: locked.
    /// </summary>
    public static PackageCache Gradle { get; } = new("gradle", "Gradle", ".gradle/caches", CacheSharing.Locked, ["gradle", "gradlew"], [".gradle"]);

    /// <summary>
    /// Maven's local repository, <c>~/.m2/repository</c> (Maven's default localRepository; mounting it rather than
    /// <c>~/.m2</c> keeps a settings.xml in the image visible). Concurrent Maven builds can corrupt it: locked.
    /// </summary>
    public static PackageCache Maven { get; } = new("maven", "Maven", ".m2/repository", CacheSharing.Locked, ["mvn", "mvnw"], [".m2"]);

    /// <summary>
    /// Cargo's registry cache, <c>/usr/local/cargo/registry</c> (<c>$CARGO_HOME/registry</c>; the rust images set
    /// CARGO_HOME=/usr/local/cargo). Cargo locks its package cache, so builds share it.
    /// </summary>
    public static PackageCache Cargo { get; } = new("cargo-registry", "Cargo", "/usr/local/cargo/registry", CacheSharing.Shared, ["cargo", "xx-cargo"], [".cargo/registry"]);

    /// <summary>
    /// apt's downloaded packages, <c>/var/cache/apt</c>. apt takes an exclusive lock on it and fails rather than wait:
    /// locked. Debian images delete downloads after each install (<c>/etc/apt/apt.conf.d/docker-clean</c>); remove that
    /// file in the RUN for the cache to keep anything.
    /// </summary>
    public static PackageCache Apt { get; } = new("apt-cache", "apt", "/var/cache/apt", CacheSharing.Locked, ["apt-get", "apt"]);

    /// <summary>apt's package lists, <c>/var/lib/apt</c> (what <c>apt-get update</c> downloads); exclusive like <see cref="Apt"/>: locked.</summary>
    public static PackageCache AptLists { get; } = new("apt-lists", "apt lists", "/var/lib/apt", CacheSharing.Locked, ["apt-get", "apt"]);

    /// <summary>Every entry, in the order above.</summary>
    public static IReadOnlyList<PackageCache> All { get; } = [NuGet, Npm, Pnpm, Yarn, Pip, Uv, GoModules, GoBuild, Gradle, Maven, Cargo, Apt, AptLists];

    /// <summary>The entry whose cache <paramref name="mount"/> mounts (by its literal target), or null when it is none of them.</summary>
    public static PackageCache? Of(CacheMount mount)
    {
        ArgumentNullException.ThrowIfNull(mount);
        return mount.Target.Value.LiteralText is { } target ? All.FirstOrDefault(cache => cache.Names(target)) : null;
    }
}
