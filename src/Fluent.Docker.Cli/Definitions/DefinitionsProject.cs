using CliWrap;
using CliWrap.Buffered;
using Fluent.Docker.Hosting;

namespace Fluent.Docker.Cli.Definitions;

/// <summary>
/// The user's image-definitions project (scaffolded by <c>init</c>): a console program calling
/// <see cref="ImageDefinitionHost.Run(string[], ImageDefinition[])"/>. The tool runs it with <c>dotnet run</c>, the
/// repository (working directory) as base directory, and reads back the <see cref="HostManifest"/> it writes.
/// </summary>
public sealed class DefinitionsProject
{
    /// <summary>Where <c>init</c> puts the project: a dot-folder, so an app project's default globs never compile it.</summary>
    public const string DefaultDirectory = ".fluent-docker";

    private DefinitionsProject(string directory, CliConsole console, bool verbose)
    {
        Directory = directory;
        _console = console;
        _verbose = verbose;
    }

    /// <summary>MSBuild reads environment variables as properties; NuGet's restore adds this one's sources to the configured ones.</summary>
    private const string RestoreSourcesVariable = "RestoreAdditionalProjectSources";

    private readonly CliConsole _console;
    private readonly bool _verbose;

    public string Directory { get; }

    /// <summary>The base-image lock beside the definitions (<c>fluent-docker lock</c> writes it; when it exists, every run pins to it).</summary>
    public string LockPath => Path.Combine(Directory, Pinning.ImageLock.FileName);

    /// <summary>The project in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>); a clear usage error when there is none.</summary>
    public static DefinitionsProject Find(CliConsole console, string? directory, bool verbose)
    {
        var path = console.Resolve(directory ?? DefaultDirectory);
        var hasProject = System.IO.Directory.Exists(path) && System.IO.Directory.EnumerateFiles(path, "*.csproj").Any();
        if (!hasProject)
            throw CliException.Usage(directory is null
                ? $"no image definitions in {console.Display(path)}/. Fix: run '{CliApp.Name} init' first, or pass --project DIR."
                : $"no image-definitions project (.csproj) in {console.Display(path)}/.");
        return new DefinitionsProject(path, console, verbose);
    }

    /// <summary>Writes every image's files into the repository and returns what was written.</summary>
    public Task<HostManifest> GenerateAsync(CancellationToken cancellationToken) => RunHostAsync("generate", cancellationToken);

    /// <summary>What the definitions would write, without writing it; with <paramref name="lint"/>, each model's lint findings too.</summary>
    public Task<HostManifest> DescribeAsync(CancellationToken cancellationToken, bool lint = false) =>
        RunHostAsync(lint ? ["describe", "--lint"] : ["describe"], cancellationToken);

    /// <summary>What the definitions say before the lock pins anything: the references <c>lock</c> resolves.</summary>
    public Task<HostManifest> DescribeUnpinnedAsync(CancellationToken cancellationToken) =>
        RunHostAsync(["describe"], cancellationToken, pinned: false);

    private Task<HostManifest> RunHostAsync(string verb, CancellationToken cancellationToken) => RunHostAsync([verb], cancellationToken);

    private async Task<HostManifest> RunHostAsync(string[] verb, CancellationToken cancellationToken, bool pinned = true)
    {
        if (pinned && File.Exists(LockPath)) verb = [.. verb, "--lock", LockPath];
        var manifestPath = Path.Combine(Path.GetTempPath(), $"fluent-docker-manifest-{Guid.NewGuid():N}.json");
        try
        {
            var result = await CliWrap.Cli.Wrap("dotnet")
                .WithArguments(["run", "--project", Directory, "--", .. verb, "--base-directory", _console.WorkingDirectory, "--output", manifestPath])
                .WithWorkingDirectory(_console.WorkingDirectory)
                .WithEnvironmentVariables(env => env
                    .Set("DOTNET_NOLOGO", "1")
                    .Set("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
                    .Set("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1")
                    // Build servers would outlive the tool (and hold the project folder in CI temp directories).
                    .Set("MSBUILDDISABLENODEREUSE", "1")
                    .Set("DOTNET_CLI_USE_MSBUILD_SERVER", "0")
                    // The Fluent.Docker package the tool carries: the definitions restore it wherever the tool came from.
                    .Set(RestoreSourcesVariable, BundledLibraryFeed.RestoreSources(BundledLibraryFeed.Locate(), Environment.GetEnvironmentVariable(RestoreSourcesVariable))))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);

            var output = Lines(result.StandardOutput).Concat(Lines(result.StandardError)).ToList();
            if (result.ExitCode == ImageDefinitionHost.InvalidDefinition && File.Exists(manifestPath))
            {
                var failed = Compatible(HostManifest.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken)));
                throw new CliException(ExitCodes.Usage, $"the image definitions in {_console.Display(Directory)}/ are invalid:", [.. failed.Problems.Select(p => p.ToString())]);
            }
            if (result.ExitCode != 0)
            {
                var errors = output.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
                throw new CliException(ExitCodes.StepFailed,
                    errors.Count > 0
                        ? $"the image-definitions project {_console.Display(Directory)}/ does not build ({errors.Count} error(s)):"
                        : $"the image-definitions project {_console.Display(Directory)}/ failed (exit {result.ExitCode}):",
                    [.. _verbose || errors.Count == 0 ? output.TakeLast(_verbose ? int.MaxValue : 20) : errors, .. MissingLibraryFix(errors)]);
            }
            if (!File.Exists(manifestPath))
                throw new CliException(ExitCodes.StepFailed,
                    $"{_console.Display(Directory)}/ ran but wrote no manifest. Fix: its Program.cs must end with 'return ImageDefinitionHost.Run(args, …);'.");
            return Compatible(HostManifest.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken)));
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    /// <summary>Where to get Fluent.Docker when restore could not find it (NU1101/NU1102), which only a tool without its bundled package meets.</summary>
    private static IEnumerable<string> MissingLibraryFix(IReadOnlyList<string> errors)
    {
        if (errors.Any(e => (e.Contains("NU1101", StringComparison.Ordinal) || e.Contains("NU1102", StringComparison.Ordinal)) && e.Contains("Fluent.Docker", StringComparison.Ordinal)))
            yield return $"Fix: add the feed the {CliApp.Name} tool was installed from to the definitions' nuget.config (the Fluent.Docker package is published beside the tool, at the tool's version {Scaffolding.Scaffold.ToolVersion}).";
    }

    /// <summary>The manifest, when the definitions speak this tool's protocol.</summary>
    private HostManifest Compatible(HostManifest manifest) => manifest.Protocol == HostManifest.CurrentProtocol
        ? manifest
        : throw new CliException(ExitCodes.StepFailed,
            $"{_console.Display(Directory)}/ uses Fluent.Docker {manifest.LibraryVersion} (protocol {manifest.Protocol}); this tool speaks protocol {HostManifest.CurrentProtocol}. Fix: reference the Fluent.Docker version matching the tool.");

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
}
