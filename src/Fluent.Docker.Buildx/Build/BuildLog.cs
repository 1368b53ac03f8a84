namespace Fluent.Docker.Build;

/// <summary>How far the steps of one platform (of one bake target) are: for a progress bar.</summary>
/// <param name="Target">The bake target; null for a build.</param>
/// <param name="Platform">The platform; null when the build has one.</param>
/// <param name="Finished">Steps done or cached.</param>
/// <param name="Total">The Dockerfile steps the target builds (BuildKit's <c>N/M</c> counts across stages).</param>
/// <param name="Current">The step running now, else the last one seen.</param>
public sealed record StepProgress(string? Target, Platform? Platform, int Finished, int Total, BuildStep? Current);

/// <summary>
/// What a build did, folded from its <see cref="BuildEvent"/>s as they arrive: each step's latest state (which ran,
/// which came from the cache, which failed and why), the warnings, the bytes of build context sent. Pass it as the
/// progress of <see cref="Buildx.BuildAsync"/> (it records synchronously and in order, unlike
/// <see cref="Progress{T}"/>), optionally forwarding every event to <c>next</c>. Thread-safe.
/// </summary>
public sealed class BuildLog : IProgress<BuildEvent>
{
    private readonly IProgress<BuildEvent>? _next;
    private readonly Lock _gate = new();
    private readonly List<BuildEvent> _events = [];
    private readonly List<string> _order = [];
    private readonly Dictionary<string, BuildStep> _steps = new(StringComparer.Ordinal);
    private long? _contextBytes;

    /// <param name="next">Also receives every event (e.g. a console log).</param>
    public BuildLog(IProgress<BuildEvent>? next = null) => _next = next;

    /// <summary>A log of events already read (e.g. <see cref="BuildEventParser.ParseAll"/>).</summary>
    public static BuildLog Of(IEnumerable<BuildEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var log = new BuildLog();
        foreach (var e in events) log.Report(e);
        return log;
    }

    public void Report(BuildEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _events.Add(value);
            switch (value)
            {
                case BuildEvent.StepStarted { Step: var step }: Fold(step); break;
                case BuildEvent.StepCached { Step: var step }: Fold(step); break;
                case BuildEvent.StepCompleted { Step: var step }: Fold(step); break;
                case BuildEvent.StepCanceled { Step: var step }: Fold(step); break;
                case BuildEvent.StepFailed { Step: var step }: Fold(step); break;
                case BuildEvent.ContextTransferred { Bytes: var bytes }: _contextBytes = (_contextBytes ?? 0) + bytes; break;
            }
        }
        _next?.Report(value);
    }

    private void Fold(BuildStep step)
    {
        if (!_steps.ContainsKey(step.Vertex)) _order.Add(step.Vertex);
        _steps[step.Vertex] = step;
    }

    /// <summary>Every event, in the order reported.</summary>
    public IReadOnlyList<BuildEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>Every step that started or came from the cache, in first-seen order, each in its latest state.</summary>
    public IReadOnlyList<BuildStep> Steps
    {
        get { lock (_gate) return [.. _order.Select(v => _steps[v])]; }
    }

    /// <summary>The steps that failed, with their error, Dockerfile line and last output lines.</summary>
    public IReadOnlyList<BuildEvent.StepFailed> Failures => [.. Events.OfType<BuildEvent.StepFailed>()];

    /// <summary>The warnings BuildKit reported (Dockerfile checks, deprecations).</summary>
    public IReadOnlyList<BuildEvent.Warning> Warnings => [.. Events.OfType<BuildEvent.Warning>()];

    /// <summary>The lines <paramref name="step"/> printed, in order.</summary>
    public IReadOnlyList<string> OutputOf(BuildStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return [.. Events.OfType<BuildEvent.StepLog>().Where(l => l.Step.Vertex == step.Vertex).Select(l => l.Line)];
    }

    /// <summary>
    /// Bytes of build context sent to BuildKit (<c>[internal] load build context</c>), exact; summed over a bake's
    /// targets; null when nothing was transferred (no COPY or ADD from the context).
    /// </summary>
    public long? ContextBytes
    {
        get { lock (_gate) return _contextBytes; }
    }

    /// <summary>Steps whose instruction contains <paramref name="text"/> (ordinal), e.g. <c>"pip install"</c>.</summary>
    public IReadOnlyList<BuildStep> StepsRunning(string text) =>
        [.. Steps.Where(s => s.Instruction.Contains(text, StringComparison.Ordinal))];

    /// <summary>
    /// Dockerfile steps (those with an index) grouped by bake target and platform, in first-seen order: how many are
    /// finished (done or cached) of how many, and which one runs now.
    /// </summary>
    public IReadOnlyList<StepProgress> Progress()
    {
        var steps = Steps.Where(s => s.Index is not null).ToList();
        return [.. steps.GroupBy(s => (s.Target, s.Platform)).Select(group =>
        {
            var list = group.ToList();
            var current = list.LastOrDefault(s => s.State == StepState.Running) ?? list[^1];
            return new StepProgress(group.Key.Target, group.Key.Platform,
                list.Count(s => s.State is StepState.Done or StepState.Cached), list.Max(s => s.Total ?? 0), current);
        })];
    }
}
