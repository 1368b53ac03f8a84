using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Fluent.Docker.Build;
using Fluent.Docker.Display;
using Fluent.Docker.Engine;
using Fluent.Docker.Release;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cake;

/// <summary>
/// Cake aliases for Fluent.Docker: thin wrappers over the library that generate Dockerfiles from C# definitions, lint
/// them, build them with buildx (one at a time or as one bake graph), push releases with fanned-out tags, and inspect
/// images. Every alias has an overload taking a settings object. Logs show secrets and credentials only as references
/// (<c>[REDACTED]</c> for values).
/// </summary>
[CakeAliasCategory("Fluent.Docker")]
[CakeNamespaceImport("Fluent.Docker")]
[CakeNamespaceImport("Fluent.Docker.Build")]
[CakeNamespaceImport("Fluent.Docker.Release")]
[CakeNamespaceImport("Fluent.Docker.Engine")]
[CakeNamespaceImport("Fluent.Docker.Pinning")]
[CakeNamespaceImport("Fluent.Docker.Workflow")]
[CakeNamespaceImport("Fluent.Docker.Cake")]
public static class FluentDockerAliases
{
    // ---- generate

    /// <summary>Validates each definition and writes its Dockerfile and .dockerignore under the working directory.</summary>
    /// <example><code>var images = FluentDockerGenerate(ExampleCatalog.All);</code></example>
    [CakeMethodAlias]
    public static IReadOnlyList<GeneratedImage> FluentDockerGenerate(this ICakeContext context, IEnumerable<ImageDefinition> images) =>
        context.FluentDockerGenerate(images, new FluentDockerGenerateSettings());

