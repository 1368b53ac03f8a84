namespace Fluent.Docker.Benchmarks;

/// <summary>
/// One benchmark of the <c>Bench</c> target. Implementations are found by reflection and run in <see cref="Id"/> order,
/// so a new benchmark is a new class (P5, P6, …) and nothing else changes.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short id, also the report's file name: <c>P1</c> writes <c>artifacts/bench/P1.md</c>.</summary>
    string Id { get; }

    string Title { get; }

    Task<BenchmarkReport> RunAsync(BenchLab lab, CancellationToken cancellationToken);
}

/// <summary>
/// What a benchmark found: its Markdown body (tables and notes) and one line per goal for the summary, each saying
/// whether the goal was met and, when not, why.
/// </summary>
public sealed record BenchmarkReport(string Markdown, IReadOnlyList<GoalResult> Goals);

/// <summary>A goal of the issue against what was measured.</summary>
public sealed record GoalResult(string Subject, string Goal, string Measured, bool? Met, string? Note = null)
{
    public string Verdict => Met switch { true => "met", false => "missed", null => "not measured" };
}

/// <summary>Finds every <see cref="IBenchmark"/> in this assembly.</summary>
public static class Benchmarks
{
    public static IReadOnlyList<IBenchmark> All { get; } = typeof(Benchmarks).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Id.Length).ThenBy(b => b.Id, StringComparer.Ordinal)
        .ToList();
}
