namespace Fluent.Docker.Build;

/// <summary>
/// A build cache location for <c>--cache-from</c> / <c>--cache-to</c>: a registry ref, a local directory, or
/// <see cref="Inline"/> (cache metadata embedded in the pushed image; import it with <see cref="Registry"/> on that image).
/// </summary>
public abstract record BuildCache
{
    private protected BuildCache() { }

    public static BuildCache Registry(ImageReference reference, CacheMode mode = CacheMode.Min) => new RegistryCache(reference, mode);

    public static BuildCache Local(string directory, CacheMode mode = CacheMode.Min) => new LocalCache(directory, mode);

    /// <summary>Exports cache inside the image itself (<c>--cache-to type=inline</c>); export only.</summary>
    public static BuildCache Inline { get; } = new InlineCache();

    public sealed record RegistryCache(ImageReference Reference, CacheMode Mode) : BuildCache;

    public sealed record LocalCache(string Directory, CacheMode Mode) : BuildCache;

    public sealed record InlineCache : BuildCache;
}

/// <summary>Which layers a cache export keeps: <see cref="Min"/> only the final image's, <see cref="Max"/> every stage's.</summary>
public enum CacheMode
{
    Min,
    Max,
}
