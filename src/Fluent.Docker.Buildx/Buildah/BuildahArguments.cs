using System.Globalization;

namespace Fluent.Docker.Build;

/// <summary>
/// The pure half of the Buildah runner: turns the same <see cref="BuildRequest"/> buildx takes into the argument arrays
/// of <c>buildah build</c> and the <c>buildah push</c> commands that deliver the result, and refuses (as typed
/// <see cref="ProblemCodes.BuildRequest"/> problems) the options Buildah 1.28 has no equivalent for. No I/O;
/// <see cref="Buildah"/> only executes the result.
/// </summary>
public static class BuildahArguments
{
    /// <summary>
    /// Every option of <paramref name="request"/> Buildah cannot honour, with the fix; the general request problems
    /// (<see cref="BuildRequest.Problems"/>) come first. Empty when Buildah can run it.
    /// </summary>
    public static IReadOnlyList<Problem> Problems(BuildRequest request, BuilderProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = (profile ?? Buildah.DefaultProfile).DisplayName;
        var problems = new List<Problem>(request.Problems());
        void Refuse(string option, string what, string fix) => problems.Add(BuildRequestException.ProblemOf(option, $"{name} {what}.", fix));

        if (request.Builder is not null) Refuse(nameof(request.Builder), "has no buildx builders (--builder)", "drop WithBuilder: Buildah builds in the local process.");
        if (request.Driver is not null) Refuse(nameof(request.Driver), "has no buildx driver", "drop WithDriver.");
        if (request.CacheFrom.Count > 0) Refuse(nameof(request.CacheFrom), "does not import BuildKit caches (--cache-from)", "drop WithCacheFrom: Buildah reuses the layers in its own storage (--layers).");
        if (request.CacheTo is not null) Refuse(nameof(request.CacheTo), "does not export BuildKit caches (--cache-to)", "drop WithCacheTo: Buildah keeps its layer cache in its own storage.");
        if (request.Sbom is not null) Refuse(nameof(request.Sbom), "writes no SBOM attestation (--sbom)", "drop WithSbom, or build with buildx to attach attestations.");
        if (request.Provenance is not null) Refuse(nameof(request.Provenance), "writes no provenance attestation", "drop WithProvenance, or build with buildx.");
        if (request.Attestations.Count > 0) Refuse(nameof(request.Attestations), "writes no attestations (--attest)", "drop WithAttestation, or build with buildx.");
        if (request.Entitlements.Count > 0) Refuse(nameof(request.Entitlements), "has no entitlements (--allow): it refuses RUN --network and RUN --security", "drop the entitlements; set the network of all RUN steps with WithNetwork.");
        if (request.NoCacheFilter.Count > 0) Refuse(nameof(request.NoCacheFilter), "cannot rebuild chosen stages only (--no-cache-filter)", "use WithNoCache to rebuild every step.");
        foreach (var (context, source) in request.NamedContexts)
            if (source is BuildContextSource.OciLayoutDirectory)
                Refuse(nameof(request.NamedContexts), $"does not read the named context '{context}' from an OCI layout", "give a directory or an image (BuildContextSource.Directory / Image).");
        foreach (var secret in request.Secrets)
            if (secret.Reference.Contains(',', StringComparison.Ordinal))
                Refuse(nameof(request.Secrets), $"splits --secret at commas, so the reference of secret '{secret.Id}' cannot contain one", "use a path or variable name without a comma.");

        if (request.Platforms.Count > 1 && request.Tags.Count == 0)
            Refuse(nameof(request.Tags), "needs a name for the manifest list of a multi-platform build (--manifest)", "add a tag with WithTags.");
        switch (request.Output)
        {
            case null:
                break;
            case BuildOutput.RegistryPush when request.Tags.Count == 0:
                Refuse(nameof(request.Output), "has no name to push to", "add the registry tags with WithTags.");
                break;
            case BuildOutput.RegistryPush:
                break;
            case BuildOutput.OciArchiveFile or BuildOutput.DockerArchiveFile or BuildOutput.OciLayoutDirectory when request.Platforms.Count > 1:
                Refuse(nameof(request.Output), "writes one image per archive, not a multi-platform one", "build one platform per archive, or push the manifest list with BuildOutput.Push.");
                break;
            case BuildOutput.OciArchiveFile or BuildOutput.DockerArchiveFile or BuildOutput.OciLayoutDirectory:
                break;
            case BuildOutput.ImageStoreLoad:
                Refuse(nameof(request.Output), "cannot load into the Docker engine (buildah push docker-daemon: speaks an API version Docker 28 refuses)",
                    "push to a registry (BuildOutput.Push) and pull from there, or keep the image in Buildah's storage (no output).");
                break;
            default:
                Refuse(nameof(request.Output), $"has no {request.Output} output", "keep the image in Buildah's storage (no output), push it (BuildOutput.Push) or write an archive.");
                break;
        }
        return problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
    }

