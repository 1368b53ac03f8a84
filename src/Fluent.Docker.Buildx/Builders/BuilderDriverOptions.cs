namespace Fluent.Docker.Build;

/// <summary>
/// The <c>--driver-opt</c> values of one driver, typed: each driver has its own record, so an option of another driver
/// cannot be given (<see cref="BuilderSpec"/> refuses a record whose <see cref="Driver"/> is not the spec's).
/// Unset values keep buildx's defaults.
/// </summary>
public abstract record BuilderDriverOptions
{
    private protected BuilderDriverOptions()
    {
    }

    /// <summary>The driver these options belong to.</summary>
    public abstract BuilderDriver Driver { get; }

    /// <summary>The <c>key=value</c> pairs, in a fixed order (one <c>--driver-opt</c> each).</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> Values();

    private protected static IEnumerable<KeyValuePair<string, string>> Pair(string key, string? value) =>
        value is null ? [] : [KeyValuePair.Create(key, value)];
}

/// <summary>Options of the <c>docker-container</c> driver (BuildKit in a container on the node's engine).</summary>
public sealed record DockerContainerDriverOptions : BuilderDriverOptions
{
    public override BuilderDriver Driver => BuilderDriver.DockerContainer;

    /// <summary>The BuildKit image (<c>image=</c>), e.g. a mirror of <c>moby/buildkit:buildx-stable-1</c> in a registry the engine reaches.</summary>
    public string? Image { get; init; }

    /// <summary>The container's network (<c>network=</c>), e.g. <c>host</c> so builds reach registries on the engine's loopback.</summary>
    public string? Network { get; init; }

    /// <summary>The container's memory limit (<c>memory=</c>).</summary>
    public ByteSize? Memory { get; init; }

    /// <summary>The CPUs the container may use (<c>cpuset-cpus=</c>), e.g. <c>0-1</c>.</summary>
    public string? CpusetCpus { get; init; }

    public override IReadOnlyList<KeyValuePair<string, string>> Values() =>
        [.. Pair("image", Image), .. Pair("network", Network), .. Pair("memory", Memory?.ToString()), .. Pair("cpuset-cpus", CpusetCpus)];
}

/// <summary>Options of the <c>kubernetes</c> driver (BuildKit pods in a cluster).</summary>
public sealed record KubernetesDriverOptions : BuilderDriverOptions
{
    public override BuilderDriver Driver => BuilderDriver.Kubernetes;

    /// <summary>The namespace of the BuildKit pods (<c>namespace=</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>How many BuildKit pods (<c>replicas=</c>).</summary>
    public int? Replicas { get; init; }

    /// <summary>The BuildKit image (<c>image=</c>).</summary>
    public string? Image { get; init; }

    /// <summary>Run BuildKit rootless (<c>rootless=true</c>).</summary>
    public bool? Rootless { get; init; }

    public override IReadOnlyList<KeyValuePair<string, string>> Values() =>
    [
        .. Pair("namespace", Namespace),
        .. Pair("replicas", Replicas?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. Pair("image", Image),
        .. Pair("rootless", Rootless is { } rootless ? (rootless ? "true" : "false") : null),
    ];
}

/// <summary>Options of the <c>remote</c> driver (a BuildKit daemon reached over TCP, optionally with mutual TLS).</summary>
public sealed record RemoteDriverOptions : BuilderDriverOptions
{
    public override BuilderDriver Driver => BuilderDriver.Remote;

    /// <summary>The CA certificate file that signs the daemon's certificate (<c>cacert=</c>).</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>The client certificate file (<c>cert=</c>); needs <see cref="KeyFile"/>.</summary>
    public string? CertificateFile { get; init; }

    /// <summary>The client key file (<c>key=</c>); needs <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The TLS server name to verify (<c>servername=</c>) when it differs from the endpoint's host.</summary>
    public string? ServerName { get; init; }

    public override IReadOnlyList<KeyValuePair<string, string>> Values() =>
        [.. Pair("cacert", CaCertificateFile), .. Pair("cert", CertificateFile), .. Pair("key", KeyFile), .. Pair("servername", ServerName)];
}
