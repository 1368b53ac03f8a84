using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// One benchmark of the Bench target. Every non-abstract implementation in this assembly is found by reflection and
/// run in name order, so adding a benchmark is adding a class. Each writes <c>artifacts/bench/NAME.md</c>.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short id, also the report's file name, e.g. <c>p6-bake-vs-sequential</c>.</summary>
    string Name { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}

/// <summary>What a benchmark measured: a Markdown report, whether it met its target, and a one-line summary.</summary>
public sealed record BenchmarkReport(string Name, bool MetTarget, string Summary, string Markdown);

/// <summary>What every benchmark gets: the lab registry, a scratch directory, a run id, the runner and a log.</summary>
public sealed record BenchmarkContext(string Registry, string WorkDirectory, string RunId, Buildx Buildx, IProgress<string> Log)
{
    /// <summary>The example apps to measure (by <see cref="BenchApp.Language"/>, any case); empty means all of them.</summary>
    public IReadOnlyList<string> Apps { get; init; } = [];
}

/// <summary>Small statistics helpers: benchmarks report medians (robust on a shared 2-core machine).</summary>
public static class Stats
{
    public static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0) throw new ArgumentException("No samples.");
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>Whole milliseconds, for process start-ups (P9).</summary>
    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    public static string List(IEnumerable<TimeSpan> samples) => string.Join(", ", samples.Select(Seconds));
}
