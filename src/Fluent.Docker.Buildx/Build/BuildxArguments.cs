namespace Fluent.Docker.Build;

/// <summary>
/// The pure half of the build runner (the Cake way): turns a <see cref="BuildRequest"/> into the exact argument array
/// of <c>docker buildx build</c>. No I/O, so every rule is unit-testable; <see cref="Buildx"/> only executes the result.
/// </summary>
public static class BuildxArguments
{
    /// <summary>
    /// Validates <paramref name="request"/> (throwing <see cref="BuildRequestException"/>) and returns the arguments
    /// after <c>docker</c>: <c>buildx build …options… --metadata-file F --progress=rawjson CONTEXT</c>.
    /// </summary>
    public static IReadOnlyList<string> For(BuildRequest request, string metadataFilePath)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        if (string.IsNullOrWhiteSpace(metadataFilePath))
            throw new ArgumentException("The metadata file path is empty: give a writable path where buildx records the digest.", nameof(metadataFilePath));
        return Render(request, metadataFilePath);
    }

    /// <summary>
    /// Validates <paramref name="request"/> and returns the arguments of an evaluation instead of a build
    /// (<c>--call=check|outline|targets,format=json</c>): no output, metadata or image ID file, as nothing is exported.
    /// </summary>
    internal static IReadOnlyList<string> ForCall(BuildRequest request, BuildCall call)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return Render(request, null, call);
    }

    /// <summary>Renders without validating (for <see cref="BuildRequest.ToString"/>, which must never throw).</summary>
    internal static IReadOnlyList<string> Render(BuildRequest request, string? metadataFilePath, BuildCall? call = null)
    {
        var args = new List<string> { "buildx", "build" };

        if (request.Builder is not null) args.AddRange(["--builder", request.Builder]);
        if (request.DockerfilePath is not null) args.AddRange(["--file", request.DockerfilePath]);
        if (request.Target is not null) args.AddRange(["--target", request.Target.Name]);
        if (request.Platforms.Count > 0) args.AddRange(["--platform", string.Join(",", request.Platforms)]);
        foreach (var tag in request.Tags) args.AddRange(["-t", tag?.ToString() ?? ""]);
        foreach (var (name, value) in BuildArgsOf(request)) args.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (key, value) in request.Labels) args.AddRange(["--label", $"{key}={value}"]);
        foreach (var (name, source) in request.NamedContexts) args.AddRange(["--build-context", $"{name}={source}"]);
        foreach (var secret in request.Secrets) args.AddRange(["--secret", SecretSpec(secret)]);
        foreach (var ssh in request.Ssh) args.AddRange(["--ssh", SshSpec(ssh)]);
        foreach (var cache in request.CacheFrom) args.AddRange(["--cache-from", CacheImportSpec(cache)]);
        if (request.CacheTo is not null) args.AddRange(["--cache-to", CacheExportSpec(request.CacheTo)]);
        foreach (var entitlement in AllowedEntitlements(request)) args.AddRange(["--allow", entitlement.Argument]);
        if (request.Network is { } network) args.Add("--network=" + NetworkText(network));
        if (request.ShmSize is { } shmSize) args.Add("--shm-size=" + shmSize);
        foreach (var ulimit in request.Ulimits) args.AddRange(["--ulimit", ulimit?.ToString() ?? ""]);
        foreach (var stage in request.NoCacheFilter) args.AddRange(["--no-cache-filter", stage?.Name ?? ""]);
        if (call is null)
        {
            args.AddRange(OutputArguments(request.Output, rewriteTimestamps: request.SourceDateEpoch is not null, request.Tags));
            foreach (var annotation in request.Annotations) args.AddRange(["--annotation", annotation?.ToString() ?? ""]);
            if (request.Provenance is { } provenance) args.Add(ProvenanceArgument(provenance));
            if (request.Sbom is { } sbom) args.Add(sbom.Generator is null ? "--sbom=true" : "--sbom=" + CsvFields.Join($"generator={sbom.Generator}"));
            foreach (var attestation in request.Attestations) args.AddRange(["--attest", attestation?.ToString() ?? ""]);
        }
        if (request.NoCache) args.Add("--no-cache");
        if (request.Pull) args.Add("--pull");
        if (call is { } evaluation) args.Add("--call=" + CsvFields.Join(CallText(evaluation), "format=json"));
        else
        {
            if (request.ImageIdFile is not null) args.AddRange(["--iidfile", request.ImageIdFile]);
            args.AddRange(["--metadata-file", metadataFilePath ?? ""]);
        }
        args.Add("--progress=rawjson"); // the one progress format: BuildEventParser reads it
        args.Add(ContextArgument(request.ContextDirectory));
        return args;
    }

    /// <summary>SOURCE_DATE_EPOCH is a build arg BuildKit reads itself; it joins the others in name order.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> BuildArgsOf(BuildRequest request) =>
        request.SourceDateEpoch is { } epoch
            ? request.BuildArgs.SetItem(SourceDateEpochArg, epoch.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
            : request.BuildArgs;

    internal const string SourceDateEpochArg = "SOURCE_DATE_EPOCH";

    // The agent socket comes from the environment (the runner maps AgentVariable to SSH_AUTH_SOCK); a file by path.
    internal static string SshSpec(BuildSsh? ssh) => ssh switch
    {
        null => "",
        { Path: { } path } => CsvFields.Join($"{ssh.Id}={path}"),
        _ => ssh.Id,
    };

    // Only the reference (variable name or path) is rendered; a FromValue secret's value goes in the environment.
    internal static string SecretSpec(BuildSecret? secret) => secret switch
    {
        null => "",
        { Source: BuildSecretSource.File } => CsvFields.Join($"id={secret.Id}", $"src={secret.Reference}"),
        _ => CsvFields.Join($"id={secret.Id}", $"env={secret.Reference}"),
    };

    internal static string CacheImportSpec(BuildCache? cache) => cache?.ImportSpec() ?? "";

    internal static string CacheExportSpec(BuildCache cache) => cache.ExportSpec();

    /// <summary>
    /// What <c>--allow</c> grants: the request's entitlements, and <c>network.host</c> when every step runs on the
    /// host network (<c>--network=host</c> needs it as <c>RUN --network=host</c> does).
    /// </summary>
    internal static IReadOnlyList<BuildEntitlement> AllowedEntitlements(BuildRequest request) =>
        [.. request.Entitlements.Concat(request.Network == NetworkMode.Host ? [BuildEntitlement.NetworkHost] : []).Where(e => e is not null).Distinct()];

    internal static string NetworkText(NetworkMode network) => network switch
    {
        NetworkMode.Default => "default",
        NetworkMode.None => "none",
        NetworkMode.Host => "host",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown network mode."),
    };

    internal static string CallText(BuildCall call) => call switch
    {
        BuildCall.Check => "check",
        BuildCall.Outline => "outline",
        BuildCall.Targets => "targets",
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "Unknown build call."),
    };

    // rewrite-timestamp clamps layer file times to SOURCE_DATE_EPOCH. Only archive exporters take it: the docker
    // driver's image exporter refuses it ("conflicts with unpack"), so --push/--load keep the build's file times.
    private static IEnumerable<string> OutputArguments(BuildOutput? output, bool rewriteTimestamps, IReadOnlyList<ImageReference> names) => output switch
    {
        null => [],
        BuildOutput.RegistryPush => ["--push"],
        BuildOutput.ImageStoreLoad => ["--load"],
        BuildOutput.OciArchiveFile oci => ["--output", Exporter(rewriteTimestamps, "type=oci", $"dest={oci.Path}")],
        BuildOutput.OciLayoutDirectory layout => ["--output", Exporter(rewriteTimestamps, "type=oci", $"dest={layout.Path}", "tar=false")],
        BuildOutput.DockerArchiveFile docker => ["--output", Exporter(rewriteTimestamps, "type=docker", $"dest={docker.Path}")],
        BuildOutput.LocalFiles local => ["--output", CsvFields.Join("type=local", $"dest={local.Path}")],
        BuildOutput.ImageExport image => ["--output", CsvFields.Join([.. image.Options.Fields(names)])],
        _ => throw new ArgumentOutOfRangeException(nameof(output), output, "Unknown build output."),
    };

    /// <summary>The output as one exporter spec (bake's <c>output</c>): push and load spelled as exporters too.</summary>
    internal static string? ExporterSpec(BuildOutput? output, bool rewriteTimestamps, IReadOnlyList<ImageReference> names) => output switch
    {
        null => null,
        BuildOutput.RegistryPush => "type=registry",
        BuildOutput.ImageStoreLoad => "type=docker",
        _ => OutputArguments(output, rewriteTimestamps, names).Last(),
    };

    private static string Exporter(bool rewriteTimestamps, params string[] fields) =>
        CsvFields.Join(rewriteTimestamps ? [.. fields, "rewrite-timestamp=true"] : fields);

    private static string ProvenanceArgument(ProvenanceMode mode) => mode switch
    {
        ProvenanceMode.None => "--provenance=false",
        ProvenanceMode.Min => "--provenance=mode=min",
        ProvenanceMode.Max => "--provenance=mode=max",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown provenance mode."),
    };

    // A context starting with '-' would be read as an option; "./" keeps it a path.
    private static string ContextArgument(string? context) =>
        context is { Length: > 1 } && context[0] == '-' ? "./" + context : context ?? "";
}
