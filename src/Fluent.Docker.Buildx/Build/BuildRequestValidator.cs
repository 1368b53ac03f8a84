namespace Fluent.Docker.Build;

/// <summary>Checks a <see cref="BuildRequest"/> before buildx sees it, so mistakes fail with the option's name and a fix.</summary>
internal static class BuildRequestValidator
{
    public static void Validate(BuildRequest request)
    {
        if (Problems(request) is { Count: > 0 } problems) throw new BuildRequestException(problems);
    }

    /// <summary>Every error in <paramref name="request"/>, not only the first.</summary>
    public static IReadOnlyList<Problem> Problems(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();

        if (string.IsNullOrWhiteSpace(request.ContextDirectory))
            Fail(problems, nameof(BuildRequest.ContextDirectory), "The build context is empty.", "give the directory COPY/ADD read from, e.g. new BuildRequest(\".\").");

        if (request.DockerfilePath is { } dockerfile && string.IsNullOrWhiteSpace(dockerfile))
            Fail(problems, nameof(BuildRequest.DockerfilePath), "The Dockerfile path is empty.", "give the file's path, or leave it null to use Dockerfile in the context.");

        ValidatePlatforms(request, problems);
        ValidateTags(request, problems);
        ValidateOutput(request, problems);

        if (request.Target is { Name: var target } && (target.Length == 0 || !target.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            Fail(problems, nameof(BuildRequest.Target), target.Length == 0 ? "The target stage has no name." : $"'{ImageReference.Printable(target)}' is not a stage name.",
                "target a named stage (Stage.Named(\"build\")), or leave Target null to build the last stage.");

        foreach (var (name, value) in request.BuildArgs)
        {
            if (VariableName.Check(name, "build-arg name") is { } problem) Fail(problems, nameof(BuildRequest.BuildArgs), problem.Message, problem.Fix);
            if (value is null) Fail(problems, nameof(BuildRequest.BuildArgs), $"The build arg {name} has no value.", "give it a value (\"\" for empty), or remove it to use the ARG's default.");
            if (name == BuildxArguments.SourceDateEpochArg && request.SourceDateEpoch is not null)
                Fail(problems, nameof(BuildRequest.BuildArgs), "SOURCE_DATE_EPOCH is set both as a build arg and as SourceDateEpoch.", "set it once, with WithSourceDateEpoch(…).");
        }

        if (request.SourceDateEpoch is { } epoch && epoch < DateTimeOffset.UnixEpoch)
            Fail(problems, nameof(BuildRequest.SourceDateEpoch), $"{epoch:O} is before 1970-01-01; SOURCE_DATE_EPOCH counts seconds since then.", "use the commit time (SourceInfo.CommitTime) or another time after 1970.");

        ValidateNamedContexts(request, problems);
        ValidateSsh(request, problems);

        foreach (var (key, value) in request.Labels)
        {
            if (string.IsNullOrEmpty(key)) Fail(problems, nameof(BuildRequest.Labels), "A label key is empty.", "use a reverse-DNS key such as com.example.team, or an OciLabels key.");
            if (value is null) Fail(problems, nameof(BuildRequest.Labels), $"The label {key} has no value.", "give it a value (\"\" for empty).");
        }

        ValidateSecrets(request, problems);
        ValidateCaches(request, problems);

        if (request.Builder is { } builder && string.IsNullOrWhiteSpace(builder))
            Fail(problems, nameof(BuildRequest.Builder), "The builder name is empty.", "give a builder from `docker buildx ls`, or leave it null for the current one.");
        return problems;
    }

    private static void ValidatePlatforms(BuildRequest request, List<Problem> problems)
    {
        var seen = new HashSet<Platform>();
        foreach (var platform in request.Platforms)
        {
            if (platform is null) { Fail(problems, nameof(BuildRequest.Platforms), "A platform is null.", "remove it."); continue; }
            if (!platform.IsConcrete)
                Fail(problems, nameof(BuildRequest.Platforms), $"{platform} only has a meaning inside a Dockerfile.", "list concrete platforms such as Platform.LinuxAmd64 and Platform.LinuxArm64.");
            if (!seen.Add(platform)) Fail(problems, nameof(BuildRequest.Platforms), $"{platform} is listed twice.", "list each platform once.");
        }
    }

    private static void ValidateTags(BuildRequest request, List<Problem> problems)
    {
        foreach (var tag in request.Tags)
        {
            if (tag is null) { Fail(problems, nameof(BuildRequest.Tags), "A tag is null.", "remove it."); continue; }
            if (tag.Problem is { } problem) Fail(problems, nameof(BuildRequest.Tags), problem.Message, problem.Fix);
            if (tag.Digest is not null)
                Fail(problems, nameof(BuildRequest.Tags), $"'{tag}' has a digest; a build's result can be named by tag only.", "remove the @digest part (the digest is known after the build: BuildResult.Digest).");
        }
    }

    private static void ValidateOutput(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Output);
        switch (request.Output)
        {
            case BuildOutput.RegistryPush when request.Tags.Count == 0:
                Fail(problems, option, "Push has no tag to push to.", "add one with WithTags(\"registry:5000/team/app:1.0\").");
                break;
            case BuildOutput.ImageStoreLoad { ContainerdImageStore: false } when request.Platforms.Count > 1:
                Fail(problems, option, $"Load of {request.Platforms.Count} platforms needs the engine's containerd image store; the classic store keeps one platform per tag.",
                    "build one platform, use BuildOutput.Push or BuildOutput.OciArchive(path), or pass BuildOutput.Load(containerdImageStore: true) when the engine uses that store (DockerEngine.UsesContainerdImageStoreAsync).");
                break;
            case BuildOutput.OciArchiveFile { Path: var path } when string.IsNullOrWhiteSpace(path):
                Fail(problems, option, "The OCI archive path is empty.", "give the tarball's path, e.g. BuildOutput.OciArchive(\"artifacts/app.oci.tar\").");
                break;
            case BuildOutput.DockerArchiveFile { Path: var path } when string.IsNullOrWhiteSpace(path):
                Fail(problems, option, "The docker archive path is empty.", "give the tarball's path, e.g. BuildOutput.DockerArchive(\"artifacts/app.tar\").");
                break;
            case BuildOutput.DockerArchiveFile when request.Platforms.Count > 1:
                Fail(problems, option, $"A docker archive holds one platform; {request.Platforms.Count} were requested.", "use BuildOutput.OciArchive(path) for several platforms, or build one platform.");
                break;
            case BuildOutput.OciLayoutDirectory { Path: var path } when string.IsNullOrWhiteSpace(path):
                Fail(problems, option, "The OCI layout directory is empty.", "give a directory, e.g. BuildOutput.OciLayout(\"artifacts/app.oci\").");
                break;
            case BuildOutput.LocalFiles { Path: var path } when string.IsNullOrWhiteSpace(path):
                Fail(problems, option, "The local output directory is empty.", "give a directory, e.g. BuildOutput.LocalDirectory(\"artifacts/rootfs\").");
                break;
        }
    }

    private static void ValidateNamedContexts(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.NamedContexts);
        foreach (var (name, source) in request.NamedContexts)
        {
            if (new NamedContext(name).Problem is { } problem && !ImageReference.TryParse(name, out _)) Fail(problems, option, problem.Message, problem.Fix);
            switch (source)
            {
                case null:
                    Fail(problems, option, $"The context '{name}' has no source.", "give one: BuildContextSource.Directory(path), .Image(reference) or .OciLayout(directory).");
                    break;
                case BuildContextSource.LocalDirectory { Path: var path } when string.IsNullOrWhiteSpace(path):
                    Fail(problems, option, $"The context '{name}' names an empty directory.", "give the directory's path.");
                    break;
                case BuildContextSource.OciLayoutDirectory { Path: var path } when string.IsNullOrWhiteSpace(path):
                    Fail(problems, option, $"The context '{name}' names an empty OCI layout directory.", "give the directory BuildOutput.OciLayout wrote.");
                    break;
                case BuildContextSource.RegistryImage { Reference: var image } when image is null || image.Problem is not null:
                    Fail(problems, option, image?.Problem?.Message ?? $"The context '{name}' names no image.", image?.Problem?.Fix ?? "give an image reference.");
                    break;
            }
        }
    }

