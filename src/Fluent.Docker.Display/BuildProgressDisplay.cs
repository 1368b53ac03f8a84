using Fluent.Docker.Build;
using Spectre.Console;

namespace Fluent.Docker.Display;

/// <summary>
/// Shows a build as it runs, from its <see cref="BuildEvent"/>s. On an interactive terminal: a live Spectre.Console
/// progress bar per platform (and bake target), labelled with the step running now. Otherwise (CI, redirected output):
/// one plain line per step that starts, finishes, is cached or fails (<see cref="BuildEventText.Writer"/>).
/// </summary>
public static class BuildProgressDisplay
{
    /// <summary>Runs <paramref name="request"/> with live progress on <paramref name="console"/> (default: the process console).</summary>
    public static Task<BuildResult> BuildAsync(Buildx buildx, BuildRequest request, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(progress => buildx.BuildAsync(request, progress, cancellationToken), console ?? AnsiConsole.Console);
    }

    /// <summary>
    /// Runs <paramref name="build"/>, showing the events it reports. Interactive consoles get live bars, then the
    /// warnings; others the plain step log.
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<IProgress<BuildEvent>, Task<T>> build, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(console);
        if (!console.Profile.Capabilities.Interactive)
            return await build(BuildEventText.Writer(line => console.WriteLine(line, Style.Plain))).ConfigureAwait(false);

        T result = default!;
        var log = new BuildLog();
        try
        {
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var bars = new LiveBars(context, log);
                    result = await build(bars).ConfigureAwait(false);
                    bars.Finish();
                }).ConfigureAwait(false);
        }
        finally
        {
            // Under the bars, what they cannot show: the warnings. (A failed step comes with the exception.)
            foreach (var e in log.Events.Where(e => e is BuildEvent.Warning or BuildEvent.RequestWarning))
                console.WriteLine(e.ToString(), new Style(Color.Yellow));
        }
        return result;
    }

    // One bar per platform: value = finished steps, max = the platform's step count, description = the current step.
    private sealed class LiveBars(ProgressContext context, BuildLog log) : IProgress<BuildEvent>
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<(string?, Platform?), ProgressTask> _bars = [];

        public void Report(BuildEvent value)
        {
            log.Report(value);
            if (value is not (BuildEvent.StepStarted or BuildEvent.StepCached or BuildEvent.StepCompleted or BuildEvent.StepFailed or BuildEvent.StepCanceled)) return;
            lock (_gate)
            {
                foreach (var progress in log.Progress())
                {
                    if (progress.Total == 0) continue;
                    var key = (progress.Target, progress.Platform);
                    var label = string.Join(" ", new[] { progress.Target, progress.Platform?.ToString() }.OfType<string>().DefaultIfEmpty("build"));
                    if (!_bars.TryGetValue(key, out var bar)) _bars[key] = bar = context.AddTask(Markup.Escape(label), maxValue: progress.Total);
                    bar.MaxValue = progress.Total;
                    bar.Value = progress.Finished;
                    var current = progress.Current;
                    bar.Description = Markup.Escape($"{label} {current?.Index}/{progress.Total} {Shorten(current?.Instruction ?? "")}");
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
                foreach (var bar in _bars.Values) bar.Value = bar.MaxValue;
        }

        private static string Shorten(string text) => text.Length <= 48 ? text : text[..47] + "…";
    }
}
