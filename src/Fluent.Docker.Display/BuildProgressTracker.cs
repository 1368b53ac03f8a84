using System.Text.RegularExpressions;

namespace Fluent.Docker.Display;

/// <summary>A Dockerfile step's state as the tracker last saw it.</summary>
public enum StepState { Running, Done, Cached, Failed }

/// <summary>
/// One step of the build, per platform: <c>[linux/arm64 2/5] RUN make</c> is platform linux/arm64, step 2 of 5.
/// Steps without a platform (context loading, export, push) have null <see cref="Platform"/> and <see cref="Index"/>.
/// </summary>
public sealed record BuildStep(string Digest, string? Platform, int? Index, int? Total, string Instruction, StepState State, TimeSpan? Duration)
{
    public override string ToString()
    {
        var where = Platform is null ? "" : $"[{Platform}] ";
        var step = Index is null ? "" : $"{Index}/{Total} ";
        var state = State switch
        {
            StepState.Cached => "CACHED",
            StepState.Failed => "ERROR",
            StepState.Done => Duration is { } d ? $"done {d.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}s" : "done",
            _ => "…",
        };
        return $"{where}{step}{Instruction} {state}";
    }
}

/// <summary>
/// Folds SolveStatus updates into per-platform step states: which steps each platform has, how many are finished,
/// and what changed with each update (for a plain log). Pure: no console.
/// </summary>
public sealed partial class BuildProgressTracker
{
    private readonly Dictionary<string, BuildStep> _steps = new(StringComparer.Ordinal);

    /// <summary>Every step seen so far, in first-seen order.</summary>
    public IReadOnlyList<BuildStep> Steps => [.. _steps.Values];

    /// <summary>The platforms seen, in first-seen order.</summary>
    public IReadOnlyList<string> Platforms => _steps.Values.Select(s => s.Platform).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>(finished, total) Dockerfile steps of <paramref name="platform"/>.</summary>
    public (int Finished, int Total) ProgressOf(string platform)
    {
        var steps = _steps.Values.Where(s => s.Platform == platform && s.Index is not null).ToList();
        var total = steps.Select(s => s.Total ?? 0).DefaultIfEmpty(0).Max();
        return (steps.Count(s => s.State is StepState.Done or StepState.Cached), total);
    }

    /// <summary>The step of <paramref name="platform"/> running now, or the last one seen.</summary>
    public BuildStep? CurrentOf(string platform) =>
        _steps.Values.LastOrDefault(s => s.Platform == platform && s.State == StepState.Running) ?? _steps.Values.LastOrDefault(s => s.Platform == platform);

    /// <summary>Applies an update; returns the steps whose state it changed (started, finished, cached or failed).</summary>
    public IReadOnlyList<BuildStep> Apply(SolveStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var changed = new List<BuildStep>();
        foreach (var vertex in status.Vertexes)
        {
            if (vertex.Started is null && !vertex.Cached) continue; // queued, not started
            var state = vertex.Error is { Length: > 0 } ? StepState.Failed
                : vertex.Cached ? StepState.Cached
                : vertex.Completed is not null ? StepState.Done
                : StepState.Running;
            var duration = vertex.Started is { } s && vertex.Completed is { } c ? c - s : (TimeSpan?)null;
            var step = Describe(vertex, state, duration);
            if (_steps.TryGetValue(vertex.Digest, out var previous) && previous.State == step.State) continue;
            _steps[vertex.Digest] = step;
            changed.Add(step);
        }
        return changed;
    }

    internal static BuildStep Describe(SolveVertex vertex, StepState state, TimeSpan? duration)
    {
        var match = StepName().Match(vertex.Name);
        if (!match.Success) return new BuildStep(vertex.Digest, null, null, null, vertex.Name, state, duration);
        var platform = match.Groups["platform"].Success ? match.Groups["platform"].Value : null;
        // A cross-compiling stage runs on the build platform for a target: "linux/amd64->arm64" builds linux/arm64.
        if (match.Groups["target"].Success && platform is not null) platform = platform[..(platform.IndexOf('/') + 1)] + match.Groups["target"].Value;
        int? index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int? total = match.Groups["total"].Success ? int.Parse(match.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new BuildStep(vertex.Digest, platform, index, total, match.Groups["rest"].Value, state, duration);
    }

    // "[linux/amd64 2/3] RUN …", "[linux/amd64 build 2/3] RUN …" (stage name), "[linux/amd64->arm64 build 2/5] …"
    // (cross-compiling), "[linux/amd64 internal] load …", "[internal] load …"
    [GeneratedRegex(@"^\[(?:(?<platform>[a-z0-9_-]+/[a-z0-9_-]+(?:/[a-z0-9_-]+)?)(?:->(?<target>[a-z0-9_/-]+))?\s*)?(?:[^\]\s]+\s+)?(?:(?<index>\d+)/(?<total>\d+)|internal)?\]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex StepName();
}