    private static void ValidateSsh(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Ssh);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? agentVariable = null;
        foreach (var ssh in request.Ssh)
        {
            if (ssh is null) { Fail(problems, option, "An SSH entry is null.", "remove it."); continue; }
            if (ssh.Id.Length == 0 || !ssh.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                Fail(problems, option, $"'{ImageReference.Printable(ssh.Id)}' is not an SSH id.", "use the id of the Dockerfile's --mount=type=ssh,id=… (default when it names none).");
            if (!ids.Add(ssh.Id)) Fail(problems, option, $"The SSH id '{ssh.Id}' is given twice.", "give each id once.");
            if (ssh.Path is { } path && string.IsNullOrWhiteSpace(path)) Fail(problems, option, $"The SSH id '{ssh.Id}' names no file.", "give the key file or agent socket path.");
            if (ssh.AgentVariable is { } variable)
            {
                if (VariableName.Check(variable, "agent variable") is { } problem) Fail(problems, option, problem.Message, problem.Fix);
                // buildx reads one agent, from SSH_AUTH_SOCK: the runner can map only one variable onto it.
                if (agentVariable is not null && agentVariable != variable)
                    Fail(problems, option, $"Two agents come from different variables ({agentVariable}, {variable}); buildx reads one agent socket.", "use one agent variable, or BuildSsh.FromFile(id, socketPath) for the other.");
                agentVariable = variable;
            }
        }
    }

