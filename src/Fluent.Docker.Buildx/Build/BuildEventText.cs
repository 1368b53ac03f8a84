using System.Globalization;
using System.Text;

namespace Fluent.Docker.Build;

/// <summary>
/// Build events as text, for logs and callers who want lines: <see cref="Format"/> renders one event (what
/// <see cref="BuildEvent"/>'s <c>ToString</c> returns); <see cref="Writer"/> turns a line sink into a build progress.
/// </summary>
public static class BuildEventText
{
    /// <summary>
    /// A progress that writes each event as text to <paramref name="write"/>, synchronously and in order. Without
    /// <paramref name="details"/> it leaves out what <see cref="IsDetail"/> calls detail (RUN output, internal steps
    /// starting), the one-line-per-step log CI shows; a failed step still brings its last output lines.
    /// </summary>
    public static IProgress<BuildEvent> Writer(Action<string> write, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new LineWriter(write, details);
    }

    /// <summary>
    /// Detail: a step's output line or status, a step without a Dockerfile index starting (BuildKit's own work, which reports
    /// when it finishes), the context size.
    /// </summary>
    public static bool IsDetail(BuildEvent buildEvent) => buildEvent is BuildEvent.StepLog or BuildEvent.StepStatus or BuildEvent.ContextTransferred
        or BuildEvent.StepStarted { Step.Index: null };

    /// <summary>One event as text; a failed step spans several lines (its last output, indented).</summary>
    public static string Format(BuildEvent buildEvent) => buildEvent switch
    {
        BuildEvent.StepStarted e => e.Step.ToString(),
        BuildEvent.StepCached e => e.Step.ToString(),
        BuildEvent.StepCompleted e => e.Step.ToString(),
        BuildEvent.StepCanceled e => e.Step.ToString(),
        BuildEvent.StepFailed e => Failed(e),
        BuildEvent.StepLog e => $"{e.Step.Name}: {e.Line}",
        BuildEvent.StepStatus e => $"{e.Step.Name}: {e.Id} {e.Current.ToString(CultureInfo.InvariantCulture)}"
            + (e.Total is { } total ? "/" + total.ToString(CultureInfo.InvariantCulture) : "") + (e.Completed ? " done" : ""),
        BuildEvent.ContextTransferred e => $"build context: {e.Bytes.ToString(CultureInfo.InvariantCulture)} bytes",
        BuildEvent.Warning e => $"warning: {e.Message}" + (e.Url is null ? "" : $" ({e.Url})"),
        BuildEvent.RequestWarning e => e.Target is null ? $"warning: {e.Value}" : $"{e.Target}: warning: {e.Value}",
        BuildEvent.RetryScheduled e => $"push attempt {e.Attempt}/{e.Attempts} failed ({e.Reason}); retrying in {e.Delay.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        BuildEvent.ImageStarted e => e.Tags.Count == 0 ? e.Image : $"{e.Image}: {string.Join(", ", e.Tags)}",
        BuildEvent.BuildFailed e => "ERROR: " + e.Message,
        BuildEvent.Output e => e.Line,
        _ => throw new ArgumentOutOfRangeException(nameof(buildEvent), buildEvent?.GetType().Name, "Unknown build event."),
    };

    private static string Failed(BuildEvent.StepFailed failed)
    {
        var text = new StringBuilder($"{failed.Step.Name} ERROR");
        if (failed.Location is { } location) text.Append(" at ").Append(location);
        text.Append(": ").Append(failed.Error);
        foreach (var line in failed.LastOutput) text.Append(Environment.NewLine).Append("  > ").Append(line);
        return text.ToString();
    }

    private sealed class LineWriter(Action<string> write, bool details) : IProgress<BuildEvent>
    {
        private readonly Lock _gate = new();

        public void Report(BuildEvent value)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!details && IsDetail(value)) return;
            lock (_gate) write(Format(value));
        }
    }
}
