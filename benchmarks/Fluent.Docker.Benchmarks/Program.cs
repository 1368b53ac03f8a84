using System.Globalization;
using System.Reflection;
using Fluent.Docker.Benchmarks;
using Fluent.Docker.Build;

// Usage: Fluent.Docker.Benchmarks OUTPUT_DIR [--registry=HOST:PORT] [--filter=TEXT] [--apps=Node,.NET]
// Runs every IBenchmark (or those whose name contains TEXT) against the lab, writes OUTPUT_DIR/NAME.md and a summary.
// Exit code 1 when a benchmark misses its target or fails.
if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: Fluent.Docker.Benchmarks OUTPUT_DIR [--registry=HOST:PORT] [--filter=TEXT] [--apps=Node,.NET]");
    return 2;
}
var output = Path.GetFullPath(args[0]);
string Option(string name, string fallback) =>
    args.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..] is { Length: > 0 } value ? value : fallback;
var registry = Option("registry", "127.0.0.1:5000");
var filter = Option("filter", "");
var apps = Option("apps", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .Where(b => b.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();
Directory.CreateDirectory(output);
var work = Directory.CreateTempSubdirectory("fluent-bench-").FullName;
var context = new BenchmarkContext(registry, work, DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), new Buildx(),
    new Progress<string>(line => Console.WriteLine("  " + line))) { Apps = apps };
var failures = 0;
try
{
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"== {benchmark.Name}");
        try
        {
            var report = await benchmark.RunAsync(context, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(output, report.Name + ".md"), report.Markdown);
            Console.WriteLine($"{report.Name}: {(report.MetTarget ? "PASS" : "FAIL")} {report.Summary}");
            if (!report.MetTarget) failures++;
        }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"{benchmark.Name}: ERROR {e.Message}");
        }
    }
}
finally
{
    try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}
Console.WriteLine($"{benchmarks.Count - failures} of {benchmarks.Count} benchmark(s) met their target; reports in {output}");
return failures == 0 ? 0 : 1;