    /// <summary>Validates each definition and writes its Dockerfile and .dockerignore under <see cref="FluentDockerGenerateSettings.BaseDirectory"/>.</summary>
    /// <example><code>var images = FluentDockerGenerate(ExampleCatalog.All, new FluentDockerGenerateSettings { BaseDirectory = "examples" });</code></example>
    [CakeMethodAlias]
    public static IReadOnlyList<GeneratedImage> FluentDockerGenerate(this ICakeContext context, IEnumerable<ImageDefinition> images, FluentDockerGenerateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        var generated = FileWorkflow.Generate(images, (settings.BaseDirectory ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath,
            settings.LockFile?.MakeAbsolute(context.Environment).FullPath);
        foreach (var line in generated.Lines()) context.Log.Information("{0}", line);
        return generated.Images;
    }

    // ---- lock

    /// <summary>
    /// Resolves every image the definitions pull by a tag to its digest (through the engine, so registry mirrors apply)
    /// and writes <c>images.lock.json</c> in the working directory; images already locked keep their digest.
    /// Pass the file to <see cref="FluentDockerGenerateSettings.LockFile"/> to generate pinned Dockerfiles.
    /// </summary>
    /// <example><code>await FluentDockerLock(ExampleCatalog.All);</code></example>
    [CakeMethodAlias]
    public static Task<Pinning.ImageLockUpdate> FluentDockerLock(this ICakeContext context, IEnumerable<ImageDefinition> images) =>
        context.FluentDockerLock(images, new FluentDockerLockSettings());

    /// <summary>
    /// Writes <see cref="FluentDockerLockSettings.LockFile"/> for the definitions (resolving again with
    /// <see cref="FluentDockerLockSettings.Update"/>), logs each image's change, and warns (or fails) when a locked base
    /// lacks a platform an image is built for.
    /// </summary>
    /// <example><code>await FluentDockerLock(images, new FluentDockerLockSettings { LockFile = "build/images.lock.json", Update = true });</code></example>
    [CakeMethodAlias]
    public static async Task<Pinning.ImageLockUpdate> FluentDockerLock(this ICakeContext context, IEnumerable<ImageDefinition> images, FluentDockerLockSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        var path = settings.LockFile.MakeAbsolute(context.Environment).FullPath;
        using var engine = DockerEngine.Connect();
        var run = await ImageWorkflow.LockAsync([.. images.Select(image => WorkflowImage.From(image, context.Environment.WorkingDirectory.FullPath))], path, engine,
            new LockOptions(Update: settings.Update)).ConfigureAwait(false);
        foreach (var line in run.ChangeLines()) context.Log.Information("{0}", line);
        foreach (var gap in run.PlatformGaps) context.Log.Warning("{0}", gap);
        if (settings.FailOnPlatformGaps && run.PlatformGaps.Count > 0)
            throw new PlatformGapsException(run.PlatformGaps);
        return run.Update;
    }

    // ---- lint

    /// <summary>
    /// Lints each definition (<see cref="Linting.Linter.Lint(ImageDefinition, Linting.LintOptions?)"/>: the model's problems,
    /// the rules of docs/rules, the image's .dockerignore) and logs every finding at its severity with its line in the
    /// emitted Dockerfile; throws when a model cannot be emitted or a finding is an error.
    /// </summary>
    /// <example><code>FluentDockerLint(ExampleCatalog.All);</code></example>
    [CakeMethodAlias]
    public static IReadOnlyList<Linting.LintReport> FluentDockerLint(this ICakeContext context, IEnumerable<ImageDefinition> images) =>
        context.FluentDockerLint(images, new FluentDockerLintSettings());

    /// <summary>
    /// Lints each definition with <see cref="FluentDockerLintSettings.Options"/>, writes a SARIF 2.1.0 log per image to
    /// <see cref="FluentDockerLintSettings.SarifDirectory"/> when set, and throws on a problem or an error finding unless
    /// <see cref="FluentDockerLintSettings.FailOnProblems"/> is false.
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<Linting.LintReport> FluentDockerLint(this ICakeContext context, IEnumerable<ImageDefinition> images, FluentDockerLintSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        var run = FileWorkflow.Lint(images, settings.Options);
        foreach (var message in run.Messages()) Log(context.Log, message.Severity, message.Text);
        if (settings.SarifDirectory is { } directory) run.WriteSarifPerFile(directory.MakeAbsolute(context.Environment).FullPath);
        if (run.FailureCount > 0 && settings.FailOnProblems)
            throw new CakeException($"{run.FailureCount} Dockerfile problem(s) or lint error(s) (listed above).");
        return [.. run.Files.Select(file => file.Report)];
    }

    // ---- build

    /// <summary>Runs one <see cref="BuildRequest"/> (logged as its command line, secrets by reference only).</summary>
    /// <example><code>await FluentDockerBuild(new BuildRequest("examples/go-hello").WithPlatforms(Platform.LinuxAmd64));</code></example>
    [CakeMethodAlias]
    public static Task<BuildResult> FluentDockerBuild(this ICakeContext context, BuildRequest request) =>
        context.FluentDockerBuild(request, new FluentDockerBuildSettings());

    /// <summary>Runs one <see cref="BuildRequest"/> with the settings' credentials.</summary>
    [CakeMethodAlias]
    public static async Task<BuildResult> FluentDockerBuild(this ICakeContext context, BuildRequest request, FluentDockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        context.Log.Information("{0}", request);
        // One line per step (buildx's rawjson folded into build events), through the Cake log.
        var result = await BuildxFor(settings.Credentials, settings.Builder, settings.DockerContext).BuildAsync(request, new CakeLogProgress(context.Log)).ConfigureAwait(false);
        context.Log.Information("built {0} in {1:0.0} s", result.Digest ?? "(no image digest)", result.Duration.TotalSeconds);
        return result;
    }

    /// <summary>Builds generated images for all their platforms, one after the other, into OCI archives (no registry) and logs a summary table.</summary>
    [CakeMethodAlias]
    public static Task<IReadOnlyList<BuiltImage>> FluentDockerBuild(this ICakeContext context, IEnumerable<GeneratedImage> images) =>
        context.FluentDockerBuild(images, new FluentDockerBuildSettings());

    /// <summary>Builds generated images for all their platforms: pushed to <see cref="FluentDockerBuildSettings.Registry"/>, else OCI archives.</summary>
    /// <example><code>var built = await FluentDockerBuild(images, new FluentDockerBuildSettings { Registry = "127.0.0.1:5000" });</code></example>
    [CakeMethodAlias]
    public static async Task<IReadOnlyList<BuiltImage>> FluentDockerBuild(this ICakeContext context, IEnumerable<GeneratedImage> images, FluentDockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        ImageDestination destination = string.IsNullOrEmpty(settings.Registry)
            ? new ImageDestination.OciArchives((settings.ArchiveDirectory ?? context.Environment.WorkingDirectory.Combine("artifacts/images")).MakeAbsolute(context.Environment).FullPath)
            : new ImageDestination.Registry(settings.Registry, settings.Tag);
        context.Log.Information("Building -> {0}", destination);
        var built = await ImageWorkflow.BuildSetAsync(images.Select(WorkflowImage.From), destination, BuildxFor(settings.Credentials, settings.Builder, settings.DockerContext),
            settings.ToOptions(), log: new CakeLogProgress(context.Log)).ConfigureAwait(false);
        context.Log.Information("{0}", built.ToTable(context.Environment.WorkingDirectory.FullPath));
        return built.Images;
    }

    // ---- bake

    /// <summary>
    /// Builds generated images as one <c>docker buildx bake</c>: an image whose Dockerfile names another image of the
    /// set (<c>FROM team/base</c>) reads it as a <c>target:</c> context, so a shared base is built once and the rest in
    /// parallel. Without a registry each image is written as an OCI layout under <c>artifacts/images</c>.
    /// </summary>
    /// <example><code>await FluentDockerBake(images);</code></example>
    [CakeMethodAlias]
    public static Task<IReadOnlyDictionary<string, BuildResult>> FluentDockerBake(this ICakeContext context, IEnumerable<GeneratedImage> images) =>
        context.FluentDockerBake(images, new FluentDockerBakeSettings());

    /// <summary>Builds generated images as one bake, pushed to <see cref="FluentDockerBakeSettings.Registry"/> or written as OCI layouts.</summary>
    [CakeMethodAlias]
    public static async Task<IReadOnlyDictionary<string, BuildResult>> FluentDockerBake(this ICakeContext context, IEnumerable<GeneratedImage> images, FluentDockerBakeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        ImageDestination destination = string.IsNullOrEmpty(settings.Registry)
            ? new ImageDestination.OciLayouts((settings.LayoutDirectory ?? context.Environment.WorkingDirectory.Combine("artifacts/images")).MakeAbsolute(context.Environment).FullPath)
            : new ImageDestination.Registry(settings.Registry, settings.Tag);
        var run = await ImageWorkflow.BakeAsync([.. images], destination, BuildxFor(settings.Credentials, settings.Builder, settings.DockerContext), settings.Retry, new CakeLogProgress(context.Log)).ConfigureAwait(false);
        context.Log.Information("{0}", run.ToTable());
        return run.Results;
    }

    // ---- push (release)

    /// <summary>
    /// Builds each image for every platform it declares and pushes it as one multi-platform index under every tag the
    /// version fans out to (<c>1.2.3</c> → <c>1.2.3</c>, <c>1.2</c>, <c>1</c>, <c>latest</c>), with OCI labels and
    /// SOURCE_DATE_EPOCH from git. Registry failures are retried with backoff; a failed push leaves no partial tag.
    /// </summary>
    /// <example><code>await FluentDockerPush(images, "127.0.0.1:5000", "1.2.3");</code></example>
    [CakeMethodAlias]
    public static Task<IReadOnlyList<BuiltImage>> FluentDockerPush(this ICakeContext context, IEnumerable<GeneratedImage> images, string registry, string version) =>
        context.FluentDockerPush(images, new FluentDockerPushSettings { Registry = registry, Version = version });

    /// <summary>Pushes a release as configured by <paramref name="settings"/> (tags, labels, credentials, retries).</summary>
    [CakeMethodAlias]
    public static async Task<IReadOnlyList<BuiltImage>> FluentDockerPush(this ICakeContext context, IEnumerable<GeneratedImage> images, FluentDockerPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(settings);
        var release = await ReleaseSettingsFor(context, settings).ConfigureAwait(false);
        context.Log.Information("Releasing to {0}: tags {1}", release.Registry, release.Tags);
        foreach (var credential in settings.Credentials) context.Log.Information("{0}", credential); // [REDACTED]
        // After the push: the summary, then a layer table per image (its first platform, read from the registry).
        var released = await ImageWorkflow.ReleaseAsync(images.Select(WorkflowImage.From), release, BuildxFor(settings.Credentials),
            log: new CakeLogProgress(context.Log), describeLayers: true).ConfigureAwait(false);
        context.Log.Information("{0}", released.ToText());
        return released.Images;
    }

    /// <summary>The library settings a push uses: the tag strategy and git facts (pure apart from reading git).</summary>
    public static async Task<ReleaseSettings> ReleaseSettingsFor(ICakeContext context, FluentDockerPushSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Registry))
            throw new CakeException("FluentDockerPushSettings.Registry is empty. Fix: give HOST:PORT, e.g. --registry=127.0.0.1:5000.");
        var source = await SourceInfo.ReadAsync((settings.SourceDirectory ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath).ConfigureAwait(false);
        var tags = settings.Version is { Length: > 0 } version ? TagStrategy.ForVersion(version) : TagStrategy.Empty;
        tags = tags.WithLatest(settings.Latest);
        if (settings.CommitTag) tags = tags.WithShortCommit(source.Commit);
        if (settings.BranchTag && source.Branch is { } branch) tags = tags.WithBranch(branch);
        if (settings.BuildNumber is { Length: > 0 } build) tags = tags.WithBuildNumber(build);
        if (settings.EnvironmentPrefix is { Length: > 0 } environment) tags = tags.WithEnvironmentPrefix(environment);
        var release = new ReleaseSettings(settings.Registry, tags).WithSource(source)
            .WithRetry(new PushRetry(Math.Max(1, settings.Attempts), TimeSpan.FromSeconds(2)));
        return settings.Provenance is { } provenance ? release.WithProvenance(provenance) : release;
    }

