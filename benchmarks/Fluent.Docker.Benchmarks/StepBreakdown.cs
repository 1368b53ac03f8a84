using System.Text.RegularExpressions;
using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// Where the rebuilds of one image spent their time, read from the typed build events: each step that ran, as its
/// median over the rounds (a round where it was cached counts 0), and what the buildx process spent outside the steps
/// (its wall time minus the steps' sum: the CLI's start, the session with BuildKit, solving, the gaps between steps).
/// </summary>
public sealed partial class StepBreakdown
{
    private readonly List<(TimeSpan Wall, TimeSpan Call, Dictionary<string, TimeSpan> Steps)> _rounds = [];
    private readonly List<string> _order = [];

    /// <summary>Adds one rebuild: the buildx process's wall time, the time of the whole <see cref="Buildx.BuildAsync"/> call, and its log.</summary>
    public void Add(TimeSpan wall, TimeSpan call, BuildLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var steps = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var step in log.Steps.Where(s => s.Ran))
        {
            var key = KeyOf(step);
            if (!_order.Contains(key)) _order.Add(key);
            steps[key] = steps.GetValueOrDefault(key) + (step.Duration ?? TimeSpan.Zero);
        }
        _rounds.Add((wall, call, steps));
    }

    /// <summary>The steps that ran in some round, in first-seen order.</summary>
    public IReadOnlyList<string> Steps => _order;

    public TimeSpan MedianOf(string step) => _rounds.Count == 0 ? TimeSpan.Zero : Stats.Median(_rounds.Select(r => r.Steps.GetValueOrDefault(step)));

    /// <summary>Median of wall time minus the steps' sum; negative when steps overlapped (BuildKit runs independent ones at once).</summary>
    public TimeSpan MedianOutsideSteps => Stats.Median(_rounds.Select(r => r.Wall - r.Steps.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b)));

    public TimeSpan MedianWall => Stats.Median(_rounds.Select(r => r.Wall));

    /// <summary>Median of the call's time minus the process's: Fluent.Docker's own work (arguments, reading events, the metadata file).</summary>
    public TimeSpan MedianAroundProcess => Stats.Median(_rounds.Select(r => r.Call - r.Wall));

    /// <summary>One table of both images' rebuilds: a row per step that ran in either, then the time outside the steps and the wall time.</summary>
    public static string Table(StepBreakdown template, StepBreakdown naive)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(naive);
        string Cell(StepBreakdown b, string step) => b.Steps.Contains(step) ? Stats.Seconds(b.MedianOf(step)) : "cached / none";
        var rows = template.Steps.Concat(naive.Steps.Except(template.Steps))
            .Select(step => (IReadOnlyList<string>)[Escape(step), Cell(template, step), Cell(naive, step)])
            .Append(["buildx process outside the steps (CLI start, session, solve, gaps)", Stats.Seconds(template.MedianOutsideSteps), Stats.Seconds(naive.MedianOutsideSteps)])
            .Append(["**wall time of the buildx process** (what the ratio compares)", Stats.Seconds(template.MedianWall), Stats.Seconds(naive.MedianWall)])
            .Append(["Fluent.Docker around the process (arguments, events, metadata file; not in the ratio)", Stats.Seconds(template.MedianAroundProcess), Stats.Seconds(naive.MedianAroundProcess)]);
        return Markdown.Table(["Step (medians of the rounds)", "Template", "Naive"], rows);
    }

    // "[build 6/6] RUN --mount=… npm ci" → "build: RUN npm ci"; BuildKit's own steps keep their name.
    private static string KeyOf(BuildStep step)
    {
        if (step.Index is null) return step.Name;
        var instruction = MountFlag().Replace(step.Instruction, "");
        if (instruction.Length > 80) instruction = instruction[..77] + "…";
        return step.Stage is null ? instruction : $"{step.Stage}: {instruction}";
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    [GeneratedRegex(@"--mount=\S+\s+")]
    private static partial Regex MountFlag();
}
