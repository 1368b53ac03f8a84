namespace Fluent.Docker.Build;

/// <summary>
/// Runs <c>docker buildx</c> (the thin half of the build runner: <see cref="BuildxArguments"/> decides the arguments).
/// Builds go through the CLI because the Engine API cannot drive BuildKit's multi-platform builds.
/// </summary>
public sealed class Buildx(string dockerExecutable = "docker")
{
    public string DockerExecutable { get; } = string.IsNullOrWhiteSpace(dockerExecutable)
        ? throw new ArgumentException("Give the docker CLI's name or path, e.g. \"docker\".", nameof(dockerExecutable))
        : dockerExecutable;

    /// <summary>Registry credentials every command of this runner uses (see <see cref="RegistryCredentials"/>).</summary>
    public IReadOnlyList<RegistryCredentials> Credentials { get; private init; } = [];

    /// <summary>A runner that also authenticates to the credentials' registries (pushes, pulls, imagetools).</summary>
    public Buildx WithCredentials(params RegistryCredentials[] credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Any(c => c is null)) throw new ArgumentException("A credential is null.", nameof(credentials));
        var merged = Credentials.Where(c => credentials.All(n => n.Registry != c.Registry)).Concat(credentials).ToList();
        return new Buildx(DockerExecutable) { Credentials = merged, Context = Context, Builder = Builder, UserConfigDirectory = UserConfigDirectory };
    }

    /// <summary>The docker context every command of this runner uses (<c>docker --context NAME …</c>); null uses the CLI's current one.</summary>
    public DockerContext? Context { get; private init; }

    /// <summary>
    /// A runner whose commands go to <paramref name="context"/>'s engine (<c>docker --context NAME buildx …</c>), e.g. a
    /// second engine: builds use that context's builders, and its docker-driver builder by default.
    /// </summary>
    public Buildx WithContext(DockerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Buildx(DockerExecutable) { Credentials = Credentials, Context = context, Builder = Builder, UserConfigDirectory = UserConfigDirectory };
    }

    /// <summary>
    /// The builder this runner's builds and bakes run on (<c>--builder NAME</c>) when their request names none; null uses
    /// the context's current builder.
    /// </summary>
    public string? Builder { get; private init; }

    /// <summary>
    /// A runner whose builds and bakes run on builder <paramref name="builder"/> (a request's own
    /// <see cref="BuildRequest.Builder"/> still wins). A docker-driver builder is reached through its docker context:
    /// use <see cref="WithContext"/> for those. Throws <see cref="DockerValueException"/> for a bad name.
    /// </summary>
    public Buildx WithBuilder(string builder) =>
        new(DockerExecutable) { Credentials = Credentials, Context = Context, Builder = BuilderName.Check(builder), UserConfigDirectory = UserConfigDirectory };

    /// <summary>
    /// The user's docker configuration that credentials are added beside; null: DOCKER_CONFIG, else ~/.docker. Set by
    /// tests, which must not change the process's DOCKER_CONFIG under other tests.
    /// </summary>
    internal string? UserConfigDirectory { get; init; }

    /// <summary>This runner with its credentials added beside the docker configuration in <paramref name="directory"/>.</summary>
    internal Buildx WithUserConfigDirectory(string directory) =>
        new(DockerExecutable) { Credentials = Credentials, Context = Context, Builder = Builder, UserConfigDirectory = directory };

    /// <summary>The builder named in errors: the request's, the runner's, or the context's own (named after it); null: the current one.</summary>
    private string? BuilderLabel(string? requested) => requested ?? Builder ?? Context?.Name;

    /// <summary>The arguments after the executable: the context first (a docker option), then the command's own.</summary>
    internal IReadOnlyList<string> CommandArguments(IReadOnlyList<string> arguments) =>
        Context is null ? arguments : ["--context", Context.Name, .. arguments];

    private string CommandText(IReadOnlyList<string> arguments) => CommandLineText.Format(DockerExecutable, CommandArguments(arguments));

    /// <summary>Runs docker; with credentials, inside a throw-away credential-helper configuration.</summary>
    private async Task<DockerCliRun.Outcome> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        Action<string>? onLine, bool forwardStandardOutput, CancellationToken cancellationToken)
    {
        arguments = CommandArguments(arguments);
        if (Credentials.Count == 0)
            return await DockerCliRun.ExecuteAsync(DockerExecutable, arguments, environment, onLine, forwardStandardOutput, cancellationToken).ConfigureAwait(false);
        using var auth = CredentialHelperEnvironment.Create(Credentials, UserConfigDirectory);
        var merged = new Dictionary<string, string?>(auth.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) merged[name] = value;
        return await DockerCliRun.ExecuteAsync(DockerExecutable, arguments, merged, onLine, forwardStandardOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a build or bake whose output is <c>--progress=rawjson</c>: every line goes through one parser, and its events
    /// to <paramref name="progress"/>, in order (stdout and stderr arrive on two threads). A non-zero exit throws
    /// <see cref="BuildxException"/> with the failed steps and buildx's text, not the JSON; the platforms asked for name
    /// the one a base image lacks when the steps do not (a single-platform build's steps carry no platform).
    /// </summary>
    private async Task<DockerCliRun.Outcome> StreamAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment,
        bool bake, IReadOnlyList<Platform> platforms, string? builder, IProgress<BuildEvent>? progress, CancellationToken cancellationToken, bool resultOnStandardOutput = false)
    {
        var parser = new BuildEventParser(bake);
        var gate = new Lock();
        void Publish(IReadOnlyList<BuildEvent> events)
        {
            foreach (var e in events) progress?.Report(e);
        }
        var outcome = await RunAsync(arguments, environment, line =>
        {
            lock (gate) Publish(parser.Feed(line));
        }, forwardStandardOutput: !resultOnStandardOutput, cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            Publish(parser.Complete());
            // A --call evaluation exits 1 when it reports something (a check fired): its JSON on stdout is the result.
            var reported = resultOnStandardOutput && outcome.StandardOutput.AsSpan().IndexOf((byte)'{') >= 0;
            if (outcome.ExitCode != 0 && !reported)
                throw new BuildxException(outcome.ExitCode, CommandText(arguments), parser.TextTail, parser.Failures, platforms, BuilderLabel(builder));
        }
        return outcome;
    }

    private Task<BuildxVersion?>? _version;

    /// <summary>
    /// The installed buildx release (<c>docker buildx version</c>), asked once per runner; null when buildx names no
    /// release (a development build). Throws <see cref="BuildxException"/> when buildx does not run.
    /// </summary>
    public Task<BuildxVersion?> VersionAsync(CancellationToken cancellationToken = default) =>
        _version is { IsCompletedSuccessfully: true } known ? known : _version = QueryVersionAsync(cancellationToken);

    private async Task<BuildxVersion?> QueryVersionAsync(CancellationToken cancellationToken)
    {
        string[] arguments = ["buildx", "version"];
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail);
        return BuildxVersion.FromVersionOutput(System.Text.Encoding.UTF8.GetString(outcome.StandardOutput));
    }

    /// <summary>True when <c>docker buildx version</c> runs and succeeds.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await RunAsync(["buildx", "version"], null, null, false, cancellationToken).ConfigureAwait(false);
            return outcome.ExitCode == 0;
        }
        catch (BuildxException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs the build, reporting what happens to <paramref name="progress"/> as typed events (steps started, cached,
    /// done or failed, their output, warnings); wrap a line sink with <see cref="BuildEventText.Writer"/> for text. On a
    /// non-zero exit, throws <see cref="BuildxException"/> carrying the failed steps and buildx's error; a bad request
    /// throws <see cref="BuildRequestException"/> before anything runs.
    /// </summary>
    public async Task<BuildResult> BuildAsync(BuildRequest request, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Builder is null && Builder is not null) request = request with { Builder = Builder };
        var metadataFile = Path.Combine(Path.GetTempPath(), $"fluent-docker-build-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = BuildxArguments.For(request, metadataFile);
            BuildxFlagTable.Check(arguments, await VersionAsync(cancellationToken).ConfigureAwait(false));
            foreach (var warning in request.Warnings()) progress?.Report(new BuildEvent.RequestWarning(warning, null));
            var environment = EnvironmentFor(request);

            var outcome = await StreamAsync(arguments, environment, bake: false, [.. request.Platforms], request.Builder, progress, cancellationToken).ConfigureAwait(false);

            var metadata = File.Exists(metadataFile) ? await File.ReadAllTextAsync(metadataFile, cancellationToken).ConfigureAwait(false) : null;
            return BuildResult.FromMetadata(metadata, outcome.Duration);
        }
        finally
        {
            File.Delete(metadataFile);
        }
    }

    /// <summary>
    /// Runs <c>docker buildx bake</c> on <paramref name="definition"/> (written to a temporary JSON file): every target in
    /// one BuildKit session, independent targets in parallel. Returns each target's result from the metadata file.
    /// Progress and failures are reported as for <see cref="BuildAsync"/>; steps carry their target's name.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, BuildResult>> BakeAsync(BakeDefinition definition, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = definition.ToJson(); // validates first
        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var target in definition.Targets) BuildxFlagTable.Check(BuildxArguments.Render(target.Request, null), version, bake: true);
        var stem = Path.Combine(Path.GetTempPath(), $"fluent-docker-bake-{Guid.NewGuid():N}");
        var (bakeFile, metadataFile) = (stem + ".json", stem + ".metadata.json");
        try
        {
            await File.WriteAllTextAsync(bakeFile, json, cancellationToken).ConfigureAwait(false);
            foreach (var target in definition.Targets)
                foreach (var warning in target.Request.Warnings()) progress?.Report(new BuildEvent.RequestWarning(warning, target.Name));
            var builder = BakeBuilder(definition);
            string[] arguments = ["buildx", "bake", .. builder is null ? Array.Empty<string>() : ["--builder", builder], .. definition.Entitlements().Select(e => "--allow=" + e.Argument), "--file", bakeFile, "--metadata-file", metadataFile, "--progress=rawjson"];
            var environment = definition.Targets.SelectMany(t => EnvironmentFor(t.Request)).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);
            var outcome = await StreamAsync(arguments, environment, bake: true,
                [.. definition.Targets.SelectMany(t => t.Request.Platforms).Distinct()], builder, progress, cancellationToken).ConfigureAwait(false);
            var results = new Dictionary<string, BuildResult>(StringComparer.Ordinal);
            if (File.Exists(metadataFile))
            {
                using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(metadataFile, cancellationToken).ConfigureAwait(false));
                foreach (var target in document.RootElement.EnumerateObject())
                    results[target.Name] = BuildResult.FromMetadata(target.Value.GetRawText(), outcome.Duration);
            }
            return results;
        }
        finally
        {
            File.Delete(bakeFile);
            File.Delete(metadataFile);
        }
    }

    /// <summary>
    /// The one builder a bake runs on (bake has no per-target builder): the targets' own when they name one, else the
    /// runner's. Targets naming different builders are refused before buildx runs.
    /// </summary>
    private string? BakeBuilder(BakeDefinition definition)
    {
        var named = definition.Targets.Select(t => t.Request.Builder).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (named.Count > 1)
            throw new BuildRequestException(nameof(BuildRequest.Builder), $"The bake's targets name {named.Count} builders ({string.Join(", ", named)}); a bake runs every target on one builder.",
                "name one builder for the whole bake (Buildx.WithBuilder), or build the targets on different builders as separate builds.");
        return named.FirstOrDefault() ?? Builder;
    }

    /// <summary>
    /// Runs the Dockerfile frontend's checks on <paramref name="request"/>'s Dockerfile (<c>--call=check,format=json</c>)
    /// without building: the checks that fired and the error that stops the build, typed. A Dockerfile with findings is
    /// a result, not an exception; buildx failing to run at all throws <see cref="BuildxException"/>.
    /// </summary>
    public async Task<BuildCheckResult> CheckAsync(BuildRequest request, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default) =>
        BuildCheckResult.Parse(await CallAsync(request, BuildCall.Check, progress, cancellationToken).ConfigureAwait(false));

    /// <summary>The build args, secrets and SSH ids the target stage uses (<c>--call=outline,format=json</c>), typed.</summary>
    public async Task<BuildOutline> OutlineAsync(BuildRequest request, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default) =>
        BuildOutline.Parse(await CallAsync(request, BuildCall.Outline, progress, cancellationToken).ConfigureAwait(false), DockerfileName(request));

    /// <summary>The stages the Dockerfile offers as targets (<c>--call=targets,format=json</c>), typed.</summary>
    public async Task<BuildTargetList> TargetsAsync(BuildRequest request, IProgress<BuildEvent>? progress = null, CancellationToken cancellationToken = default) =>
        BuildTargetList.Parse(await CallAsync(request, BuildCall.Targets, progress, cancellationToken).ConfigureAwait(false), DockerfileName(request));

    private static string DockerfileName(BuildRequest request) => request?.DockerfilePath is { Length: > 0 } path ? Path.GetFileName(path) : "Dockerfile";

    private async Task<string> CallAsync(BuildRequest request, BuildCall call, IProgress<BuildEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Builder is null && Builder is not null) request = request with { Builder = Builder };
        var arguments = BuildxArguments.ForCall(request, call);
        BuildxFlagTable.Check(arguments, await VersionAsync(cancellationToken).ConfigureAwait(false));
        var outcome = await StreamAsync(arguments, EnvironmentFor(request), bake: false, [.. request.Platforms], request.Builder, progress, cancellationToken, resultOnStandardOutput: true).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(outcome.StandardOutput);
    }

    /// <summary>
    /// The buildx process's extra environment: secret values (the command line names only their variables), the SSH
    /// agent socket when it comes from a variable other than SSH_AUTH_SOCK, and cache credentials named by variable
    /// (the gha token as ACTIONS_RUNTIME_TOKEN, S3 keys as the AWS_* variables buildx reads).
    /// </summary>
    internal static IReadOnlyDictionary<string, string?> EnvironmentFor(BuildRequest request)
    {
        var environment = request.Secrets
            .Where(s => s.Source == BuildSecretSource.Value)
            .ToDictionary(s => s.Reference, s => s.Value);
        if (request.Ssh.FirstOrDefault(s => s.AgentVariable is not null and not "SSH_AUTH_SOCK") is { AgentVariable: { } variable })
            environment["SSH_AUTH_SOCK"] = Environment.GetEnvironmentVariable(variable);
        var caches = request.CacheFrom.Concat(request.CacheTo is { } export ? [export] : []).ToList();
        if (caches.OfType<BuildCache.GitHubActionsCache>().FirstOrDefault(c => c.TokenVariable is not null and not "ACTIONS_RUNTIME_TOKEN") is { TokenVariable: { } token })
            environment["ACTIONS_RUNTIME_TOKEN"] = Environment.GetEnvironmentVariable(token);
        if (caches.OfType<BuildCache.S3Cache>().FirstOrDefault(c => c.Credentials is not null)?.Credentials is { } keys)
        {
            environment[AwsCredentialVariables.AccessKeyId] = Environment.GetEnvironmentVariable(keys.AccessKeyIdVariable);
            environment[AwsCredentialVariables.SecretAccessKey] = Environment.GetEnvironmentVariable(keys.SecretAccessKeyVariable);
            // Unset rather than inherited: a session token from elsewhere would not match these keys.
            environment[AwsCredentialVariables.SessionToken] = keys.SessionTokenVariable is { } session ? Environment.GetEnvironmentVariable(session) : null;
        }
        return environment;
    }

    /// <summary>
    /// Creates the builder <paramref name="spec"/> describes (<c>docker buildx create</c>; one call per node, the later
    /// ones appending), or appends its nodes (<see cref="BuilderSpec.Append"/>), then returns it as buildx lists it. An
    /// invalid spec throws <see cref="BuildRequestException"/> before buildx runs; its daemon configuration goes to
    /// buildx as a temporary file, written whole and deleted after. With <see cref="BuilderSpec.Bootstrap"/>, a builder
    /// that cannot start throws <see cref="BuildxException"/> whose <see cref="BuildxException.Failure"/> says why
    /// (<see cref="BuildFailureKind.BuilderUnavailable"/>: e.g. its BuildKit image could not be pulled); the builder stays created.
    /// </summary>
    public async Task<BuilderInfo> CreateBuilderAsync(BuilderSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var config = spec.BuildkitdConfig is null ? null : Path.Combine(Path.GetTempPath(), $"fluent-docker-buildkitd-{Guid.NewGuid():N}.toml");
        try
        {
            if (config is not null) IO.AtomicFile.WriteAllText(config, spec.BuildkitdConfig!.ToToml());
            foreach (var arguments in BuilderArguments.Create(spec, config))
                await RunBuilderCommandAsync(arguments, spec.Name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (config is not null) File.Delete(config);
        }
        return await InspectBuilderAsync(spec.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The builder <paramref name="name"/> as buildx lists it (driver, nodes, status, platforms); with
    /// <paramref name="bootstrap"/> it is booted first (<c>docker buildx inspect --bootstrap</c>). A builder that does not
    /// exist throws <see cref="BuildxException"/> with <see cref="BuildFailureKind.BuilderNotFound"/> and the fix.
    /// </summary>
    public async Task<BuilderInfo> InspectBuilderAsync(string name, bool bootstrap = false, CancellationToken cancellationToken = default)
    {
        BuilderName.Check(name);
        if (bootstrap) await RunBuilderCommandAsync(BuilderArguments.Inspect(name, bootstrap: true), name, cancellationToken).ConfigureAwait(false);
        var builders = await ListBuildersAsync(cancellationToken).ConfigureAwait(false);
        return builders.FirstOrDefault(b => b.Name == name)
            ?? throw new BuildxException(1, CommandText(BuilderArguments.Inspect(name)), $"ERROR: no builder \"{name}\" found", [], [], name);
    }

    /// <summary>Every builder of this runner's docker context (<c>docker buildx ls --format json</c>), typed.</summary>
    public async Task<IReadOnlyList<BuilderInfo>> ListBuildersAsync(CancellationToken cancellationToken = default)
    {
        var arguments = BuilderArguments.List();
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail, [], [], builder: null);
        return BuilderInfo.ParseList(System.Text.Encoding.UTF8.GetString(outcome.StandardOutput));
    }

    /// <summary>
    /// Removes the builder <paramref name="name"/> and its BuildKit state (<c>docker buildx rm</c>). A builder that does
    /// not exist throws <see cref="BuildxException"/> with <see cref="BuildFailureKind.BuilderNotFound"/>.
    /// </summary>
    public Task RemoveBuilderAsync(string name, CancellationToken cancellationToken = default) =>
        RunBuilderCommandAsync(BuilderArguments.Remove(name), name, cancellationToken);

    private async Task RunBuilderCommandAsync(IReadOnlyList<string> arguments, string builder, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail, [], [], builder);
    }

    /// <summary>
    /// What the registry holds for <paramref name="image"/> (<c>docker buildx imagetools inspect --raw</c>): the index
    /// with one entry per platform, or a single manifest. Uses the CLI's registry credentials.
    /// </summary>
    public async Task<ImageIndex> ImagetoolsInspectAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        string[] arguments = ["buildx", "imagetools", "inspect", "--raw", image.ToString()];
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail);
        return ImageIndex.Parse(outcome.StandardOutput);
    }

    /// <summary>
    /// Writes <paramref name="tag"/> as one index of <paramref name="sources"/> (<c>docker buildx imagetools create -t TAG
    /// SOURCE…</c>; a source that is itself an index gives all its manifests), then returns the index as the registry
    /// holds it. The tag is written last, after every manifest is copied into its repository.
    /// </summary>
    public async Task<ImageIndex> ImagetoolsCreateAsync(ImageReference tag, IReadOnlyList<ImageReference> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(sources);
        if (tag.Problem is { } problem) throw new DockerValueException(problem);
        if (sources.Count == 0) throw new ArgumentException("Give at least one image to put in the index.", nameof(sources));
        foreach (var source in sources)
            if ((source ?? throw new ArgumentException("A source is null.", nameof(sources))).Problem is { } bad) throw new DockerValueException(bad);
        string[] arguments = ["buildx", "imagetools", "create", "-t", tag.ToString(), .. sources.Select(s => s.ToString())];
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail);
        return await ImagetoolsInspectAsync(tag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image config (env, labels, history, …) of a single-platform image in a registry, as JSON.</summary>
    public async Task<string> ImagetoolsConfigAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        string[] arguments = ["buildx", "imagetools", "inspect", "--format", "{{json .Image}}", image.ToString()];
        var outcome = await RunAsync(arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandText(arguments), outcome.ErrorTail);
        return System.Text.Encoding.UTF8.GetString(outcome.StandardOutput);
    }

    /// <summary>The platforms a pushed image offers (attestations left out); empty for a single-manifest image.</summary>
    public async Task<IReadOnlyList<Platform>> ImagetoolsPlatformsAsync(ImageReference image, CancellationToken cancellationToken = default) =>
        (await ImagetoolsInspectAsync(image, cancellationToken).ConfigureAwait(false)).Platforms;
}