    /// <summary>Combinations that run but will not do all they seem to ask.</summary>
    public static IReadOnlyList<Problem> Warnings(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var warnings = new List<Problem>();
        var attests = request.Provenance is ProvenanceMode.Min or ProvenanceMode.Max || request.Sbom is not null;
        if (attests && request.Output is BuildOutput.ImageStoreLoad)
            warnings.Add(BuildRequestException.WarningOf(nameof(BuildRequest.Output),
                "Attestations (provenance/SBOM) are not kept by --load: the engine's image store keeps only the image. Push, or write an OCI archive/layout, to keep them."));
        if (request.SourceDateEpoch is not null && request.Output is BuildOutput.RegistryPush or BuildOutput.ImageStoreLoad)
            warnings.Add(BuildRequestException.WarningOf(nameof(BuildRequest.SourceDateEpoch),
                "SOURCE_DATE_EPOCH fixes the config and history times, but --push/--load keep the build's file times inside layers (the docker driver's image exporter cannot rewrite them): build to BuildOutput.OciLayout or OciArchive for a byte-reproducible image."));
        // Only where a byte-identical result is evidently the goal: an archive or layout written with SOURCE_DATE_EPOCH.
        if (request.SourceDateEpoch is not null && request.Provenance is not ProvenanceMode.None
            && request.Output is BuildOutput.OciArchiveFile or BuildOutput.OciLayoutDirectory or BuildOutput.DockerArchiveFile)
            warnings.Add(BuildRequestException.WarningOf(nameof(BuildRequest.Provenance),
                "The provenance attestation records when the build ran, so the index digest differs per build even with SOURCE_DATE_EPOCH (the platform images do not). WithProvenance(ProvenanceMode.None) gives a byte-identical index."));
        return warnings;
    }

    private static void ValidateSecrets(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Secrets);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in request.Secrets)
        {
            if (secret is null) { Fail(problems, option, "A secret is null.", "remove it."); continue; }
            if (secret.Id.Problem is { } problem) Fail(problems, option, problem.Message, problem.Fix);
            if (!ids.Add(secret.Id.Id)) Fail(problems, option, $"The secret id '{secret.Id}' is given twice.", "give each secret id once.");
            if (secret.Source == BuildSecretSource.Environment && string.IsNullOrWhiteSpace(secret.Reference))
                Fail(problems, option, $"The secret '{secret.Id}' names no environment variable.", "give the variable that holds it, e.g. BuildSecret.FromEnvironment(\"npm_token\", \"NPM_TOKEN\").");
            if (secret.Source == BuildSecretSource.File && string.IsNullOrWhiteSpace(secret.Reference))
                Fail(problems, option, $"The secret '{secret.Id}' names no file.", "give the file that holds it, e.g. BuildSecret.FromFile(\"npmrc\", \"/home/me/.npmrc\").");
        }
    }

    private static void ValidateCaches(BuildRequest request, List<Problem> problems)
    {
        foreach (var cache in request.CacheFrom)
        {
            if (cache is BuildCache.InlineCache)
                Fail(problems, nameof(BuildRequest.CacheFrom), "Inline cache cannot be imported on its own: it lives inside an image.",
                    "import it from that image: BuildCache.Registry(\"registry:5000/team/app:latest\").");
            ValidateCache(problems, nameof(BuildRequest.CacheFrom), cache);
        }
        if (request.CacheTo is { } cacheTo) ValidateCache(problems, nameof(BuildRequest.CacheTo), cacheTo);
    }

    private static void ValidateCache(List<Problem> problems, string option, BuildCache? cache)
    {
        switch (cache)
        {
            case null:
                Fail(problems, option, "A cache is null.", "remove it.");
                break;
            case BuildCache.RegistryCache { Reference: var reference } when reference is null || reference.Problem is not null:
                Fail(problems, option, reference?.Problem?.Message ?? "The cache image is null.", reference?.Problem?.Fix ?? "give a registry ref such as registry:5000/team/app:cache.");
                break;
            case BuildCache.LocalCache { Directory: var directory } when string.IsNullOrWhiteSpace(directory):
                Fail(problems, option, "The local cache directory is empty.", "give a directory, e.g. BuildCache.Local(\"artifacts/buildcache\").");
                break;
        }
    }

    private static void Fail(List<Problem> problems, string option, string problem, string fix) => problems.Add(BuildRequestException.ProblemOf(option, problem, fix));
}
