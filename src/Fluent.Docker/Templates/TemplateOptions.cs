namespace Fluent.Docker.Templates;

/// <summary>
/// What every language template shares: where base images come from, the image's OCI metadata, the non-root user,
/// the port and health probe, the platforms and the build context. Immutable records; set them with object
/// initializers or <c>with</c> expressions. A template checks them before it builds anything and reports every
/// problem at once (<see cref="TemplateOptionsException"/>).
/// </summary>
public abstract record TemplateOptions
{
    /// <summary>
    /// Pull every base image of the template from this registry (<c>host[:port]</c>, e.g. a corporate mirror) instead of
    /// its home registry. Docker Hub's official images keep their <c>library/</c> path there, as mirrors store them:
    /// <c>golang:1.19</c> becomes <c>mirror.example:5000/library/golang:1.19</c>; <c>mcr.microsoft.com/dotnet/sdk:10.0</c>
    /// becomes <c>mirror.example:5000/dotnet/sdk:10.0</c>. Null keeps each image's own registry.
    /// </summary>
    public string? BaseRegistry { get; init; }

    /// <summary>The OCI labels of the final image (title defaults to the last part of the image name).</summary>
    public ImageMetadata Metadata { get; init; } = new();

    /// <summary>The user the application runs as: uid/gid 10001 unless set. Root is refused.</summary>
    public RuntimeUser User { get; init; } = RuntimeUser.Default;

    /// <summary>
    /// The TCP port the application listens on; EXPOSEd, given to the app as <c>PORT</c>, and probed by the
    /// healthcheck. Null for an app that listens on none (a worker): no EXPOSE, no <c>PORT</c>, and no HEALTHCHECK
    /// unless <see cref="Health"/> names a command.
    /// </summary>
    public Port? Port { get; init; } = 8080;

    /// <summary>
    /// What the HEALTHCHECK probes. Null means the template's default, which needs nothing from the app: a TCP connect to
    /// <see cref="Port"/> (<see cref="HealthProbe.Tcp"/>), or <c>HEALTHCHECK NONE</c> (<see cref="HealthProbe.None"/>,
    /// said on purpose) when the app listens on no port. <see cref="HealthProbe.Http"/> probes a path the app serves;
    /// <see cref="HealthProbe.Command(string[])"/> replaces the probe; <see cref="HealthProbe.None"/> drops it.
    /// </summary>
    public HealthProbe? Health { get; init; }

    /// <summary>The platforms to build; empty means the template's default (those its toolchain can build).</summary>
    public ValueList<Platform> Platforms { get; init; } = ValueList<Platform>.Empty;

    /// <summary>The build context, relative to the directory given to <see cref="ImageDefinition.Generate"/>.</summary>
    public string ContextDirectory { get; init; } = ".";

    /// <summary>
    /// CA certificates the dependency steps trust besides the image's roots (behind a TLS-inspecting proxy), from a build
    /// secret, in those steps only and in no layer; null trusts the image's roots only. See <see cref="Templates.ExtraCaCertificates"/>.
    /// </summary>
    public ExtraCaCertificates? ExtraCaCertificates { get; init; }

    /// <summary>Patterns added after the template's own <c>.dockerignore</c> patterns (later ones win).</summary>
    public ValueList<string> ExtraIgnorePatterns { get; init; } = ValueList<string>.Empty;

    /// <summary><paramref name="image"/> pulled from <see cref="BaseRegistry"/> when one is set.</summary>
    public ImageReference Resolve(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (BaseRegistry is null || image.Problem is not null) return image;
        // Docker Hub's official images live under library/ (docker.io/golang is docker.io/library/golang).
        return image.Domain is null or "docker.io" && !image.Path.Contains('/')
            ? ImageReference.Parse($"{BaseRegistry}/library/{image.Path}{Suffix(image)}")
            : image.WithRegistry(BaseRegistry);
    }

    private static bool IsRegistryHost(string host) => ImageReference.TryParse(host + "/x", out var probe) && probe.Domain == host;

    private static string Suffix(ImageReference image) =>
        (image.Tag is null ? "" : ":" + image.Tag) + (image.Digest is null ? "" : "@" + image.Digest);

    /// <summary>The port the application listens on, as far as the template knows (a .NET console app listens on none).</summary>
    internal virtual Port? ListeningPort => Port;

    /// <summary>The probe when <see cref="Health"/> is null: a TCP connect when the app listens on a TCP port, otherwise none.</summary>
    internal virtual HealthProbe DefaultHealth => ListeningPort is { Protocol: PortProtocol.Tcp } ? HealthProbe.Tcp : HealthProbe.None;

    /// <summary><see cref="Health"/>, or the template's default.</summary>
    internal HealthProbe EffectiveHealth => Health ?? DefaultHealth;

    /// <summary>Every problem with the shared options; each template adds its own.</summary>
    internal virtual IEnumerable<Problem> Problems()
    {
        if (BaseRegistry is not null && !IsRegistryHost(BaseRegistry))
            yield return TemplateKit.OptionProblem(nameof(BaseRegistry), $"'{BaseRegistry}' is not a registry host.", "give host[:port] only, e.g. 'mirror.example.com' or '127.0.0.1:5000' (no scheme, no path).");
        if (Port?.Problem is { } port)
            yield return TemplateKit.OptionProblem(nameof(Port), port.Message, port.Fix);
        if (Health is { } health)
            foreach (var problem in health.Problems(ListeningPort, portIsValid: Port?.Problem is null, nameof(Health))) yield return problem;
        if (string.IsNullOrWhiteSpace(ContextDirectory))
            yield return TemplateKit.OptionProblem(nameof(ContextDirectory), "The context directory is empty.", "use '.' for the directory given to Generate, or a folder below it.");
        foreach (var problem in User.Problems()) yield return problem;
        if (ExtraCaCertificates is { } certificates)
            foreach (var problem in certificates.Problems(nameof(ExtraCaCertificates))) yield return problem;
        foreach (var problem in Metadata.Problems()) yield return problem;
        foreach (var platform in Platforms.Where(p => !p.IsConcrete))
            yield return TemplateKit.OptionProblem(nameof(Platforms), $"{platform} is not a concrete platform.", "list platforms such as Platform.LinuxAmd64 and Platform.LinuxArm64.");
    }
}
