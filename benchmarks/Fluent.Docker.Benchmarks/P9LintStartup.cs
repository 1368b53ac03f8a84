using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P9 (issue 12, a tool that starts fast): <c>fluent-docker lint</c> of one file as a pre-commit hook runs it (a new
/// process of the packed and installed tool, each time), and lint throughput on the corpora in tests/corpora: through the
/// tool (one process given every file) and in-process through <see cref="Linter"/>. Beside them, BuildKit's own linter
/// (<c>docker buildx build --call=check</c>) on the same file, and — on linux-x64, for information — the tool published
/// with ReadyToRun. Goals: ≤ 100 ms cold, ≥ 300 files/s. Needs no lab: without a Docker engine the BuildKit row is
/// reported as not measured and the goals still hold.
/// </summary>
public sealed class P9LintStartup : IBenchmark
{
    private const int ColdRuns = 21;
    private const int CorpusRuns = 5;
    private const int BuildKitRuns = 7;
    private const double ColdGoalMilliseconds = 100;
    private const double ThroughputGoal = 300;
    private static readonly TimeSpan SteadyState = TimeSpan.FromSeconds(3);

    /// <summary>The configuration this benchmark was built in, which the Bench target built the tool in too.</summary>
    private static readonly string Configuration =
        typeof(P9LintStartup).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public string Name => "p9-lint-startup";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var root = BenchLab.FindRoot();
        var work = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, "p9")).FullName;
        const string file = "examples/go-hello/Dockerfile";

        context.Log.Report("P9 packing and installing fluent-docker");
        var tool = await InstallToolAsync(root, work, cancellationToken);
        var check = await TimedProcess.RunAsync(tool, ["lint", file], root, cancellationToken);
        if (check.ExitCode is not (0 or 1) || !check.Output.Contains(file, StringComparison.Ordinal))
            throw new InvalidOperationException($"the installed tool did not lint {file} (exit {check.ExitCode}): {check.Output}{check.Error}");

        context.Log.Report($"P9 cold lint ×{ColdRuns}");
        var cold = await RepeatAsync(tool, ["lint", file], root, ColdRuns, cancellationToken);

        var corpus = CorpusFiles(root);
        var (readable, firstPass) = FirstPass(root, corpus);
        context.Log.Report($"P9 corpus: {readable.Count} of {corpus.Count} files readable; in-process lint");
        var steady = SteadyThroughput(root, readable);

        context.Log.Report($"P9 tool over the corpus ×{CorpusRuns}");
        var toolCorpus = await RepeatAsync(tool, ["lint", "--fail-on", "none", .. readable], root, CorpusRuns, cancellationToken);
        var toolThroughput = readable.Count / Stats.Median(toolCorpus).TotalSeconds;

        context.Log.Report("P9 ReadyToRun publish (information)");
        var readyToRun = await ReadyToRunAsync(root, work, file, cancellationToken);

        context.Log.Report("P9 BuildKit's linter (docker buildx build --call=check)");
        var buildKit = await BuildKitAsync(root, file, cancellationToken);

        var rows = new List<IReadOnlyList<string>>
        {
            Row($"`fluent-docker lint {file}`, installed tool, new process each run", cold),
            readyToRun.Samples is { } r2r
                ? Row("the same, tool published `-r linux-x64 -p:PublishReadyToRun=true` (framework-dependent; not what is packed)", r2r)
                : ["the same, tool published with ReadyToRun", "0", "not measured", "", readyToRun.Note ?? ""],
            buildKit.Samples is { } bk
                ? Row($"`docker buildx build --call=check -f {file}` (BuildKit's linter, reference)", bk)
                : ["`docker buildx build --call=check` (BuildKit's linter, reference)", "0", "not measured", "", buildKit.Note ?? ""],
            Row($"`fluent-docker lint` of {readable.Count} corpus files in one process", toolCorpus),
        };
        var coldMedian = Stats.Median(cold);
        var goals = new List<GoalResult>
        {
            new("P9 cold lint of one file (installed tool)", $"≤ {ColdGoalMilliseconds} ms", Stats.Milliseconds(coldMedian),
                coldMedian.TotalMilliseconds <= ColdGoalMilliseconds,
                coldMedian.TotalMilliseconds <= ColdGoalMilliseconds ? null : ColdNote(readyToRun.Samples)),
            new("P9 throughput, tool (one process, whole corpus)", $"≥ {ThroughputGoal} files/s", FilesPerSecond(toolThroughput),
                toolThroughput >= ThroughputGoal, toolThroughput >= ThroughputGoal ? null :
                    $"start-up (the cold row) is {Markdown.Percent(Math.Min(1, coldMedian / Stats.Median(toolCorpus)))} of the run; the rest is parsing and linting, slowest on the largest files"),
            new("P9 throughput, library in-process (steady state)", $"≥ {ThroughputGoal} files/s", FilesPerSecond(steady),
                steady >= ThroughputGoal, steady >= ThroughputGoal ? null : "parsing and linting cost too much per file (the largest files take tens of ms each)"),
        };
        var markdown =
            "# P9: `fluent-docker lint` start-up and throughput\n\n" +
            $"The tool is packed from this build (`dotnet pack --no-build`) and installed with `dotnet tool install --tool-path`, then run as a " +
            $"pre-commit hook runs it: a new process per run, wall time from process start to exit (median of {ColdRuns}, one unmeasured run first " +
            "so files are in the page cache). Throughput uses every Dockerfile of tests/corpora that the parser reads " +
            $"({readable.Count} of {corpus.Count}; the rest are the parser's negative cases, which stop a run). " +
            $"BuildKit's linter runs on the engine `docker` points at (median of {BuildKitRuns}, one unmeasured run first). " +
            "The machine is shared: medians, with min and max to show the spread.\n\n" +
            Markdown.Table(["Run", "Runs", "Median", "Min", "Max"], rows) + "\n" +
            "In-process (the library's `Linter.LintText` over the same files, text already read):\n\n" +
            Markdown.Table(["Pass", "Files/s"],
            [
                [$"first pass in this process (JIT included; all {corpus.Count} files)", FilesPerSecond(firstPass)],
                [$"steady state (passes repeated for {SteadyState.TotalSeconds:0} s)", FilesPerSecond(steady)],
            ]) +
            "\n## Goals\n\n" + Markdown.Goals(goals) +
            $"\n_Run {context.RunId}, {Environment.ProcessorCount} CPU(s), {RuntimeInformation.RuntimeIdentifier}, took {Stats.Seconds(DateTime.UtcNow - started)}._\n";
        var summary = string.Join("; ", goals.Select(g => $"{g.Subject}: {g.Measured} ({g.Verdict})"));
        return new BenchmarkReport(Name, goals.All(g => g.Met == true), summary, markdown);
    }

    private static string ColdNote(IReadOnlyList<TimeSpan>? readyToRun) =>
        "runtime start-up and JIT of the parse and lint path" +
        (readyToRun is { Count: > 0 } ? $"; ReadyToRun measured {Stats.Milliseconds(Stats.Median(readyToRun))} here but is not packed yet (needs RID-specific tool packages)" : "");

    private static IReadOnlyList<string> Row(string subject, IReadOnlyList<TimeSpan> samples) =>
        [subject, samples.Count.ToString(CultureInfo.InvariantCulture), Stats.Milliseconds(Stats.Median(samples)), Stats.Milliseconds(samples.Min()), Stats.Milliseconds(samples.Max())];

    private static string FilesPerSecond(double rate) => rate.ToString("0", CultureInfo.InvariantCulture) + " files/s";

    /// <summary>Packs the tool from this build and installs it into a tool path, restoring into a private folder so no cached package of the same version stands in.</summary>
    private static async Task<string> InstallToolAsync(string root, string work, CancellationToken cancellationToken)
    {
        var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        await DotnetAsync(root, ["pack", "src/Fluent.Docker.Cli/Fluent.Docker.Cli.csproj", "-c", Configuration, "--no-build", "-o", feed], environment, cancellationToken);
        var package = Directory.GetFiles(feed, "fluent-docker.*.nupkg").Single();
        var version = Path.GetFileNameWithoutExtension(package)["fluent-docker.".Length..];
        var tools = Path.Combine(work, "tools");
        await DotnetAsync(root, ["tool", "install", "fluent-docker", "--tool-path", tools, "--add-source", feed, "--version", version], environment, cancellationToken);
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "fluent-docker.exe" : "fluent-docker");
    }

    /// <summary>
    /// The tool as a linux-x64 ReadyToRun publish, framework-dependent: what a RID-specific tool package would hold.
    /// Crossgen2 and the runtime pack it needs are served for linux-x64 only, so elsewhere this is not measured.
    /// </summary>
    private static async Task<(IReadOnlyList<TimeSpan>? Samples, string? Note)> ReadyToRunAsync(string root, string work, string file, CancellationToken cancellationToken)
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64") return (null, $"ReadyToRun is measured on linux-x64 only (this is {RuntimeInformation.RuntimeIdentifier})");
        var output = Path.Combine(work, "ready-to-run");
        var publish = await TimedProcess.RunAsync("dotnet",
            ["publish", "src/Fluent.Docker.Cli/Fluent.Docker.Cli.csproj", "-c", Configuration, "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output],
            root, cancellationToken, TimeSpan.FromMinutes(10));
        if (publish.ExitCode != 0) return (null, "publish failed: " + LastLine(publish.Output + publish.Error));
        return (await RepeatAsync(Path.Combine(output, "fluent-docker"), ["lint", file], root, ColdRuns, cancellationToken), null);
    }

    private static async Task<(IReadOnlyList<TimeSpan>? Samples, string? Note)> BuildKitAsync(string root, string file, CancellationToken cancellationToken)
    {
        var info = await TimedProcess.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], root, cancellationToken, TimeSpan.FromSeconds(30));
        if (info.ExitCode != 0) return (null, "no Docker engine: " + LastLine(info.Error));
        string[] arguments = ["buildx", "build", "--call=check", "-f", file, Path.GetDirectoryName(file)!];
        var first = await TimedProcess.RunAsync("docker", arguments, root, cancellationToken, TimeSpan.FromMinutes(5));
        if (first.ExitCode != 0) return (null, $"`docker {string.Join(' ', arguments)}` failed (exit {first.ExitCode}): {LastLine(first.Error)}");
        var samples = new List<TimeSpan>();
        for (var i = 0; i < BuildKitRuns; i++) samples.Add((await TimedProcess.RunAsync("docker", arguments, root, cancellationToken, TimeSpan.FromMinutes(5))).Elapsed);
        return (samples, null);
    }

    /// <summary>One unmeasured run (page cache), then <paramref name="runs"/> timed ones; every run must end with a lint verdict (0, 1 or 2).</summary>
    private static async Task<IReadOnlyList<TimeSpan>> RepeatAsync(string executable, string[] arguments, string directory, int runs, CancellationToken cancellationToken)
    {
        var samples = new List<TimeSpan>();
        for (var i = 0; i <= runs; i++)
        {
            var run = await TimedProcess.RunAsync(executable, arguments, directory, cancellationToken);
            if (run.ExitCode is not (0 or 1 or 2)) throw new InvalidOperationException($"{executable} {arguments[0]} failed (exit {run.ExitCode}): {LastLine(run.Error)}");
            if (i > 0) samples.Add(run.Elapsed);
        }
        return samples;
    }

    /// <summary>
    /// The first lint of each corpus file in this process (JIT included, unless an earlier benchmark linted), which also
    /// finds the files the parser reads (the tool stops a whole run on the parser's negative cases); files per second over those.
    /// </summary>
    private static (List<string> Readable, double FilesPerSecond) FirstPass(string root, IReadOnlyList<string> files)
    {
        var texts = files.Select(f => (File: f, Text: File.ReadAllText(Path.Combine(root, f)))).ToList();
        var readable = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var (file, text) in texts)
        {
            try
            {
                Linter.LintText(text);
                readable.Add(file);
            }
            catch (DockerfileParseException)
            {
            }
        }
        return (readable, texts.Count / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Files per second once warm: passes over every file repeated for a few seconds.</summary>
    private static double SteadyThroughput(string root, IReadOnlyList<string> files)
    {
        var texts = files.Select(f => File.ReadAllText(Path.Combine(root, f))).ToList();
        var findings = 0;
        var linted = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < SteadyState)
        {
            foreach (var text in texts) findings += Linter.LintText(text).Diagnostics.Count;
            linted += texts.Count;
        }
        GC.KeepAlive(findings);
        return linted / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The Dockerfiles of tests/corpora (named Dockerfile or *.Dockerfile), relative to the root, in a stable order.</summary>
    private static List<string> CorpusFiles(string root)
    {
        var corpora = Path.Combine(root, "tests", "corpora");
        return Directory.EnumerateFiles(corpora, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith(".Dockerfile", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task DotnetAsync(string directory, string[] arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var run = await TimedProcess.RunAsync("dotnet", arguments, directory, cancellationToken, TimeSpan.FromMinutes(10), environment);
        if (run.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (exit {run.ExitCode}):\n{run.Output}{run.Error}");
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}

/// <summary>A process run to completion with its wall time from start to exit and its output.</summary>
internal sealed record TimedProcess(int ExitCode, TimeSpan Elapsed, string Output, string Error)
{
    public static async Task<TimedProcess> RunAsync(string fileName, IEnumerable<string> arguments, string directory, CancellationToken cancellationToken,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var error = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var elapsed = clock.Elapsed;
        return new TimedProcess(process.ExitCode, elapsed, await output, await error);
    }
}
