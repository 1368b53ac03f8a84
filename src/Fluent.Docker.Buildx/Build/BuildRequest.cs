using System.Collections.Immutable;

namespace Fluent.Docker.Build;

/// <summary>
/// One <c>docker buildx build</c>: what to build, for which platforms, and where the result goes. Immutable;
/// <c>With*</c> returns a new request. <see cref="BuildxArguments.For"/> turns it into the argument array and
/// <see cref="Buildx.BuildAsync"/> runs it. Unset options keep buildx's defaults.
/// </summary>
public sealed record BuildRequest
{
    public BuildRequest(string contextDirectory) => ContextDirectory = contextDirectory;

    /// <summary>The build context: the directory whose files COPY/ADD can read.</summary>
    public string ContextDirectory { get; init; }

    /// <summary>The Dockerfile (<c>--file</c>); null means <c>Dockerfile</c> inside the context.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>Target platforms (<c>--platform</c>); empty means the engine's own platform.</summary>
    public ValueList<Platform> Platforms { get; init; } = ValueList<Platform>.Empty;

    public ValueList<ImageReference> Tags { get; init; } = ValueList<ImageReference>.Empty;

    /// <summary>Where the result goes; null keeps the builder's default.</summary>
    public BuildOutput? Output { get; init; }

    /// <summary>The stage to build (<c>--target</c>), taken from a model <see cref="Stage"/>; null builds the last stage.</summary>
    public StageRef? Target { get; init; }

