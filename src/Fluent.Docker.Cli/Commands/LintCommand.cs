using System.CommandLine;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Cli.Output;
using Fluent.Docker.Hosting;
using Fluent.Docker.IO;
using Fluent.Docker.Linting;
using Fluent.Docker.Pinning;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>lint [PATH…]</c>: runs the rule engine on Dockerfiles read through the parser, or, without paths, on what the
/// image definitions generate. Exit 0 clean, 1 findings at or above <c>--fail-on</c>, 2 usage or parse errors.
/// <c>--fix</c> applies the fixable rules' fixes to the Dockerfiles first (<see cref="DockerfileFixer"/>), and the
/// findings that remain decide the exit code.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles (or directories holding one) to lint; none: the image definitions' output, else ./Dockerfile.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: text (one line per finding), json, or sarif (SARIF 2.1.0 for code scanning).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding has this severity or a higher one (none: never).",
            DefaultValueFactory = _ => "warning",
            HelpName = "error|warning|info|none",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var project = CommonOptions.Project();
        var engine = new Option<bool>("--engine")
        {
            Description = "Ask the Docker engine about the base images too (InvalidBaseImagePlatform: a single-platform base of another architecture). Dockerfile paths only.",
        };
        var platforms = new Option<string[]>("--platform")
        {
            Description = "With --engine: the platforms the build targets (repeatable or comma-separated); default: the engine's.",
            HelpName = "OS/ARCH",
            AllowMultipleArgumentsPerToken = true,
        };
        var fix = new Option<bool>("--fix")
        {
            Description = "Apply the fixes of the fixable rules to the Dockerfiles (each written whole or not at all), list them, then lint what remains.",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "With --fix: print the fixes as a unified diff and write nothing.",
        };
        var lockFile = new Option<string?>("--lock")
        {
            Description = $"With --fix: pin base images to the digests of this lock (default: {DefinitionsProject.DefaultDirectory}/{ImageLock.FileName} when it exists).",
            HelpName = "PATH",
        };

        var command = new Command("lint", "Lint Dockerfiles, or the Dockerfiles the image definitions generate.")
        {
            paths, format, failOn, project, engine, platforms, fix, dryRun, lockFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var targets = (parse.GetValue(platforms) ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (targets.Count > 0 && !parse.GetValue(engine))
                throw CliException.Usage("--platform only changes what the engine is asked about. Fix: add --engine.");
            var fixing = parse.GetValue(fix);
            if (!fixing && (parse.GetValue(dryRun) || parse.GetValue(lockFile) is not null))
                throw CliException.Usage("--dry-run and --lock go with --fix. Fix: add --fix, or drop them.");
            if (fixing && parse.GetValue(engine))
                throw CliException.Usage("--fix and --engine do not go together. Fix: run lint --fix first, then lint --engine.");
            var run = fixing
                ? FixFiles(console, parse.GetValue(paths) ?? [], parse.GetValue(dryRun), parse.GetValue(lockFile), parse.GetValue(format) == "text")
                : parse.GetValue(engine)
                ? await LintWithEngineAsync(console, parse.GetValue(paths) ?? [], [.. targets.Select(Platform.Parse)], cancellationToken)
                : await LintAsync(console, parse.GetValue(paths) ?? [], parse.GetValue(project), parse.GetValue(CliApp.Verbose), cancellationToken);
            return Report(console, run, parse.GetValue(format)!, parse.GetValue(failOn)!);
        });
        return command;
    }

    /// <summary>
    /// Lints every path given (all checked before anything is read), else the definitions (their models, in their own
    /// process: suppressions made in C# hold), else ./Dockerfile.
    /// </summary>
    private static async Task<LintRun> LintAsync(CliConsole console, string[] paths, string? project, bool verbose, CancellationToken cancellationToken)
    {
        if (paths.Length > 0)
        {
            var files = paths.Select(p => console.ExistingDockerfile(p)).ToList();
            return FileWorkflow.LintFiles(files.Select(f => new LintTarget(console.Display(f), File.ReadAllText(f), IgnoreBeside(f))));
        }
        if (project is not null || Directory.Exists(console.Resolve(DefinitionsProject.DefaultDirectory)))
        {
            var manifest = await DefinitionsProject.Find(console, project, verbose).DescribeAsync(cancellationToken, lint: true);
            return new LintRun([.. manifest.Images.Select(i => new LintedFile(console.Display(i.DockerfilePath), i.LintReport()))]);
        }
        var here = console.Resolve("Dockerfile");
        if (File.Exists(here)) return FileWorkflow.LintFiles([new LintTarget("Dockerfile", File.ReadAllText(here), IgnoreBeside(here))]);
        throw CliException.Usage($"nothing to lint here: no {DefinitionsProject.DefaultDirectory}/ and no Dockerfile. Fix: pass a PATH, or run '{CliApp.Name} init'.");
    }

    /// <summary>
    /// Lints Dockerfiles (the paths, else ./Dockerfile) with the engine of the current docker context answering for
    /// the base images, so the checks BuildKit makes on the images it pulls run too.
    /// </summary>
    private static async Task<LintRun> LintWithEngineAsync(CliConsole console, string[] paths, IReadOnlyList<Platform> platforms, CancellationToken cancellationToken)
    {
        var files = (paths.Length > 0 ? paths : ["Dockerfile"]).Select(p => console.ExistingDockerfile(p)).ToList();
        using var engine = Engine.DockerEngine.Connect();
        return await FileWorkflow.LintFilesAsync(files.Select(f => new LintTarget(console.Display(f), File.ReadAllText(f), IgnoreBeside(f))),
            engine, LintOptions.Default.WithPlatforms(platforms), cancellationToken);
    }

    /// <summary>
    /// Fixes every Dockerfile given (else ./Dockerfile): all are read and fixed before any is written, each written
    /// atomically; <paramref name="dryRun"/> prints unified diffs instead. Lists what was fixed and what was not (on
    /// standard output for text, else on standard error), and returns the lint of the fixed texts.
    /// </summary>
    private static LintRun FixFiles(CliConsole console, string[] paths, bool dryRun, string? lockPath, bool text)
    {
        List<string> files = paths.Length > 0 ? [.. paths.Select(p => console.ExistingDockerfile(p))]
            : File.Exists(console.Resolve("Dockerfile")) ? [console.Resolve("Dockerfile")]
            : throw CliException.Usage("--fix works on Dockerfiles: there is no ./Dockerfile. Fix: pass a PATH (the C# definitions are fixed by the analyzers' code fixes).");
        var lockFull = lockPath is null ? console.Resolve(Path.Combine(DefinitionsProject.DefaultDirectory, ImageLock.FileName)) : console.Resolve(lockPath);
        if (lockPath is not null && !File.Exists(lockFull)) throw CliException.MissingFile(console.Display(lockFull), "lock file");
        var options = new DockerfileFixOptions { Lock = File.Exists(lockFull) ? ImageLock.Load(lockFull) : null };
        // UTF-8 without stripping a byte-order mark: the fixed file keeps every byte that was not fixed.
        var utf8 = new System.Text.UTF8Encoding(false);
        var results = files.Select(f => (Path: f, Shown: console.Display(f), Result: DockerfileFixer.Fix(utf8.GetString(File.ReadAllBytes(f)), options))).ToList();
        var log = text ? console.Out : console.Error;
        foreach (var (_, shown, result) in results)
        {
            foreach (var applied in result.Applied) log.WriteLine($"{shown}:{applied.Line}: fixed {applied.RuleId}: {applied.Description}");
            foreach (var refused in result.Refused) log.WriteLine($"{shown}:{refused.Line}: not fixed {refused.RuleId}: {refused.Reason}");
            foreach (var image in result.Unlocked) log.WriteLine($"{shown}: {image} is not in the lock: not pinned");
            if (!result.Changed) log.WriteLine($"{shown}: nothing to fix");
            else if (dryRun) log.Write(UnifiedDiff.Create(result.Original, result.Text, shown, $"{shown} (fixed)"));
        }
        if (!dryRun) AtomicFile.WriteAll(results.Where(r => r.Result.Changed).Select(r => (r.Path, (Func<string>)(() => r.Result.Text))));
        return FileWorkflow.LintFiles(results.Select(r => new LintTarget(r.Shown, r.Result.Text, IgnoreBeside(r.Path))));
    }

    /// <summary>
    /// Writes the run in <paramref name="format"/> and returns the exit code: 2 when BuildKit would stop reading a file
    /// (after its findings are shown), 1 for a finding at or above <paramref name="failOn"/>, else 0.
    /// </summary>
    private static int Report(CliConsole console, LintRun run, string format, string failOn)
    {
        console.Out.Write(format switch
        {
            "sarif" => run.ToSarif(),
            "json" => run.ToJson(),
            _ => run.ToText(),
        });
        foreach (var file in run.Unreadable)
            console.Error.WriteLine($"error: {file.DisplayPath}:{file.Report.ReadProblem!.Location.Line}:{file.Report.ReadProblem.Location.Column}: {file.Report.ReadProblem.Message}");
        if (run.Unreadable.Count > 0) return ExitCodes.Usage;
        ProblemSeverity? threshold = failOn switch { "error" => ProblemSeverity.Error, "warning" => ProblemSeverity.Warning, "info" => ProblemSeverity.Info, _ => null };
        return threshold is { } at && run.HasFindingsAtOrAbove(at) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The ignore file BuildKit would use for <paramref name="dockerfile"/>: <c>NAME.dockerignore</c> beside it, else the context's.</summary>
    private static string? IgnoreBeside(string dockerfile)
    {
        var specific = dockerfile + ".dockerignore";
        if (File.Exists(specific)) return File.ReadAllText(specific);
        var common = Path.Combine(Path.GetDirectoryName(dockerfile)!, ".dockerignore");
        return File.Exists(common) ? File.ReadAllText(common) : null;
    }
}