    // ---- inspect

    /// <summary>Inspects an image in the engine and logs its platform, size, user, labels, healthcheck and layer table.</summary>
    /// <example><code>var image = await FluentDockerInspect("127.0.0.1:5000/examples/go-hello:1.2.3");</code></example>
    [CakeMethodAlias]
    public static Task<ImageInspection> FluentDockerInspect(this ICakeContext context, string image) =>
        context.FluentDockerInspect(image, new FluentDockerInspectSettings());

    /// <summary>Inspects one platform of an image (pulling it when needed) and logs what it found.</summary>
    [CakeMethodAlias]
    public static async Task<ImageInspection> FluentDockerInspect(this ICakeContext context, string image, FluentDockerInspectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        using var engine = DockerEngine.Connect();
        var inspection = await engine.InspectImageAsync(image, settings.Platform).ConfigureAwait(false);
        context.Log.Information("{0}: {1}, {2}, user {3}", image, inspection.Platform?.ToString() ?? "?", BuiltImages.HumanBytes(inspection.Size), inspection.User ?? "(root)");
        foreach (var (key, value) in inspection.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) context.Log.Information("  label {0}={1}", key, value);
        if (inspection.Healthcheck is { } health) context.Log.Information("  healthcheck {0}", string.Join(" ", health.Test));
        if (settings.History)
        {
            var history = await engine.HistoryAsync(inspection.Id).ConfigureAwait(false);
            context.Log.Information("{0}", LayerTable.Format(history));
        }
        return inspection;
    }

    private static void Log(ICakeLog log, ProblemSeverity severity, string text)
    {
        if (severity == ProblemSeverity.Error) log.Error("{0}", text);
        else if (severity == ProblemSeverity.Warning) log.Warning("{0}", text);
        else log.Information("{0}", text);
    }

    private static Buildx BuildxFor(IList<RegistryCredentials> credentials) =>
        credentials.Count == 0 ? new Buildx() : new Buildx().WithCredentials([.. credentials]);

    /// <summary>The runner with the settings' credentials, on their docker context and builder when named.</summary>
    private static Buildx BuildxFor(IList<RegistryCredentials> credentials, string? builder, string? dockerContext)
    {
        var buildx = BuildxFor(credentials);
        if (!string.IsNullOrEmpty(dockerContext)) buildx = buildx.WithContext(new DockerContext(dockerContext));
        return string.IsNullOrEmpty(builder) ? buildx : buildx.WithBuilder(builder);
    }
}