    /// <summary>
    /// <c>--build-arg NAME=value</c>. Values show on the command line and in the image history: pass credentials as
    /// <see cref="Secrets"/> instead.
    /// </summary>
    public ImmutableSortedDictionary<string, string> BuildArgs { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary><c>--label key=value</c> on the resulting image.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Named build contexts (<c>--build-context NAME=source</c>), keyed by name.</summary>
    public ImmutableSortedDictionary<string, BuildContextSource> NamedContexts { get; init; } = ImmutableSortedDictionary.Create<string, BuildContextSource>(StringComparer.Ordinal);

    /// <summary>
    /// <c>SOURCE_DATE_EPOCH</c>: the time BuildKit writes into the image config and history instead of "now"; archive
    /// outputs also get their layer file times clamped to it (<c>rewrite-timestamp=true</c>), so the same model and
    /// epoch give the same digest. <see cref="Release.SourceInfo.CommitTime"/> is the usual choice.
    /// </summary>
    public DateTimeOffset? SourceDateEpoch { get; init; }

    /// <summary>SSH agents or keys for <c>RUN --mount=type=ssh</c> (<c>--ssh</c>), by reference only.</summary>
    public ValueList<BuildSsh> Ssh { get; init; } = ValueList<BuildSsh>.Empty;

    /// <summary>An SBOM attestation (<c>--sbom</c>); null asks for none.</summary>
    public SbomAttestation? Sbom { get; init; }

    /// <summary>The provenance attestation; null keeps buildx's default (min, when the output is an image).</summary>
    public ProvenanceMode? Provenance { get; init; }

    public bool NoCache { get; init; }

    /// <summary>Always fetch base images again instead of using a cached copy (<c>--pull</c>).</summary>
    public bool Pull { get; init; }

    /// <summary>Caches to import (<c>--cache-from</c>), in order; a missing one is skipped by buildx, not an error.</summary>
    public ValueList<BuildCache> CacheFrom { get; init; } = ValueList<BuildCache>.Empty;

    /// <summary>Where to export the build cache (<c>--cache-to</c>); null exports none. See <see cref="BuildCache"/> for which builder exports what.</summary>
    public BuildCache? CacheTo { get; init; }

    public ValueList<BuildSecret> Secrets { get; init; } = ValueList<BuildSecret>.Empty;

    /// <summary>The buildx builder instance (<c>--builder</c>); null uses the current one.</summary>
    public string? Builder { get; init; }

    /// <summary>
    /// The driver of the builder this request runs on, when known; null (unknown) refuses nothing. With it, validation
    /// refuses what that builder cannot do, e.g. a registry cache export on the docker driver's classic image store.
    /// Not rendered: buildx knows its builder.
    /// </summary>
    public BuilderDriver? Driver { get; init; }

    /// <summary>
    /// Privileges granted to the build (<c>--allow</c>, bake <c>entitlements</c>): <see cref="BuildEntitlement.NetworkHost"/>,
    /// <see cref="BuildEntitlement.SecurityInsecure"/>. <see cref="WithEntitlementsFor"/> adds the ones a model's RUN steps need.
    /// </summary>
    public ValueList<BuildEntitlement> Entitlements { get; init; } = ValueList<BuildEntitlement>.Empty;

    /// <summary>The network mode of every RUN step (<c>--network</c>); null keeps the builder's default.</summary>
    public NetworkMode? Network { get; init; }

    /// <summary>OCI annotations on the result (<c>--annotation</c>), in order.</summary>
    public ValueList<ImageAnnotation> Annotations { get; init; } = ValueList<ImageAnnotation>.Empty;

    /// <summary>Attestations with their generator options (<c>--attest</c>); one per type, <see cref="Sbom"/> and <see cref="Provenance"/> included.</summary>
    public ValueList<BuildAttestation> Attestations { get; init; } = ValueList<BuildAttestation>.Empty;

    /// <summary>Stages built again without the cache (<c>--no-cache-filter</c>); the rest may still come from it.</summary>
    public ValueList<StageRef> NoCacheFilter { get; init; } = ValueList<StageRef>.Empty;

    /// <summary>The file buildx writes the image ID (config digest) to (<c>--iidfile</c>); null writes none. Not in bake.</summary>
    public string? ImageIdFile { get; init; }

    /// <summary>The size of <c>/dev/shm</c> in RUN steps (<c>--shm-size</c>); null keeps the builder's (64m).</summary>
    public ByteSize? ShmSize { get; init; }

    /// <summary>Resource limits of RUN steps (<c>--ulimit</c>), one per name.</summary>
    public ValueList<BuildUlimit> Ulimits { get; init; } = ValueList<BuildUlimit>.Empty;

    public BuildRequest WithDockerfile(string path) => this with { DockerfilePath = path };
    public BuildRequest WithPlatforms(params Platform[] platforms) => this with { Platforms = Platforms.AppendRange(platforms) };
    public BuildRequest WithTags(params ImageReference[] tags) => this with { Tags = Tags.AppendRange(tags) };
    public BuildRequest WithOutput(BuildOutput output) => this with { Output = output };
    /// <summary>Builds up to <paramref name="stage"/> of the model (it must be named).</summary>
    public BuildRequest WithTarget(Stage stage) => this with { Target = (stage ?? throw new ArgumentNullException(nameof(stage))).Reference };

    /// <summary>Sets the model's ARG <paramref name="arg"/> (<c>--build-arg NAME=value</c>).</summary>
    public BuildRequest WithBuildArg(BuildArg arg, string value) => this with { BuildArgs = BuildArgs.SetItem((arg ?? throw new ArgumentNullException(nameof(arg))).Name, value) };
    public BuildRequest WithLabel(LabelKey key, string value) => this with { Labels = Labels.SetItem(key.Key, value) };

    /// <summary>Sets every label of <paramref name="labels"/> (e.g. <see cref="Release.OciReleaseLabels.Create"/>), replacing equal keys.</summary>
    public BuildRequest WithLabels(IEnumerable<KeyValuePair<string, string>> labels) => this with { Labels = Labels.SetItems(labels) };

    public BuildRequest WithNamedContext(NamedContext name, BuildContextSource source) =>
        this with { NamedContexts = NamedContexts.SetItem((name ?? throw new ArgumentNullException(nameof(name))).Name, source) };

    /// <summary>
    /// Overrides <c>FROM image</c> with <paramref name="source"/>: the Dockerfile keeps naming <paramref name="image"/>,
    /// the build reads the given source instead (a base image built in an earlier step).
    /// </summary>
    public BuildRequest WithNamedContext(ImageReference image, BuildContextSource source) =>
        this with { NamedContexts = NamedContexts.SetItem(ContextKey(image), source) };

    public BuildRequest WithSourceDateEpoch(DateTimeOffset epoch) => this with { SourceDateEpoch = epoch };
    public BuildRequest WithSsh(BuildSsh ssh) => this with { Ssh = Ssh.Append(ssh) };
    public BuildRequest WithSbom(SbomAttestation sbom) => this with { Sbom = sbom };
    public BuildRequest WithProvenance(ProvenanceMode mode) => this with { Provenance = mode };
    public BuildRequest WithNoCache(bool noCache = true) => this with { NoCache = noCache };
    public BuildRequest WithPull(bool pull = true) => this with { Pull = pull };
    /// <summary>Appends a cache to import.</summary>
    public BuildRequest WithCacheFrom(BuildCache cache) => this with { CacheFrom = CacheFrom.Append(cache) };

    /// <summary>Replaces the cache export.</summary>
    public BuildRequest WithCacheTo(BuildCache cache) => this with { CacheTo = cache };
    public BuildRequest WithSecret(BuildSecret secret) => this with { Secrets = Secrets.Append(secret) };
    public BuildRequest WithBuilder(string builder) => this with { Builder = builder };

    /// <summary>Runs on the builder <paramref name="builder"/>, whose driver is <paramref name="driver"/>.</summary>
    public BuildRequest WithBuilder(string builder, BuilderDriver driver) => this with { Builder = builder, Driver = driver };

    /// <summary>Says which driver the (current or named) builder has, so validation can refuse what it cannot do.</summary>
    public BuildRequest WithDriver(BuilderDriver driver) => this with { Driver = driver };

    /// <summary>Appends a privilege (an equal one already granted is kept once).</summary>
    public BuildRequest WithEntitlement(BuildEntitlement entitlement) =>
        Entitlements.Contains(entitlement) ? this : this with { Entitlements = Entitlements.Append(entitlement) };

    /// <summary>Grants what <paramref name="dockerfile"/>'s RUN steps need (<see cref="BuildEntitlement.RequiredBy"/>), keeping the rest.</summary>
    public BuildRequest WithEntitlementsFor(Dockerfile dockerfile) =>
        BuildEntitlement.RequiredBy(dockerfile).Aggregate(this, (request, entitlement) => request.WithEntitlement(entitlement));

    /// <summary>Replaces the network mode of RUN steps.</summary>
    public BuildRequest WithNetwork(NetworkMode network) => this with { Network = network };

    /// <summary>Appends an annotation.</summary>
    public BuildRequest WithAnnotation(ImageAnnotation annotation) => this with { Annotations = Annotations.Append(annotation) };

    /// <summary>Appends an attestation (one per type).</summary>
    public BuildRequest WithAttestation(BuildAttestation attestation) => this with { Attestations = Attestations.Append(attestation) };

    /// <summary>Appends model stages to build again without the cache (each must be named).</summary>
    public BuildRequest WithNoCacheFilter(params Stage[] stages) =>
        this with { NoCacheFilter = NoCacheFilter.AppendRange((stages ?? throw new ArgumentNullException(nameof(stages))).Select(s => (s ?? throw new ArgumentNullException(nameof(stages))).Reference)) };

    /// <summary>Replaces the image ID file.</summary>
    public BuildRequest WithImageIdFile(string path) => this with { ImageIdFile = path };

    /// <summary>Replaces the <c>/dev/shm</c> size.</summary>
    public BuildRequest WithShmSize(ByteSize size) => this with { ShmSize = size };

    /// <summary>Appends a resource limit.</summary>
    public BuildRequest WithUlimit(BuildUlimit ulimit) => this with { Ulimits = Ulimits.Append(ulimit) };

    /// <summary>Throws <see cref="BuildRequestException"/> with every bad option and how to fix it.</summary>
    public void Validate() => BuildRequestValidator.Validate(this);

    /// <summary>Every error buildx would reject or misread (<see cref="ProblemCodes.BuildRequest"/>, the option as the slot); empty when the request is valid.</summary>
    public IReadOnlyList<Problem> Problems() => BuildRequestValidator.Problems(this);

    /// <summary>Option combinations that run but will not do all they seem to ask; the runner logs them before starting.</summary>
    public IReadOnlyList<Problem> Warnings() => BuildRequestValidator.Warnings(this);

    /// <summary>
    /// The named-context key that overrides <c>FROM image</c>: BuildKit matches FROM names in their familiar form
    /// (<c>docker.io/library/</c> and <c>:latest</c> dropped).
    /// </summary>
    public static string ContextKey(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        var path = image.Domain is null or "docker.io" && image.Path.StartsWith("library/", StringComparison.Ordinal) ? image.Path["library/".Length..] : image.Path;
        var domain = image.Domain is null or "docker.io" ? "" : image.Domain + "/";
        var tag = image.Tag is null or "latest" ? "" : ":" + image.Tag;
        return domain + path + tag + (image.Digest is null ? "" : "@" + image.Digest);
    }

    /// <summary>The command this request runs, as a reader would type it; secrets appear only by reference.</summary>
    public override string ToString() => CommandLineText.Format("docker", BuildxArguments.Render(this, "<metadata-file>"));
}
