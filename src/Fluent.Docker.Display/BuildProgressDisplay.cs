using Fluent.Docker.Build;
using Spectre.Console;

namespace Fluent.Docker.Display;

/// <summary>
/// Shows a build as it runs. On an interactive terminal: a live Spectre.Console progress bar per platform, labelled
/// with the step running now. Otherwise (CI, redirected output): one plain line per step that starts, finishes, is
/// cached or fails. Either way the input is buildx's <c>--progress=rawjson</c> (the request is switched to it).
/// </summary>
public static class BuildProgressDisplay
{
    /// <summary>Runs <paramref name="request"/> with live progress on <paramref name="console"/> (default: the process console).</summary>
    public static Task<BuildResult> BuildAsync(Buildx buildx, BuildRequest request, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(log => buildx.BuildAsync(request.WithProgress(ProgressMode.RawJson), log, cancellationToken), console ?? AnsiConsole.Console);
    }

    /// <summary>
    /// Runs <paramref name="build"/>, feeding the lines it reports (rawjson) to the display. Interactive consoles get
    /// live bars; others the plain step log.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<string>, Task<T>> build, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive)
            return await build(new PlainStepLog(line => console.WriteLine(line, Style.Plain))).ConfigureAwait(false);

        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new LiveBars(context);
                result = await build(bars).ConfigureAwait(false);
                bars.Finish();
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Plain log: one line per step state change (what CI shows).</summary>
    public sealed class PlainStepLog(Action<string> write) : IProgress<string>
    {
        private readonly SolveStatusReader _reader = new();
        private readonly BuildProgressTracker _tracker = new();

        public void Report(string value)
        {
            lock (_reader)
            {
                switch (_reader.Feed(value))
                {
                    case SolveStatusItem.Status { Value: var status }:
                        foreach (var step in _tracker.Apply(status).Where(s => s.State != StepState.Running || s.Index is not null)) write(step.ToString());
                        break;
                    case SolveStatusItem.Text { Line: var line }:
                        write(line);
                        break;
                }
            }
        }
    }

    // One bar per platform: value = finished steps, max = the platform's step count, description = the current step.
    private sealed class LiveBars(ProgressContext context) : IProgress<string>
    {
        private readonly SolveStatusReader _reader = new();
        private readonly BuildProgressTracker _tracker = new();
        private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

        public void Report(string value)
        {
            lock (_reader)
            {
                if (_reader.Feed(value) is not SolveStatusItem.Status { Value: var status }) return;
                _tracker.Apply(status);
                foreach (var platform in _tracker.Platforms)
                {
                    var (finished, total) = _tracker.ProgressOf(platform);
                    if (total == 0) continue;
                    if (!_bars.TryGetValue(platform, out var bar)) _bars[platform] = bar = context.AddTask(platform, maxValue: total);
                    bar.MaxValue = total;
                    bar.Value = finished;
                    var current = _tracker.CurrentOf(platform);
                    bar.Description = Markup.Escape($"{platform} {current?.Index}/{total} {Shorten(current?.Instruction ?? "")}");
                }
            }
        }

        public void Finish()
        {
            lock (_reader)
                foreach (var bar in _bars.Values) bar.Value = bar.MaxValue;
        }

        private static string Shorten(string text) => text.Length <= 48 ? text : text[..47] + "…";
    }
}
