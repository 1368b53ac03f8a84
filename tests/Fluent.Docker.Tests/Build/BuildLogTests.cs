using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Folding a build's events (real rawjson from the lab) into what it did: steps, failures, warnings, context size.</summary>
public class BuildLogTests
{
    private static BuildLog Fold(IEnumerable<string> lines) => BuildLog.Of(BuildEventParser.ParseAll(lines));

    [Fact]
    public void Steps_keep_their_first_order_and_their_latest_state()
    {
        var log = Fold(RawJsonCaptures.FailingRun);

        var dockerfileSteps = log.Steps.Where(s => s.Index is not null).ToList();
        Assert.Equal([1, 2, 3, 4], dockerfileSteps.Select(s => s.Index));
        Assert.Equal([StepState.Done, StepState.Cached, StepState.Cached, StepState.Failed], dockerfileSteps.Select(s => s.State)); // FROM resolves, then the cache
        Assert.Equal([true, false, false, true], dockerfileSteps.Select(s => s.Ran));
        Assert.Equal(StepState.Cached, Assert.Single(log.StepsRunning("echo cached-step")).State);
        Assert.All(log.Steps.Where(s => s.IsInternal), s => Assert.Equal(StepState.Done, s.State));
    }

    [Fact]
    public void Failures_warnings_output_and_context_size_are_kept()
    {
        var log = Fold(RawJsonCaptures.FailingRun);

        var failed = Assert.Single(log.Failures);
        Assert.Equal(new SourceLine("Dockerfile", 4), failed.Location);
        Assert.Equal(["compiling app", "warning: something on stderr", "last words"], log.OutputOf(failed.Step));
        Assert.Equal(2, log.Warnings.Count);
        Assert.Equal(33, log.ContextBytes);
    }

    [Fact]
    public void Progress_counts_finished_steps_per_platform()
    {
        var log = Fold(RawJsonCaptures.MultiPlatformCanceled);

        var progress = log.Progress();

        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], progress.Select(p => p.Platform).Order(Comparer<Platform?>.Create((a, b) => string.CompareOrdinal(a?.ToString(), b?.ToString()))));
        Assert.All(progress, p => Assert.Equal((2, 3), (p.Finished, p.Total)));
        Assert.Equal(StepState.Failed, progress.Single(p => p.Platform == Platform.LinuxArm64).Current?.State);
    }

    [Fact]
    public void A_build_without_a_context_transfer_has_no_context_bytes()
    {
        Assert.Null(Fold(RawJsonCaptures.MultiPlatformCanceled).ContextBytes); // no COPY: only the ignore file moved
    }

    [Fact]
    public void The_log_records_in_order_and_passes_every_event_on()
    {
        var forwarded = new List<string>();
        var log = new BuildLog(new SynchronousProgress(forwarded));
        var events = BuildEventParser.ParseAll(RawJsonCaptures.FailingRun);

        foreach (var e in events) log.Report(e);

        Assert.Equal(events, log.Events);
        Assert.Equal(events.Select(e => e.ToString()), forwarded);
    }
}
