namespace Fluent.Docker.Benchmarks;

/// <summary>
/// A benchmark of the template images (P1–P4) with several goals: it measures in a <see cref="BenchLab"/>, and its
/// report ends with one row per goal saying whether it was met and, when not, why. The target is met when every goal is.
/// </summary>
public abstract class LabBenchmark : IBenchmark
{
    public abstract string Name { get; }

    protected abstract string Title { get; }

    protected abstract Task<(string Body, IReadOnlyList<GoalResult> Goals)> MeasureAsync(BenchLab lab, CancellationToken cancellationToken);

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var lab = await BenchLab.StartAsync(context, cancellationToken);
        var started = DateTime.UtcNow;
        var (body, goals) = await MeasureAsync(lab, cancellationToken);
        var markdown = $"# {Title}\n\n{body}\n## Goals\n\n" + Markdown.Goals(goals) +
            $"\n_Run {context.RunId}, {Environment.ProcessorCount} CPU(s), took {Stats.Seconds(DateTime.UtcNow - started)}._\n";
        var summary = string.Join("; ", goals.Select(g => $"{g.Subject}: {g.Measured} ({g.Verdict})"));
        return new BenchmarkReport(Name, goals.All(g => g.Met == true), summary, markdown);
    }
}

/// <summary>One goal of the issue against what was measured; <see cref="Met"/> is null when it could not be measured.</summary>
public sealed record GoalResult(string Subject, string Goal, string Measured, bool? Met, string? Note = null)
{
    public string Verdict => Met switch { true => "met", false => "missed", null => "not measured" };
}
