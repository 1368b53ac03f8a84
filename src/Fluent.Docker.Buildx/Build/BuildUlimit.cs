using System.Globalization;

namespace Fluent.Docker.Build;

/// <summary>The resource a <see cref="BuildUlimit"/> limits: docker's ulimit names (<c>setrlimit</c> resources).</summary>
public enum UlimitName
{
    Core,
    Cpu,
    Data,
    Fsize,
    Locks,
    Memlock,
    Msgqueue,
    Nice,
    Nofile,
    Nproc,
    Rss,
    Rtprio,
    Rttime,
    Sigpending,
    Stack,
}

/// <summary>
/// A resource limit for the build's RUN steps (<c>--ulimit name=soft:hard</c>, bake <c>ulimits</c>). <c>-1</c> means
/// unlimited. One limit per name.
/// </summary>
public sealed record BuildUlimit(UlimitName Name, long Soft, long Hard)
{
    /// <summary>The same soft and hard limit.</summary>
    public static BuildUlimit Of(UlimitName name, long limit) => new(name, limit, limit);

    /// <summary>The name as buildx spells it, e.g. <c>nofile</c>.</summary>
    public string NameText => Name.ToString().ToLowerInvariant();

    /// <summary><c>name=soft:hard</c>, as <c>--ulimit</c> takes it.</summary>
    public override string ToString() =>
        $"{NameText}={Soft.ToString(CultureInfo.InvariantCulture)}:{Hard.ToString(CultureInfo.InvariantCulture)}";
}
