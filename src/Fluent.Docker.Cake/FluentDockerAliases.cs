using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Fluent.Docker.Build;
using Fluent.Docker.Display;
using Fluent.Docker.Engine;
using Fluent.Docker.Release;
using Spectre.Console;

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
        var baseDirectory = (settings.BaseDirectory ?? context.Environment.WorkingDirectory).MakeAbsolute(context.Environment).FullPath;
        var imageLock = settings.LockFile is { } lockFile ? Pinning.ImageLock.Load(lockFile.MakeAbsolute(context.Environment).FullPath) : null;
        // Pin (and so check) every image before writing any, so a stale lock leaves no half-generated set behind.
        var definitions = images.Select(image => imageLock is null ? image : image.PinnedBy(imageLock)).ToList();
        var generated = new List<GeneratedImage>();
        foreach (var image in definitions)
        {
            var files = image.Generate(baseDirectory);
            context.Log.Information("{0}: {1}", image.Name, System.IO.Path.GetRelativePath(baseDirectory, files.DockerfilePath));
            generated.Add(files);
        }
        return generated;
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
        var definitions = images.ToList();
        var path = settings.LockFile.MakeAbsolute(context.Environment).FullPath;
        using var engine = DockerEngine.Connect();
        var update = await Pinning.ImageLocking.LockAsync(
            definitions.Select(d => d.Dockerfile), Pinning.ImageLock.Load(path), engine.ResolveAsync, settings.Update).ConfigureAwait(false);
        update.Lock.Save(path);
        foreach (var change in update.Changes)
            context.Log.Information("{0}: {1} {2}", change.Reference, change.Kind.ToString().ToLowerInvariant(), change.NewDigest ?? change.OldDigest);
        var gaps = definitions.SelectMany(d => Pinning.ImageLocking.PlatformGaps(d.Dockerfile, d.Platforms, update.Lock).Select(gap => $"{d.Name}: {gap}")).ToList();
        foreach (var gap in gaps) context.Log.Warning("{0}", gap);
        if (settings.FailOnPlatformGaps && gaps.Count > 0)
            throw new InvalidOperationException($"{gaps.Count} base image(s) lack a platform an image is built for: {string.Join("; ", gaps)}");
        return update;
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
        var reports = new List<Linting.LintReport>();
        var failures = 0;
        foreach (var image in images)
        {
            var problems = image.Dockerfile.Validate();
            foreach (var problem in problems) context.Log.Error("{0}: {1}", image.Name, problem);
            var report = Linting.Linter.Lint(image, settings.Options);
            var file = image.DockerfileName;
            foreach (var diagnostic in report.Diagnostics)
            {
                var line = diagnostic.Format(file);
                if (diagnostic.Severity == Linting.LintSeverity.Error) context.Log.Error("{0}: {1}", image.Name, line);
                else if (diagnostic.Severity == Linting.LintSeverity.Warning) context.Log.Warning("{0}: {1}", image.Name, line);
                else context.Log.Information("{0}: {1}", image.Name, line);
            }
            if (problems.Count == 0 && report.Diagnostics.Count == 0) context.Log.Information("{0}: no problems", image.Name);
            if (settings.SarifDirectory is { } directory)
            {
                var target = directory.MakeAbsolute(context.Environment).CombineWithFilePath(image.Name.Replace('/', '-') + ".sarif").FullPath;
                System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                IO.AtomicFile.WriteAllText(target, report.ToSarif(file));
            }
            failures += problems.Count + report.Errors.Count();
            reports.Add(report);
        }
        if (failures > 0 && settings.FailOnProblems)
            throw new CakeException($"{failures} Dockerfile problem(s) or lint error(s) (listed above).");
        return reports;
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
        var buildx = BuildxFor(settings.Credentials);
        // Live bars per platform on a terminal; in CI the Cake log, one line per step.
        var result = AnsiConsole.Profile.Capabilities.Interactive
            ? await BuildProgressDisplay.BuildAsync(buildx, request).ConfigureAwait(false)
            : await buildx.BuildAsync(request, new CakeLogProgress(context.Log)).ConfigureAwait(false);
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
        var built = await ImageSetBuild.RunAsync(images, destination, BuildxFor(settings.Credentials), new CakeLogProgress(context.Log)).ConfigureAwait(false);
        AnsiConsole.Write(BuildReport.SummaryTable(built));
        return built;
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
        var layouts = (settings.LayoutDirectory ?? context.Environment.WorkingDirectory.Combine("artifacts/images")).MakeAbsolute(context.Environment).FullPath;
        var bake = ImageGraph.ToBake([.. images], (image, request) => string.IsNullOrEmpty(settings.Registry)
            ? request.WithOutput(BuildOutput.OciLayout(System.IO.Path.Combine(layouts, ImageGraph.TargetName(image.Definition))))
            : request.WithTags(ImageReference.Parse($"{settings.Registry}/{image.Definition.Name}:{settings.Tag}")).WithOutput(BuildOutput.Push));
        foreach (var target in bake.BuildOrder())
            context.Log.Information("{0}{1}", target.Name, target.TargetContexts.Count == 0 ? "" : " <- " + string.Join(", ", target.TargetContexts.Values));
        var buildx = BuildxFor(settings.Credentials);
        var progress = new CakeLogProgress(context.Log);
        var results = await settings.Retry.RunAsync(_ => buildx.BakeAsync(bake, progress), progress, CancellationToken.None).ConfigureAwait(false);
        foreach (var (target, result) in results.OrderBy(r => r.Key, StringComparer.Ordinal)) context.Log.Information("{0}: {1}", target, result.Digest ?? "(no digest)");
        return results;
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
        var buildx = BuildxFor(settings.Credentials);
        var released = await ImageRelease.RunAsync(images, release, buildx, new CakeLogProgress(context.Log)).ConfigureAwait(false);
        // After the push: a layer-size chart per image (its first platform, read from the registry) and the summary.
        foreach (var image in released)
            AnsiConsole.Write(BuildReport.LayerChart($"{image.Name} ({image.Platforms[0]}) layers, compressed",
                await RegistryLayers.ReadAsync(buildx, image.Tags[0], image.Platforms[0]).ConfigureAwait(false)));
        AnsiConsole.Write(BuildReport.SummaryTable(released));
        return released;
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
        context.Log.Information("{0}: {1}, {2}, user {3}", image, inspection.Platform?.ToString() ?? "?", ImageSetBuild.HumanBytes(inspection.Size), inspection.User ?? "(root)");
        foreach (var (key, value) in inspection.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) context.Log.Information("  label {0}={1}", key, value);
        if (inspection.Healthcheck is { } health) context.Log.Information("  healthcheck {0}", string.Join(" ", health.Test));
        if (settings.History)
        {
            var history = await engine.HistoryAsync(inspection.Id).ConfigureAwait(false);
            context.Log.Information("{0}", LayerTable.Format(history));
            AnsiConsole.Write(BuildReport.LayerChart($"{image} layers, uncompressed", history));
        }
        return inspection;
    }

    private static Buildx BuildxFor(IList<RegistryCredentials> credentials) =>
        credentials.Count == 0 ? new Buildx() : new Buildx().WithCredentials([.. credentials]);
}
