using System.Text;
using Fluent.Docker.Benchmarks;

// Runs the benchmarks against the Docker lab and writes artifacts/bench/<ID>.md plus summary.md.
//   dotnet run --project benchmarks/Fluent.Docker.Benchmarks -c Release -- [--out DIR] [--only P1,P3] [--registry HOST:PORT]
// Exit code 0 when every benchmark ran (goals missed are reported, not failed), 1 when one could not run.
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

var root = FindRoot();
var output = Path.GetFullPath(Option("--out", Path.Combine(root, "artifacts", "bench")));
var only = Option("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var registry = Option("--registry", Environment.GetEnvironmentVariable("FLUENT_DOCKER_TEST_REGISTRY") is { Length: > 0 } r ? r : "127.0.0.1:5000");
var selected = Benchmarks.All.Where(b => only.Length == 0 || only.Contains(b.Id, StringComparer.OrdinalIgnoreCase)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark matches '{string.Join(",", only)}'; there are {string.Join(", ", Benchmarks.All.Select(b => b.Id))}.");
    return 1;
}

Directory.CreateDirectory(output);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var lab = await BenchLab.StartAsync(root, registry, Console.Out, cancel.Token);

var summary = new StringBuilder("# Benchmarks\n\n");
summary.AppendLine($"Run {lab.RunId} on {Environment.ProcessorCount} CPU(s), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Each report: `{Path.GetRelativePath(root, output)}/<ID>.md`.\n");
var goals = new List<(string Id, GoalResult Goal)>();
var failed = false;
foreach (var benchmark in selected)
{
    Console.WriteLine($"== {benchmark.Id}: {benchmark.Title}");
    var started = DateTime.UtcNow;
    string body;
    try
    {
        var report = await benchmark.RunAsync(lab, cancel.Token);
        body = report.Markdown + $"\n_Took {Markdown.Seconds(DateTime.UtcNow - started)}._\n";
        goals.AddRange(report.Goals.Select(g => (benchmark.Id, g)));
    }
    catch (Exception e) when (e is not OperationCanceledException)
    {
        failed = true;
        body = $"Failed: {e.GetBaseException().Message}\n";
        goals.Add((benchmark.Id, new GoalResult(benchmark.Id, "—", "—", null, "the benchmark failed: " + e.GetBaseException().Message)));
    }
    var markdown = $"# {benchmark.Id}: {benchmark.Title}\n\n{body}";
    await File.WriteAllTextAsync(Path.Combine(output, benchmark.Id + ".md"), markdown, cancel.Token);
    Console.WriteLine(markdown);
}

summary.Append(Markdown.Table(["Benchmark", "Subject", "Goal", "Measured", "Verdict", "Why (when missed)"],
    goals.Select(g => (IReadOnlyList<string>)[g.Id, g.Goal.Subject, g.Goal.Goal, g.Goal.Measured, g.Goal.Verdict, g.Goal.Note ?? ""])));
await File.WriteAllTextAsync(Path.Combine(output, "summary.md"), summary.ToString(), cancel.Token);
Console.WriteLine(summary);
return failed ? 1 : 0;

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        if (File.Exists(Path.Combine(directory.FullName, "FluentDocker.sln"))) return directory.FullName;
    throw new InvalidOperationException("FluentDocker.sln not found above " + AppContext.BaseDirectory);
}