    /// <summary>
    /// Refuses what Buildah cannot do (throwing <see cref="BuildRequestException"/>) and returns the arguments after
    /// <c>buildah</c>: <c>build --format docker --layers …options… --iidfile F CONTEXT</c> (a multi-platform build adds
    /// each platform to <c>--manifest LIST</c> instead, and has no image ID file). The docker format keeps
    /// HEALTHCHECK, SHELL and ONBUILD, which the OCI format drops.
    /// </summary>
    public static IReadOnlyList<string> For(BuildRequest request, string imageIdFile, BuilderProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(imageIdFile))
            throw new ArgumentException("The image ID file path is empty: give a writable path where Buildah records the image ID.", nameof(imageIdFile));
        var problems = Problems(request, profile);
        if (problems.Count > 0) throw new BuildRequestException(problems);
        return Render(request, imageIdFile);
    }

    /// <summary>Renders without refusing anything (for logs and dry runs, which must never throw).</summary>
    public static IReadOnlyList<string> Render(BuildRequest request, string imageIdFile)
    {
        ArgumentNullException.ThrowIfNull(request);
        // --identity-label=false: no io.buildah.version label, so the config is the model's (a layer cached by a build
        // without the flag keeps the label: Buildah's cache key ignores it). --force-rm: a failed build leaves no
        // working container behind (Buildah keeps them by default).
        var args = new List<string> { "build", "--format", "docker", "--layers", "--identity-label=false", "--force-rm" };
        if (request.DockerfilePath is not null) args.AddRange(["--file", request.DockerfilePath]);
        if (request.Target is not null) args.AddRange(["--target", request.Target.Name]);
        if (request.Platforms.Count > 0) args.AddRange(["--platform", string.Join(",", request.Platforms)]);
        if (ManifestList(request) is { } list) args.AddRange(["--manifest", list]);
        else foreach (var tag in request.Tags) args.AddRange(["--tag", tag?.ToString() ?? ""]);
        foreach (var (name, value) in request.BuildArgs) args.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (key, value) in request.Labels) args.AddRange(["--label", $"{key}={value}"]);
        foreach (var annotation in request.Annotations) args.AddRange(["--annotation", annotation?.ToString() ?? ""]);
        foreach (var (name, source) in request.NamedContexts) args.AddRange(["--build-context", $"{name}={source}"]);
        foreach (var secret in request.Secrets) args.AddRange(["--secret", SecretSpec(secret)]);
        foreach (var ssh in request.Ssh) args.AddRange(["--ssh", BuildxArguments.SshSpec(ssh)]);
        if (request.Network is { } network) args.Add("--network=" + NetworkText(network));
        if (request.ShmSize is { } shmSize) args.Add("--shm-size=" + shmSize);
        foreach (var ulimit in request.Ulimits) args.AddRange(["--ulimit", ulimit?.ToString() ?? ""]);
        // Buildah does not read SOURCE_DATE_EPOCH; --timestamp sets the created time and the layers' file times.
        if (request.SourceDateEpoch is { } epoch) args.AddRange(["--timestamp", epoch.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)]);
        if (request.NoCache) args.Add("--no-cache");
        if (request.Pull) args.Add("--pull=always");
        if (request.Output is BuildOutput.LocalFiles local) args.AddRange(["--output", "type=local,dest=" + local.Path]);
        // Buildah writes no image ID file for a manifest list ("can only be used to store one image ID").
        if (ManifestList(request) is null) args.AddRange(["--iidfile", request.ImageIdFile ?? imageIdFile]);
        args.Add(request.ContextDirectory);
        return args;
    }

    /// <summary>
    /// The <c>buildah push</c> commands (arguments after <c>buildah</c>) that deliver the built image
    /// <paramref name="imageId"/> (for a multi-platform build, its manifest list) to <see cref="BuildRequest.Output"/>:
    /// each tag of a registry push (the whole list with every platform), or the archive. Empty when the image stays in
    /// Buildah's storage.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> PushCommands(BuildRequest request, string imageId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(imageId);
        return request.Output switch
        {
            BuildOutput.RegistryPush when ManifestList(request) is { } list =>
                [.. request.Tags.Select(tag => (IReadOnlyList<string>)["manifest", "push", "--all", list, "docker://" + tag])],
            BuildOutput.RegistryPush => [.. request.Tags.Select(tag => (IReadOnlyList<string>)["push", imageId, "docker://" + tag])],
            BuildOutput.OciArchiveFile archive => [["push", imageId, "oci-archive:" + archive.Path]],
            BuildOutput.DockerArchiveFile archive => [["push", imageId, "docker-archive:" + archive.Path + (request.Tags.Count > 0 ? ":" + request.Tags[0] : "")]],
            BuildOutput.OciLayoutDirectory layout => [["push", imageId, "oci:" + layout.Path]],
            _ => [],
        };
    }

    /// <summary>The manifest list a multi-platform build adds each platform's image to: the first tag.</summary>
    public static string? ManifestList(BuildRequest request) =>
        (request ?? throw new ArgumentNullException(nameof(request))).Platforms.Count > 1 && request.Tags.Count > 0 ? request.Tags[0].ToString() : null;

    internal static string SecretSpec(BuildSecret secret) => secret.Source == BuildSecretSource.File
        ? $"id={secret.Id},src={secret.Reference}"
        : $"id={secret.Id},env={secret.Reference}";

    // Buildah's names for RUN networks: "private" is its own namespace per step, BuildKit's default.
    internal static string NetworkText(NetworkMode network) => network switch
    {
        NetworkMode.Default => "private",
        NetworkMode.None => "none",
        NetworkMode.Host => "host",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown network mode."),
    };
}
