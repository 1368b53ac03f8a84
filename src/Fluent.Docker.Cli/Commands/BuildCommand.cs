using System.CommandLine;
using Fluent.Docker.Build;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Display;
using Fluent.Docker.Engine;
using Fluent.Docker.Hosting;
using Fluent.Docker.Pinning;
using Fluent.Docker.Release;

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

        var command = new Command("build", "Generate, then build every image with docker buildx.")
        {
            project, platforms, tags, registry, push, dryRun, secrets, buildArgs, noCache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BuildOptions(
                [.. (parse.GetValue(platforms) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Platform.Parse)],
                parse.GetValue(tags) is { Length: > 0 } given ? given : ["latest"],
                parse.GetValue(registry),
                parse.GetValue(push),
                [.. (parse.GetValue(secrets) ?? []).Select(ParseSecret)],
                [.. (parse.GetValue(buildArgs) ?? []).Select(ParseBuildArg)],
                parse.GetValue(noCache));
            var definitions = DefinitionsProject.Find(console, parse.GetValue(project), parse.GetValue(CliApp.Verbose));

            if (parse.GetValue(dryRun))
            {
                var described = await definitions.DescribeAsync(cancellationToken);
                foreach (var image in described.Images)
                {
                    // The engine is not asked which image store it has: a dry run contacts nothing.
                    var request = options.RequestFor(image, containerdImageStore: true);
                    request.Validate();
                    console.Out.WriteLine(request.ToString());
                }
                return ExitCodes.Ok;
            }

            var buildx = new Buildx();
            using var engine = DockerEngine.Connect(buildx: buildx);
            await engine.PingAsync(cancellationToken);
            if (!await buildx.IsAvailableAsync(cancellationToken))
                throw new CliException(ExitCodes.EngineUnavailable, "docker buildx is not available. Fix: install the buildx plugin (docker buildx version must work).");
            var containerd = !options.Push && await engine.UsesContainerdImageStoreAsync(cancellationToken);

            var manifest = await definitions.GenerateAsync(cancellationToken);
            var requests = manifest.Images.Select(image => (image, Request: options.RequestFor(image, containerd))).ToList();
            RefuseMissingPlatforms(console, definitions, requests);
            var built = new List<BuiltImage>();
            foreach (var (image, request) in requests)
            {
                console.Error.WriteLine($"building {image.Name} for {string.Join(", ", request.Platforms)}");
                Task<BuildResult> BuildAsync() => BuildProgressDisplay.BuildAsync(buildx, request, console.Progress, cancellationToken);
                // A push the registry failed (unreachable, a 5xx) runs again, as releases do; build errors never do.
                var result = request.Output is BuildOutput.RegistryPush
                    ? await PushRetry.Default.RunAsync(_ => BuildAsync(), new RetryLog(console.Error), cancellationToken)
                    : await BuildAsync();
                built.Add(await DescribeAsync(image, request, result, buildx, engine, cancellationToken));
            }
            // A terminal gets the Spectre table; logs and pipes the plain one, which never wraps.
            if (console.Interactive) console.Ansi.Write(BuildReport.SummaryTable(built));
            else console.Out.Write(ImageSetBuild.SummaryTable(built, console.WorkingDirectory));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// With a lock, which knows each base's platforms, a platform a base lacks stops the build before anything runs
    /// (BuildKit would fail mid-way with "no match for platform in manifest").
    /// </summary>
    private static void RefuseMissingPlatforms(CliConsole console, DefinitionsProject definitions, IReadOnlyList<(HostManifestImage Image, BuildRequest Request)> requests)
    {
        if (!File.Exists(definitions.LockPath)) return;
        var imageLock = ImageLock.Load(definitions.LockPath);
        var gaps = requests
            .SelectMany(build => ImageLocking.PlatformGaps(Dockerfile.Parse(build.Image.Dockerfile), build.Request.Platforms, imageLock)
                .Select(gap => $"{build.Image.Name}: {gap}"))
            .ToList();
        if (gaps.Count > 0)
            throw new CliException(ExitCodes.Usage,
                $"{gaps.Count} base image(s) lack a platform asked for (per {console.Display(definitions.LockPath)}). Fix: build for the platforms the bases offer (--platform), or choose bases that offer the rest:",
                gaps);
    }

    private sealed class RetryLog(TextWriter error) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value) => error.WriteLine("warning: " + value);
    }

    /// <summary>What the summary shows: pushed images as the registry holds them (compressed size), loaded ones as the engine does.</summary>
    private static async Task<BuiltImage> DescribeAsync(HostManifestImage image, BuildRequest request, BuildResult result, Buildx buildx, DockerEngine engine, CancellationToken cancellationToken)
    {
        var first = request.Tags[0];
        if (request.Output is BuildOutput.RegistryPush)
            return await ImageSetBuild.DescribePushedAsync(buildx, image.Name, first, result, cancellationToken) with { Tags = [.. request.Tags] };
        var inspection = await engine.InspectImageAsync(first.ToString(), cancellationToken: cancellationToken);
        return new BuiltImage(image.Name, [.. request.Platforms], inspection.Size, result.Digest ?? inspection.Id, first.ToString(), result.Duration) { Tags = [.. request.Tags] };
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

    private static (string Name, string Value) ParseBuildArg(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) throw CliException.Usage($"--build-arg '{spec}' is not NAME=VALUE.");
        return (spec[..equals], spec[(equals + 1)..]);
    }

    /// <summary>The build options of the command line, applied to each image the definitions describe.</summary>
    private sealed record BuildOptions(
        IReadOnlyList<Platform> Platforms, IReadOnlyList<string> Tags, string? Registry, bool Push,
        IReadOnlyList<BuildSecret> Secrets, IReadOnlyList<(string Name, string Value)> BuildArgs, bool NoCache)
    {
        public BuildRequest RequestFor(HostManifestImage image, bool containerdImageStore)
        {
            var prefix = Registry is null ? "" : Registry.TrimEnd('/') + "/";
            var platforms = Platforms.Count > 0 ? Platforms : [.. image.Platforms.Select(Platform.Parse)];
            var request = new BuildRequest(image.ContextDirectory)
                .WithDockerfile(image.DockerfilePath)
                .WithPlatforms([.. platforms])
                .WithTags([.. Tags.Select(tag => ImageReference.Parse($"{prefix}{image.Name}:{tag}"))])
                .WithOutput(Push ? BuildOutput.Push : BuildOutput.Load(containerdImageStore))
                .WithNoCache(NoCache);
            foreach (var secret in Secrets) request = request.WithSecret(secret);
            foreach (var (name, value) in BuildArgs) request = request.WithBuildArg(new BuildArg(name), value);
            return request;
        }
    }
}
