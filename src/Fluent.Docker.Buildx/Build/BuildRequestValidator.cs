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
        ValidateCacheCredentials(request, problems);
        if (request.Driver is { } driver && !Enum.IsDefined(driver))
            Fail(problems, nameof(BuildRequest.Driver), $"{(int)driver} is not a builder driver.", "use a BuilderDriver such as BuilderDriver.DockerContainer, or leave Driver null.");

        if (request.Builder is { } builder && string.IsNullOrWhiteSpace(builder))
            Fail(problems, nameof(BuildRequest.Builder), "The builder name is empty.", "give a builder from `docker buildx ls`, or leave it null for the current one.");

        ValidateEntitlements(request, problems);
        if (request.Network is { } network && !Enum.IsDefined(network))
            Fail(problems, nameof(BuildRequest.Network), $"{(int)network} is not a network mode.", "use NetworkMode.Default, NetworkMode.None or NetworkMode.Host.");
        ValidateAnnotations(request, problems);
        ValidateAttestations(request, problems);
        ValidateNoCacheFilter(request, problems);
        if (request.ImageIdFile is { } imageIdFile && string.IsNullOrWhiteSpace(imageIdFile))
            Fail(problems, nameof(BuildRequest.ImageIdFile), "The image ID file path is empty.", "give a writable path, e.g. \"artifacts/app.iid\", or leave it null.");
        if (request.ShmSize is { Bytes: <= 0 } shmSize)
            Fail(problems, nameof(BuildRequest.ShmSize), $"{shmSize.Bytes} bytes is not a /dev/shm size.", "give a positive size, e.g. ByteSize.FromMebibytes(128).");
        ValidateUlimits(request, problems);
        return problems;
    }

    private static void ValidateEntitlements(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Entitlements);
        foreach (var entitlement in request.Entitlements)
        {
            if (entitlement is null) { Fail(problems, option, "An entitlement is null.", "remove it."); continue; }
            if (entitlement.IsFileSystem)
                Fail(problems, option, $"'{entitlement}' is a bake file-system grant; docker buildx build has no such entitlement.",
                    "remove it: BakeDefinition.Entitlements derives the fs.read/fs.write grants a bake needs.");
        }
    }

    private static void ValidateAnnotations(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Annotations);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var annotation in request.Annotations)
        {
            if (annotation is null) { Fail(problems, option, "An annotation is null.", "remove it."); continue; }
            var key = annotation.Key;
            if (key.Length == 0 || key.Any(c => c is '=' || char.IsWhiteSpace(c) || char.IsControl(c)))
                Fail(problems, option, key.Length == 0 ? "An annotation key is empty." : $"'{ImageReference.Printable(key)}' is not an annotation key.",
                    "use a reverse-DNS key without '=' or spaces, e.g. org.opencontainers.image.description.");
            if (annotation.Level is null && key.Contains(':', StringComparison.Ordinal))
                Fail(problems, option, $"The key '{key}' has a ':', which buildx reads as the end of a level prefix.",
                    "give the level explicitly, e.g. ImageAnnotation.Manifest(key, value).");
            if (annotation.Level is { } level && !Enum.IsDefined(level))
                Fail(problems, option, $"{(int)level} is not an annotation level.", "use AnnotationLevel.Manifest, Index, ManifestDescriptor or IndexDescriptor.");
            if (annotation.Platform is { } platform)
            {
                if (!platform.IsConcrete)
                    Fail(problems, option, $"{platform} only has a meaning inside a Dockerfile.", "name a concrete platform such as Platform.LinuxArm64.");
                if (request.Platforms.Count > 0 && !request.Platforms.Contains(platform))
                    Fail(problems, option, $"The annotation '{key}' is for {platform}, which this build does not produce ({string.Join(", ", request.Platforms)}).",
                        "name one of the request's platforms, or drop the platform to annotate every one.");
            }
            if (!seen.Add(annotation.Level + "|" + annotation.Platform + "|" + key))
                Fail(problems, option, $"The annotation '{key}' is given twice for the same level and platform.", "give each once; the last would silently win.");
        }
        if (request.Annotations.Count > 0 && request.Output is BuildOutput.LocalFiles)
            Fail(problems, option, "Annotations belong to an image, and a local directory output writes files only.", "push, load or write an OCI layout or archive, or remove the annotations.");
    }

    private static void ValidateAttestations(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Attestations);
        var types = new HashSet<AttestationType>();
        if (request.Sbom is not null) types.Add(AttestationType.Sbom);
        if (request.Provenance is not null) types.Add(AttestationType.Provenance);
        foreach (var attestation in request.Attestations)
        {
            if (attestation is null) { Fail(problems, option, "An attestation is null.", "remove it."); continue; }
            if (!Enum.IsDefined(attestation.Type)) Fail(problems, option, $"{(int)attestation.Type} is not an attestation type.", "use AttestationType.Sbom or AttestationType.Provenance.");
            if (!types.Add(attestation.Type))
                Fail(problems, option, $"A {attestation.TypeText} attestation is given twice (buildx refuses a duplicate attestation type).",
                    $"give one: either WithAttestation(BuildAttestation.…) or With{(attestation.Type == AttestationType.Sbom ? "Sbom" : "Provenance")}(…), not both.");
            foreach (var (key, _) in attestation.Options)
            {
                if (key.Length == 0 || key.Any(c => c is '=' or ',' or '"' || char.IsWhiteSpace(c)))
                    Fail(problems, option, key.Length == 0 ? $"A {attestation.TypeText} option key is empty." : $"'{ImageReference.Printable(key)}' is not an attestation option key.",
                        "use the generator's option name, e.g. generator, scan-context, mode or builder-id.");
                if (key.Equals("type", StringComparison.OrdinalIgnoreCase) || key.Equals("disabled", StringComparison.OrdinalIgnoreCase))
                    Fail(problems, option, $"'{key}' is set by the attestation itself, not as an option.", "use BuildAttestation.Of(type) or BuildAttestation.Disable(type).");
            }
            if (attestation.Disabled && attestation.Options.Count > 0)
                Fail(problems, option, $"The disabled {attestation.TypeText} attestation has options ({string.Join(", ", attestation.Options.Keys)}), which nothing reads.",
                    "remove the options, or enable it with BuildAttestation.Of(type).WithOption(…).");
            if (attestation.Type == AttestationType.Provenance && attestation.Options.TryGetValue("mode", out var mode) && mode is not ("min" or "max"))
                Fail(problems, option, $"Provenance mode '{ImageReference.Printable(mode)}' is neither min nor max.", "use BuildAttestation.Provenance(ProvenanceMode.Min or Max).");
        }
    }

    private static void ValidateNoCacheFilter(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.NoCacheFilter);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in request.NoCacheFilter)
        {
            if (stage is null) { Fail(problems, option, "A stage is null.", "remove it."); continue; }
            if (stage.Name.Length == 0 || !stage.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
                Fail(problems, option, stage.Name.Length == 0 ? "A stage has no name." : $"'{ImageReference.Printable(stage.Name)}' is not a stage name.",
                    "name the stages to rebuild (Stage.Named(\"deps\")); an unnamed stage cannot be filtered.");
            if (!seen.Add(stage.Name)) Fail(problems, option, $"The stage '{stage.Name}' is listed twice.", "list each stage once.");
        }
        if (request.NoCacheFilter.Count > 0 && request.NoCache)
            Fail(problems, option, "NoCache already builds every stage again, so the filter does nothing.", "keep one: WithNoCache() for every stage, or WithNoCacheFilter(stages) for these.");
    }

    private static void ValidateUlimits(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Ulimits);
        var names = new HashSet<UlimitName>();
        foreach (var ulimit in request.Ulimits)
        {
            if (ulimit is null) { Fail(problems, option, "A ulimit is null.", "remove it."); continue; }
            if (!Enum.IsDefined(ulimit.Name)) Fail(problems, option, $"{(int)ulimit.Name} is not a ulimit name.", "use a UlimitName such as UlimitName.Nofile.");
            if (!names.Add(ulimit.Name)) Fail(problems, option, $"The ulimit {ulimit.NameText} is given twice.", "give each resource one limit.");
            if (ulimit.Soft < -1 || ulimit.Hard < -1)
                Fail(problems, option, $"{ulimit} has a negative limit.", "use a limit of 0 or more, or -1 for unlimited.");
            if (ulimit.Hard != -1 && (ulimit.Soft == -1 || ulimit.Soft > ulimit.Hard))
                Fail(problems, option, $"{ulimit}: the soft limit is above the hard limit.", "make soft <= hard, e.g. BuildUlimit(UlimitName.Nofile, 1024, 4096).");
        }
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
            case BuildOutput.ImageExport { Options: var image }:
                ValidateImageExport(request, image, problems);
                break;
        }
    }

    private static void ValidateImageExport(BuildRequest request, ImageExportOptions image, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.Output);
        if (image.Push && request.Tags.Count == 0)
            Fail(problems, option, "The image exporter pushes, but the image has no name.", "add one with WithTags(\"registry:5000/team/app:1.0\"); the exporter is named by the tags.");
        if (image.PushByDigest && !image.Push)
            Fail(problems, option, "PushByDigest pushes by digest only when the exporter pushes.", "set Push = true too, or drop PushByDigest.");
        if (image.NameCanonical && request.Tags.Count == 0)
            Fail(problems, option, "NameCanonical adds name@digest, but the image has no name.", "add a tag with WithTags(…), or drop NameCanonical.");
        foreach (var (message, fix) in CompressionProblems(image.Compression, image.CompressionLevel, image.ForceCompression))
            Fail(problems, option, message, fix);
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
        const string from = nameof(BuildRequest.CacheFrom), to = nameof(BuildRequest.CacheTo);
        foreach (var cache in request.CacheFrom)
        {
            if (cache is BuildCache.InlineCache)
            {
                Fail(problems, from, "Inline cache cannot be imported on its own: it lives inside an image.",
                    "import it from that image: BuildCache.Registry(\"registry:5000/team/app:latest\").");
                continue;
            }
            ValidateCache(problems, from, cache);
            if (cache is null) continue;
            if (cache.ExportOnlyOptionsSet().ToList() is { Count: > 0 } exportOnly)
                Fail(problems, from, $"The {cache.TypeName} cache import sets {string.Join(", ", exportOnly)}, which only an export reads (--cache-from ignores them).",
                    "set them on the CacheTo cache, or remove them from the import.");
        }

        if (request.CacheTo is not { } export) return;
        ValidateCache(problems, to, export);
        switch (export)
        {
            case BuildCache.InlineCache when export.Mode != CacheMode.Min || export.IgnoreError:
                Fail(problems, to, "Inline cache takes no options: it holds the final image's layers (mode=min) and fails with the image.",
                    "drop the mode and IgnoreError, or export BuildCache.Registry(cacheRef, CacheMode.Max) for every stage's layers.");
                break;
            case BuildCache.InlineCache when request.Output is BuildOutput.LocalFiles:
                Fail(problems, to, "Inline cache is written into an image, and a local directory output writes files only.",
                    "push or load an image, or export BuildCache.Local(directory) instead.");
                break;
            case BuildCache.LocalCache { Digest: not null }:
                Fail(problems, to, "Digest picks an older manifest to import; an export always writes a new one.", "remove Digest, or use the cache in CacheFrom.");
                break;
            case BuildCache.RegistryCache { Reference: { Problem: null } reference }:
                if (reference.Digest is not null)
                    Fail(problems, to, $"'{reference}' has a digest; a cache export pushes to a tag.", "give the cache image a tag, e.g. registry:5000/team/app:buildcache.");
                if (request.Tags.Any(t => t is { Problem: null } && t.Normalized.ToString() == reference.Normalized.ToString()))
                    Fail(problems, to, $"The cache image '{reference}' is also the build's tag: one would overwrite the other.",
                        "give the cache its own tag or name (e.g. app:buildcache), or export BuildCache.Inline to keep the cache inside the image.");
                break;
        }
        if (export is BuildCache.ManifestCache manifest)
        {
            if (manifest.ImageManifest == true && manifest.OciMediaTypes == false)
                Fail(problems, to, "ImageManifest writes an OCI image manifest, and OciMediaTypes = false asks for Docker media types.",
                    "set OciMediaTypes = true (BuildKit's default) or leave it unset, or drop ImageManifest.");
            foreach (var (message, fix) in CompressionProblems(manifest.Compression, manifest.CompressionLevel, manifest.ForceCompression))
                Fail(problems, to, message, fix);
        }
        if (request.Driver is { } driver && !export.ExportableOn(driver))
            Fail(problems, to, driver == BuilderDriver.Docker
                    ? $"The docker driver on the classic image store exports inline cache only; a {export.TypeName} cache export fails."
                    : $"The docker driver has no {export.TypeName} cache exporter (it exports inline, registry, local and gha cache).",
                driver == BuilderDriver.Docker
                    ? "export BuildCache.Inline and import it with BuildCache.Registry(image), or run on a docker-container builder (docker buildx create --driver docker-container --name ci; WithBuilder(\"ci\", BuilderDriver.DockerContainer)), or enable the engine's containerd image store for registry, local and gha."
                    : "run on a docker-container builder: docker buildx create --driver docker-container --name ci, then WithBuilder(\"ci\", BuilderDriver.DockerContainer).");
    }

    /// <summary>The runner hands credentials to buildx through one set of variables, so every cache must name the same ones.</summary>
    private static void ValidateCacheCredentials(BuildRequest request, List<Problem> problems)
    {
        const string option = nameof(BuildRequest.CacheFrom);
        var caches = request.CacheFrom.Concat(request.CacheTo is { } export ? [export] : []).OfType<BuildCache>().ToList();
        if (caches.OfType<BuildCache.GitHubActionsCache>().Select(c => c.TokenVariable).OfType<string>().Distinct(StringComparer.Ordinal).Count() > 1)
            Fail(problems, option, "GitHub Actions caches take their token from different variables; buildx reads one ACTIONS_RUNTIME_TOKEN.", "name the same TokenVariable on every gha cache.");
        if (caches.OfType<BuildCache.S3Cache>().Select(c => c.Credentials).OfType<AwsCredentialVariables>().Distinct().Count() > 1)
            Fail(problems, option, "S3 caches take their keys from different variables; buildx reads one AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.", "give every s3 cache the same Credentials.");
    }

    /// <summary>What is wrong with one cache in either direction (its required values, names and URLs).</summary>
    private static void ValidateCache(List<Problem> problems, string option, BuildCache? cache)
    {
        if (cache is null) { Fail(problems, option, "A cache is null.", "remove it."); return; }
        if (!Enum.IsDefined(cache.Mode)) Fail(problems, option, $"{(int)cache.Mode} is not a cache mode.", "use CacheMode.Min or CacheMode.Max.");
        switch (cache)
        {
            case BuildCache.RegistryCache { Reference: var reference } when reference is null || reference.Problem is not null:
                Fail(problems, option, reference?.Problem?.Message ?? "The cache image is null.", reference?.Problem?.Fix ?? "give a registry ref such as registry:5000/team/app:cache.");
                break;
            case BuildCache.LocalCache { Directory: var directory, Digest: var digest }:
                if (string.IsNullOrWhiteSpace(directory))
                    Fail(problems, option, "The local cache directory is empty.", "give a directory, e.g. BuildCache.Local(\"artifacts/buildcache\").");
                if (digest is not null && !IsSha256Digest(digest))
                    Fail(problems, option, $"'{ImageReference.Printable(digest)}' is not a manifest digest.", "give sha256: and 64 hex digits, from the cache directory's index.json, or leave Digest null for the latest.");
                break;
            case BuildCache.GitHubActionsCache gha:
                if (gha.Scope is { } scope && string.IsNullOrWhiteSpace(scope))
                    Fail(problems, option, "The gha cache scope is empty.", "give each image its own scope, e.g. the image name, or leave Scope null for buildx's 'buildkit'.");
                CheckUrl(problems, option, gha.Url, "gha cache Url", "leave it null to use the runner's ACTIONS_CACHE_URL");
                CheckVariable(problems, option, gha.TokenVariable, "gha token variable");
                break;
            case BuildCache.S3Cache s3:
                if (string.IsNullOrWhiteSpace(s3.Bucket)) Fail(problems, option, "The s3 cache has no bucket.", "give the bucket's name: BuildCache.S3(\"my-bucket\", \"eu-west-1\").");
                if (string.IsNullOrWhiteSpace(s3.Region)) Fail(problems, option, "The s3 cache has no region.", "give the bucket's region, e.g. \"eu-west-1\" (MinIO accepts any, e.g. \"us-east-1\").");
                if (s3.Name is { } name && string.IsNullOrWhiteSpace(name)) Fail(problems, option, "The s3 cache name is empty.", "give a name per image, or leave Name null for buildx's 'buildkit'.");
                CheckUrl(problems, option, s3.EndpointUrl, "s3 EndpointUrl", "leave it null for AWS");
                if (s3.Credentials is { } keys)
                {
                    CheckVariable(problems, option, keys.AccessKeyIdVariable ?? "", "access key id variable");
                    CheckVariable(problems, option, keys.SecretAccessKeyVariable ?? "", "secret access key variable");
                    CheckVariable(problems, option, keys.SessionTokenVariable, "session token variable");
                }
                break;
            case BuildCache.AzureBlobCache azblob:
                if (string.IsNullOrWhiteSpace(azblob.Name)) Fail(problems, option, "The azblob cache has no name.", "give the cache image's name, e.g. BuildCache.AzureBlob(\"app\", accountUrl).");
                CheckUrl(problems, option, azblob.AccountUrl, "azblob AccountUrl", "leave it null to use the builder's BUILDKIT_AZURE_STORAGE_ACCOUNT_URL");
                break;
        }
    }

    private static bool IsSha256Digest(string digest) =>
        digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length == 71 && digest[7..].All(char.IsAsciiHexDigitLower);

    private static void CheckUrl(List<Problem> problems, string option, Uri? url, string what, string instead)
    {
        if (url is not null && !(url.IsAbsoluteUri && url.Scheme is "https" or "http"))
            Fail(problems, option, $"The {what} '{ImageReference.Printable(url.OriginalString)}' is not an http(s) URL.", $"give an absolute URL such as https://host:port/, or {instead}.");
    }

    private static void CheckVariable(List<Problem> problems, string option, string? variable, string what)
    {
        if (variable is not null && VariableName.Check(variable, what) is { } problem) Fail(problems, option, problem.Message, problem.Fix);
    }

    /// <summary>The compression settings an image or cache export refuses: a level without a compression or out of its range, a force without a compression.</summary>
    private static IEnumerable<(string Message, string Fix)> CompressionProblems(ImageCompression? compression, int? level, bool force)
    {
        if (compression is { } c && !Enum.IsDefined(c))
            yield return ($"{(int)c} is not a compression.", "use ImageCompression.Gzip, Estargz, Zstd or Uncompressed.");
        if (level is { } value)
        {
            var max = compression switch
            {
                ImageCompression.Gzip or ImageCompression.Estargz => 9,
                ImageCompression.Zstd => 22,
                _ => -1,
            };
            if (max < 0)
                yield return (compression is null ? "CompressionLevel is set without a Compression." : "Uncompressed layers have no compression level.",
                    "set Compression = ImageCompression.Gzip, Estargz or Zstd, or drop CompressionLevel.");
            else if (value < 0 || value > max)
                yield return ($"Compression level {value} is outside {compression!.Value.ToString().ToLowerInvariant()}'s 0–{max}.", $"use a level from 0 to {max}.");
        }
        if (force && compression is null)
            yield return ("ForceCompression recompresses to a Compression, and none is set.", "set Compression (e.g. ImageCompression.Zstd), or drop ForceCompression.");
    }

    private static void Fail(List<Problem> problems, string option, string problem, string fix) => problems.Add(BuildRequestException.ProblemOf(option, problem, fix));
}
