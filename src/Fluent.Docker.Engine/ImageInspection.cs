namespace Fluent.Docker.Engine;

/// <summary>
/// An image as the engine reports it (<c>docker image inspect</c>): identity, platform, and the runtime config a
/// container starts with. Lists that the image leaves unset (Cmd, Entrypoint) are null rather than empty, because
/// "unset" (inherit/default) and "set to nothing" differ.
/// </summary>
public sealed record ImageInspection
{
    /// <summary>The image id: the config digest (classic store) or the manifest/index digest (containerd store).</summary>
    public required string Id { get; init; }

    public IReadOnlyList<string> RepoTags { get; init; } = [];
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    public required string Os { get; init; }
    public required string Architecture { get; init; }
    public string? Variant { get; init; }

    /// <summary>Size in bytes as the engine counts it (the containerd store reports only the content it holds).</summary>
    public long Size { get; init; }

    /// <summary>The image's author (set by MAINTAINER), or null when unset.</summary>
    public string? Author { get; init; }

    public string? User { get; init; }

    /// <summary>Environment as <c>KEY=VALUE</c>, in image order.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Exposed ports as the engine keys them, e.g. <c>8080/tcp</c>.</summary>
    public IReadOnlySet<string> ExposedPorts { get; init; } = new HashSet<string>();

    public IReadOnlyList<string>? Cmd { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public string? WorkingDir { get; init; }
    public ImageHealthcheck? Healthcheck { get; init; }
    public string? StopSignal { get; init; }
    public IReadOnlySet<string> Volumes { get; init; } = new HashSet<string>();

    /// <summary>ONBUILD triggers, as the text lines a child build will run.</summary>
    public IReadOnlyList<string> OnBuild { get; init; } = [];

    /// <summary>The platform the image is built for, e.g. <c>linux/arm64</c>; null when the engine reports none usable.</summary>
    public Platform? Platform
    {
        get
        {
            try { return Platform.Of(Os, Architecture, Variant); }
            catch (FormatException) { return null; }
        }
    }

    /// <summary>The value of environment variable <paramref name="name"/>, or null when unset.</summary>
    public string? GetEnv(string name) =>
        Env.LastOrDefault(e => e.StartsWith(name + "=", StringComparison.Ordinal)) is { } entry ? entry[(name.Length + 1)..] : null;

    /// <summary>
    /// The runtime config in the model's terms, so a built image compares directly with
    /// <see cref="ImageConfigProjection.Project"/>. Env keeps the engine's order; labels are sorted by key.
    /// </summary>
    public ImageConfig ToImageConfig() => new()
    {
        Author = Author ?? "",
        User = User ?? "",
        WorkingDir = WorkingDir ?? "",
        Env = ValueList.From(Env.Select(e => e.IndexOf('=') is var at and >= 0
            ? new KeyValuePair<string, string>(e[..at], e[(at + 1)..])
            : new KeyValuePair<string, string>(e, ""))),
        Labels = ValueList.From(Labels.OrderBy(l => l.Key, StringComparer.Ordinal)),
        ExposedPorts = ValueList.From(ExposedPorts.Order(StringComparer.Ordinal)),
        Cmd = Cmd is null ? (ValueList<string>?)null : ValueList.From(Cmd),
        Entrypoint = Entrypoint is null ? (ValueList<string>?)null : ValueList.From(Entrypoint),
        Healthcheck = Healthcheck is null ? null : new HealthcheckConfig(ValueList.From(Healthcheck.Test))
        {
            Interval = Healthcheck.Interval ?? TimeSpan.Zero,
            Timeout = Healthcheck.Timeout ?? TimeSpan.Zero,
            StartPeriod = Healthcheck.StartPeriod ?? TimeSpan.Zero,
            StartInterval = Healthcheck.StartInterval ?? TimeSpan.Zero,
            Retries = Healthcheck.Retries ?? 0,
        },
        StopSignal = StopSignal,
        Volumes = ValueList.From(Volumes.Order(StringComparer.Ordinal)),
        OnBuild = ValueList.From(OnBuild),
    };

    public override string ToString() => $"image {Id} ({Os}/{Architecture}{(Variant is null ? "" : "/" + Variant)})";
}
