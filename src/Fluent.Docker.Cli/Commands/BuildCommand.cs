using System.CommandLine;
using Fluent.Docker.Build;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Display;
using Fluent.Docker.Engine;
using Fluent.Docker.Pinning;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>build</c>: generates the files, then runs one typed <c>docker buildx build</c> per image (platforms, tags, push,
/// registry). <c>--dry-run</c> writes nothing, contacts nothing and prints the exact buildx arguments, secrets redacted.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var platforms = new Option<string[]>("--platform")
        {
            Description = "Build for these platforms instead of each image's own (repeatable or comma-separated, e.g. linux/amd64,linux/arm64).",
            HelpName = "OS/ARCH",
            AllowMultipleArgumentsPerToken = true,
        };
        platforms.CompletionSources.Add("linux/amd64", "linux/arm64", "linux/arm/v7");
        var tags = new Option<string[]>("--tag", "-t")
        {
            Description = "Tags to give each image (repeatable; default: latest).",
            HelpName = "TAG",
            AllowMultipleArgumentsPerToken = true,
        };
        var registry = new Option<string?>("--registry")
        {
            Description = "Registry host[:port] the image names are prefixed with (e.g. 127.0.0.1:5000).",
            HelpName = "HOST",
        };
        var push = new Option<bool>("--push") { Description = "Push every tag (all platforms as one index) instead of loading into the engine." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the buildx commands (secrets redacted) without generating or building anything." };
        var secrets = new Option<string[]>("--secret")
        {
            Description = "A build secret: id=ID,env=VARIABLE or id=ID,src=FILE (repeatable). Values never appear on the command line.",
            HelpName = "SPEC",
        };
        var buildArgs = new Option<string[]>("--build-arg")
        {
            Description = "A build argument NAME=VALUE (repeatable), e.g. VERSION=1.2.3.",
            HelpName = "NAME=VALUE",
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Build every step again." };
        var network = new Option<string?>("--network") { Description = "The network mode of every RUN step: default, none or host.", HelpName = "MODE" };
        network.AcceptOnlyFromAmong("default", "none", "host");
        var shmSize = new Option<string?>("--shm-size") { Description = "The size of /dev/shm in RUN steps, e.g. 128m or 1g.", HelpName = "SIZE" };
        var ulimits = new Option<string[]>("--ulimit") { Description = "A resource limit of RUN steps NAME=SOFT[:HARD] (repeatable), e.g. nofile=1024:4096.", HelpName = "NAME=SOFT[:HARD]" };
        var allow = new Option<string[]>("--allow")
        {
            Description = "A privilege beyond what the models' RUN steps need (those are granted already): network.host or security.insecure (repeatable).",
            HelpName = "ENTITLEMENT",
        };
        allow.AcceptOnlyFromAmong("network.host", "security.insecure");
        var builderEngine = new Option<string>("--engine")
        {
            Description = "What builds the images: buildx (default) or buildah (Buildah 1.28; images stay in its storage unless --push).",
            HelpName = "ENGINE",
            DefaultValueFactory = _ => "buildx",
        };
        builderEngine.AcceptOnlyFromAmong("buildx", "buildah");
        var builder = new Option<string?>("--builder") { Description = "The buildx builder to build on (docker buildx ls; fluent-docker builder create).", HelpName = "NAME" };
        var context = new Option<string?>("--context") { Description = "The docker context whose engine builds (docker context ls), e.g. a second engine; its own builder unless --builder names another.", HelpName = "NAME" };
        var pushByDigest = new Option<bool>("--push-by-digest")
        {
            Description = "Push one platform (--platform) by digest, untagged, to --registry, and write its digest file (--digest-file) for `fluent-docker merge` (a CI matrix job).",
        };
        var digestFile = new Option<string?>("--digest-file") { Description = "Where --push-by-digest writes the platform's digest file (several images: NAME inserted before the extension).", HelpName = "FILE" };

        var command = new Command("build", "Generate, then build every image with docker buildx.")
        {
            project, platforms, tags, registry, push, dryRun, secrets, buildArgs, noCache, network, shmSize, ulimits, allow,
            builder, context, pushByDigest, digestFile,
        };
        command.Options.Add(builderEngine);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = BuildSetOptions.Default
                .WithPlatforms([.. (parse.GetValue(platforms) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Platform.Parse)])
                .WithNoCache(parse.GetValue(noCache));
            foreach (var secret in parse.GetValue(secrets) ?? []) options = options.AddSecret(ParseSecret(secret));
            foreach (var (name, value) in (parse.GetValue(buildArgs) ?? []).Select(ParseBuildArg)) options = options.AddBuildArg(name, value);
            if (parse.GetValue(network) is { } mode) options = options.WithNetwork(Enum.Parse<NetworkMode>(mode, ignoreCase: true));
            if (parse.GetValue(shmSize) is { } size) options = options.WithShmSize(ParseShmSize(size));
            foreach (var ulimit in parse.GetValue(ulimits) ?? []) options = options.AddUlimit(ParseUlimit(ulimit));
            foreach (var entitlement in parse.GetValue(allow) ?? [])
                options = options.AddEntitlement(entitlement == "network.host" ? BuildEntitlement.NetworkHost : BuildEntitlement.SecurityInsecure);
            string[] tagList = parse.GetValue(tags) is { Length: > 0 } given ? given : ["latest"];
            ImageDestination destination = parse.GetValue(push)
                ? new ImageDestination.Registry(parse.GetValue(registry), tagList[0]) { MoreTags = tagList[1..] }
                : new ImageDestination.Engine(parse.GetValue(registry), tagList);
            var definitions = DefinitionsProject.Find(console, parse.GetValue(project), parse.GetValue(CliApp.Verbose));
            if (parse.GetValue(builderEngine) == "buildah")
            {
                if (parse.GetValue(pushByDigest) || parse.GetValue(builder) is not null || parse.GetValue(context) is not null)
                    throw CliException.Usage("--push-by-digest, --builder and --context drive buildx; --engine buildah builds with Buildah on this machine. Fix: drop --engine buildah, or drop those options (Buildah builds every platform in one run: --platform a,b --push).");
                return await BuildahBuild.RunAsync(console, definitions, destination, options, parse.GetValue(dryRun), cancellationToken);
            }

            if (parse.GetValue(dryRun))
            {
                var described = await definitions.DescribeAsync(cancellationToken);
                // The engine is not asked which image store it has: a dry run contacts nothing.
                var planned = ImageWorkflow.PlanBuildSet(described.Images.Select(WorkflowImage.From), destination, options, containerdImageStore: true);
                console.Out.Write(string.Concat(planned.Select(build => build.Request + Environment.NewLine)));
                return ExitCodes.Ok;
            }

            var buildx = new Buildx();
            if (parse.GetValue(context) is { } contextName) buildx = buildx.WithContext(new DockerContext(contextName));
            if (parse.GetValue(builder) is { } builderName) buildx = buildx.WithBuilder(builderName);
            if (parse.GetValue(pushByDigest))
                return await PushByDigestAsync(console, definitions, buildx, options, parse.GetValue(registry), tagList[0], parse.GetValue(digestFile), cancellationToken);
            using var engine = DockerEngine.Connect(buildx: buildx);
            await engine.PingAsync(cancellationToken);
            if (!await buildx.IsAvailableAsync(cancellationToken))
                throw new CliException(ExitCodes.EngineUnavailable, "docker buildx is not available. Fix: install the buildx plugin (docker buildx version must work).");

            var manifest = await definitions.GenerateAsync(cancellationToken);
            // With a lock, which knows each base's platforms, a platform a base lacks stops the build before anything runs.
            if (File.Exists(definitions.LockPath)) options = options.WithLock(ImageLock.Load(definitions.LockPath));
            BuildSetResult built;
            try
            {
                built = await ImageWorkflow.BuildSetAsync(manifest.Images.Select(WorkflowImage.From), destination, buildx, options, engine,
                    run: (request, token) => BuildProgressDisplay.BuildAsync(buildx, request, console.Progress, token),
                    log: new StatusLog(console.Error), cancellationToken: cancellationToken);
            }
            catch (PlatformGapsException e)
            {
                throw new CliException(ExitCodes.Usage,
                    $"{e.Gaps.Count} base image(s) lack a platform asked for (per {console.Display(definitions.LockPath)}). Fix: build for the platforms the bases offer (--platform), or choose bases that offer the rest:",
                    [.. e.Gaps.Select(gap => gap.ToString())]);
            }
            // A terminal gets the Spectre table; logs and pipes the plain one, which never wraps.
            if (console.Interactive) console.Ansi.Write(BuildReport.SummaryTable(built.Images));
            else console.Out.Write(built.ToTable(console.WorkingDirectory));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// One platform job of a spread build: each image built for the one <c>--platform</c>, stored by digest in its
    /// repository under <c>--registry</c> (no tag), and its <see cref="PlatformDigest"/> written for <c>merge</c>.
    /// A named builder is inspected first: a missing one stops here in one line, and its driver decides how the digest is pushed.
    /// </summary>
    private static async Task<int> PushByDigestAsync(CliConsole console, DefinitionsProject definitions, Buildx buildx, BuildSetOptions options,
        string? registry, string tag, string? digestFile, CancellationToken cancellationToken)
    {
        if (options.Platforms is not [var platform])
            throw CliException.Usage($"--push-by-digest builds one platform per job; give exactly one --platform (given: {options.Platforms.Count}). Fix: run one job per platform, then `fluent-docker merge`.");
        if (registry is null) throw CliException.Usage("--push-by-digest needs --registry: the images are stored by digest in their repositories there.");
        if (digestFile is null) throw CliException.Usage("--push-by-digest needs --digest-file: the merge step reads the digests from it.");
        BuilderDriver? driver = buildx.Builder is { } named ? (await buildx.InspectBuilderAsync(named, cancellationToken: cancellationToken)).Driver : null;
        var manifest = await definitions.GenerateAsync(cancellationToken);
        var images = manifest.Images.Select(WorkflowImage.From).ToList();
        var destination = new ImageDestination.Registry(registry, tag);
        foreach (var image in images)
        {
            var request = ImageRequests.For(image, destination, options);
            if (driver is { } known) request = request.WithDriver(known);
            console.Error.WriteLine($"{image.Name}: building {platform} on {buildx.Builder ?? buildx.Context?.Name ?? "the current builder"}, pushing by digest");
            var (digest, _) = await SpreadBuild.BuildPlatformAsync(buildx, request, platform, request.Tags[0], null, cancellationToken);
            var path = console.Resolve(images.Count == 1 ? digestFile : Path.ChangeExtension(digestFile, null) + "." + image.Name + (Path.GetExtension(digestFile) is { Length: > 0 } ext ? ext : ".json"));
            digest.WriteTo(path);
            console.Out.WriteLine($"{image.Name} {digest.Platform} {digest.Image} -> {console.Display(path)}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The workflow's messages on standard error: each image's start, and a push retried (as a warning).</summary>
    private sealed class StatusLog(TextWriter error) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value)
        {
            if (value is BuildEvent.RetryScheduled) error.WriteLine("warning: " + value);
            else if (value is BuildEvent.ImageStarted) error.WriteLine(value.ToString());
        }
    }

    private static BuildSecret ParseSecret(string spec)
    {
        var fields = spec.Split(',').Select(f => f.Split('=', 2)).ToDictionary(f => f[0].Trim(), f => f.Length > 1 ? f[1].Trim() : "", StringComparer.Ordinal);
        if (!fields.TryGetValue("id", out var id) || id.Length == 0 || fields.Count != 2 || !(fields.ContainsKey("env") || fields.ContainsKey("src")))
            throw CliException.Usage($"--secret '{spec}' is not id=ID,env=VARIABLE or id=ID,src=FILE.");
        var secretId = new SecretId(id);
        if (secretId.Problem is { } problem) throw new DockerValueException(problem);
        return fields.TryGetValue("env", out var variable) ? BuildSecret.FromEnvironment(secretId, variable) : BuildSecret.FromFile(secretId, fields["src"]);
    }

    private static ByteSize ParseShmSize(string text)
    {
        try { return ByteSize.Parse(text); }
        catch (FormatException e) { throw CliException.Usage("--shm-size " + e.Message); }
    }

    private static BuildUlimit ParseUlimit(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var limits = equals > 0 ? spec[(equals + 1)..].Split(':') : [];
        if (equals <= 0 || !Enum.TryParse<UlimitName>(spec[..equals], ignoreCase: true, out var name) || !Enum.IsDefined(name) || spec[..equals].Any(char.IsDigit)
            || limits.Length is < 1 or > 2 || !long.TryParse(limits[0], System.Globalization.CultureInfo.InvariantCulture, out var soft))
            throw CliException.Usage($"--ulimit '{spec}' is not NAME=SOFT[:HARD] with NAME one of {string.Join(", ", Enum.GetNames<UlimitName>().Select(n => n.ToLowerInvariant()))}.");
        var hard = soft;
        if (limits.Length == 2 && !long.TryParse(limits[1], System.Globalization.CultureInfo.InvariantCulture, out hard))
            throw CliException.Usage($"--ulimit '{spec}': the hard limit '{limits[1]}' is not a number.");
        return new BuildUlimit(name, soft, hard);
    }

    private static (BuildArg Name, string Value) ParseBuildArg(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw CliException.Usage($"--build-arg '{spec}' is not NAME=VALUE.");
        return (new BuildArg(spec[..equals]), spec[(equals + 1)..]);
    }
}
