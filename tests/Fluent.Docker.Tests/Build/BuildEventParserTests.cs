using System.Text.Json;
using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>buildx's rawjson output, captured on the lab, read into typed build events.</summary>
public class BuildEventParserTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static IReadOnlyList<BuildEvent> FailingRun => BuildEventParser.ParseAll(RawJsonCaptures.FailingRun);

    private const string FailingInstruction = """RUN echo "compiling app" && echo "warning: something on stderr" >&2 && echo "last words" && exit 3""";

    [Fact]
    public void A_failed_step_carries_its_instruction_its_Dockerfile_line_and_its_own_last_output()
    {
        var failed = Assert.Single(FailingRun.OfType<BuildEvent.StepFailed>());

        Assert.Equal((4, 4, FailingInstruction), (failed.Step.Index, failed.Step.Total, failed.Step.Instruction));
        Assert.Equal(new SourceLine("Dockerfile", 4), failed.Location);
        Assert.Equal(["compiling app", "warning: something on stderr", "last words"], failed.LastOutput);
        Assert.Equal("""process "/bin/sh -c echo \"compiling app\" && echo \"warning: something on stderr\" >&2 && echo \"last words\" && exit 3" did not complete successfully: exit code: 3""", failed.Error);
        Assert.Equal(StepState.Failed, failed.Step.State);
        Assert.Equal(TimeSpan.FromTicks(3_770_778), failed.Step.Duration); // nanosecond timestamps, read to 100 ns
    }

    [Fact]
    public void The_build_error_follows_the_failed_step_and_no_line_of_buildxs_excerpt_or_json_leaks_as_output()
    {
        var events = FailingRun;

        var error = Assert.IsType<BuildEvent.BuildFailed>(events[^1]);
        Assert.StartsWith("failed to build: failed to solve: process \"/bin/sh -c echo", error.Message);
        Assert.Equal(new SourceLine("Dockerfile", 4), error.Location);
        Assert.IsType<BuildEvent.StepFailed>(events[^2]);
        Assert.Empty(events.OfType<BuildEvent.Output>());
        Assert.DoesNotContain(events, e => e.ToString().Contains("\"vertexes\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Cached_steps_are_reported_cached_once_and_run_steps_start_first()
    {
        var events = FailingRun;

        Assert.Equal(["COPY greeting.txt /greeting.txt", "RUN echo cached-step > /cached.txt"],
            events.OfType<BuildEvent.StepCached>().Where(e => e.Step.Index is not null).Select(e => e.Step.Instruction));
        var started = events.OfType<BuildEvent.StepStarted>().Single(e => e.Step.Index == 4);
        Assert.True(IndexOf(events, started) < IndexOf(events, events.OfType<BuildEvent.StepFailed>().Single()));
        // In the two-platform build each FROM step resolves (done), then comes from the cache: both, in that order.
        var multi = BuildEventParser.ParseAll(RawJsonCaptures.MultiPlatformCanceled);
        var from = StatesOf(multi, "FROM docker.io/library/busybox:1.36").GroupBy(s => s.Vertex).ToList();
        Assert.Equal(2, from.Count);
        Assert.All(from, states => Assert.Equal([StepState.Done, StepState.Cached], states.Select(s => s.State)));
    }

    [Fact]
    public void A_step_from_a_remote_cache_stays_cached_while_its_layer_is_fetched()
    {
        var events = BuildEventParser.ParseAll(RawJsonCaptures.RemoteCacheImport);

        var run = StatesOf(events, "RUN echo remote-cache-107827124").ToList();
        Assert.Equal([StepState.Cached], run.Select(s => s.State)); // BuildKit restarts the vertex to pull its layer: not a run
        Assert.DoesNotContain(events.OfType<BuildEvent.StepStarted>(), e => e.Step.Instruction.StartsWith("RUN echo remote-cache", StringComparison.Ordinal));
        Assert.Equal(StepState.Cached, BuildLog.Of(events).StepsRunning("RUN echo remote-cache").Single().State);
        Assert.Equal(StepState.Done, BuildLog.Of(events).StepsRunning("COPY app.txt").Single().State); // the changed code ran
    }

    [Fact]
    public void Run_output_is_decoded_line_by_line_with_its_stream()
    {
        var logs = FailingRun.OfType<BuildEvent.StepLog>().ToList();

        Assert.Equal([
            (LogStream.StandardOutput, "compiling app"),
            (LogStream.StandardError, "warning: something on stderr"),
            (LogStream.StandardOutput, "last words"),
        ], logs.Select(l => (l.Stream, l.Line)));
        Assert.All(logs, l => Assert.Equal(4, l.Step.Index));
    }

    [Fact]
    public void Warnings_carry_message_detail_link_and_line()
    {
        var warnings = FailingRun.OfType<BuildEvent.Warning>().ToList();

        Assert.Equal(2, warnings.Count);
        var casing = warnings[0];
        Assert.Equal("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)", casing.Message);
        Assert.Equal(["The 'as' keyword should match the case of the 'from' keyword"], casing.Detail);
        Assert.Equal(new Uri("https://docs.docker.com/go/dockerfile/rule/from-as-casing/"), casing.Url);
        Assert.Equal(new SourceLine("Dockerfile", 1), casing.Location);
        Assert.Equal(new SourceLine("Dockerfile", 5), warnings[1].Location);
        Assert.StartsWith("JSONArgsRecommended:", warnings[1].Message);
    }

    [Fact]
    public void The_context_size_is_the_completed_transfer_of_the_build_context_not_the_ignore_file()
    {
        Assert.Equal(33, Assert.Single(FailingRun.OfType<BuildEvent.ContextTransferred>()).Bytes);
    }

    [Fact]
    public void A_step_stopped_by_another_platforms_failure_is_canceled_not_failed()
    {
        var events = BuildEventParser.ParseAll(RawJsonCaptures.MultiPlatformCanceled);

        var failed = Assert.Single(events.OfType<BuildEvent.StepFailed>());
        Assert.Equal((Platform.LinuxArm64, 3), (failed.Step.Platform, failed.Step.Index));
        Assert.Equal(["arm64 says no"], failed.LastOutput);
        Assert.Equal(new SourceLine("Dockerfile", 3), failed.Location);
        var canceled = Assert.Single(events.OfType<BuildEvent.StepCanceled>());
        Assert.Equal((Platform.LinuxAmd64, 3), (canceled.Step.Platform, canceled.Step.Index));
        Assert.Equal(["building on aarch64"], events.OfType<BuildEvent.StepLog>().Where(l => l.Step.Platform == Platform.LinuxArm64 && l.Step.Index == 2).Select(l => l.Line));
    }

    [Fact]
    public void Bake_steps_carry_their_target_and_a_failed_one_its_line_and_output()
    {
        var events = BuildEventParser.ParseAll(RawJsonCaptures.BakeFailingTarget, bake: true);

        var failed = Assert.Single(events.OfType<BuildEvent.StepFailed>());
        Assert.Equal(("two", "app", 1, "RUN echo app-$(uname -m) && echo broken >&2 && exit 5"), (failed.Step.Target, failed.Step.Stage, failed.Step.Index, failed.Step.Instruction));
        Assert.Equal(new SourceLine("Dockerfile", 4), failed.Location);
        Assert.Equal(["app-x86_64", "broken"], failed.LastOutput.Order());
        Assert.StartsWith("target two: failed to solve:", Assert.IsType<BuildEvent.BuildFailed>(events[^1]).Message);
        Assert.Contains(events.OfType<BuildEvent.StepCached>(), e => e.Step is { Target: "one", Platform: { } platform } && platform == Platform.LinuxArm64 && e.Step.Instruction == "RUN echo base");
    }

    [Fact]
    public void Indented_objects_over_several_lines_read_the_same_as_one_object_per_line()
    {
        // Older buildx versions indent each SolveStatus over several lines.
        var indented = RawJsonCaptures.FailingRun.SelectMany(line => line.StartsWith('{')
            ? JsonSerializer.Serialize(JsonDocument.Parse(line).RootElement, Indented).Split('\n')
            : [line]);

        Assert.Equal(FailingRun.Select(e => e.ToString()), BuildEventParser.ParseAll(indented).Select(e => e.ToString()));
    }

    [Fact]
    public void Braces_and_escaped_quotes_inside_strings_do_not_end_an_object()
    {
        var parser = new BuildEventParser();
        string[] lines = ["{", "  \"vertexes\": [{", "    \"digest\": \"sha256:aa\",", "    \"name\": \"[2/3] RUN echo \\\"}{not a brace\\\" > /x\",", "    \"started\": \"2026-11-22T19:28:23.100Z\"", "  }]", "}"];

        var events = lines.SelectMany(parser.Feed).ToList();

        var started = Assert.IsType<BuildEvent.StepStarted>(Assert.Single(events));
        Assert.Equal("RUN echo \"}{not a brace\" > /x", started.Step.Instruction);
    }

    [Fact]
    public void Output_split_across_chunks_and_unfinished_at_the_end_still_makes_whole_lines()
    {
        var parser = new BuildEventParser();
        var events = new List<BuildEvent>();
        events.AddRange(parser.Feed("""{"vertexes":[{"digest":"sha256:aa","name":"[2/2] RUN x","started":"2026-12-03T08:42:22.29485852Z"}]}"""));
        var output = System.Text.Encoding.UTF8.GetBytes("café 1\r\ndone 50%\rdone 100%\nno newline");
        // The first chunk ends inside the two bytes of "é".
        events.AddRange(parser.Feed($$"""{"logs":[{"vertex":"sha256:aa","stream":1,"data":"{{Convert.ToBase64String(output[..4])}}"}]}"""));
        events.AddRange(parser.Feed($$"""{"logs":[{"vertex":"sha256:aa","stream":1,"data":"{{Convert.ToBase64String(output[4..])}}"}]}"""));
        events.AddRange(parser.Complete());

        Assert.Equal(["café 1", "done 100%", "no newline"], events.OfType<BuildEvent.StepLog>().Select(l => l.Line));
    }

    [Fact]
    public void A_failure_buildx_printed_no_error_line_for_is_reported_at_completion_without_a_line()
    {
        var parser = new BuildEventParser();
        var fed = parser.Feed("""{"vertexes":[{"digest":"sha256:aa","name":"[2/2] RUN x","started":"2026-12-03T08:42:22Z","completed":"2026-12-03T08:42:23Z","error":"exit code: 1"}]}""");

        Assert.Empty(fed);
        var failed = Assert.IsType<BuildEvent.StepFailed>(Assert.Single(parser.Complete()));
        Assert.Null(failed.Location);
        Assert.Same(failed, Assert.Single(parser.Failures));
    }

    [Fact]
    public void Lines_outside_the_json_are_output_and_kept_for_the_error_report()
    {
        var parser = new BuildEventParser();

        var output = Assert.IsType<BuildEvent.Output>(Assert.Single(parser.Feed("WARNING: No output specified with docker-container driver.")));

        Assert.Equal("WARNING: No output specified with docker-container driver.", output.Line);
        Assert.Empty(parser.Feed("   "));
        Assert.Equal(output.Line, parser.TextTail);
    }

    private static int IndexOf(IReadOnlyList<BuildEvent> events, BuildEvent e) => events.ToList().IndexOf(e);

    private static IEnumerable<BuildStep> StatesOf(IReadOnlyList<BuildEvent> events, string instructionStart) => events
        .Select(e => e switch
        {
            BuildEvent.StepCompleted c => c.Step,
            BuildEvent.StepCached c => c.Step,
            _ => null,
        })
        .OfType<BuildStep>()
        .Where(s => s.Instruction.StartsWith(instructionStart, StringComparison.Ordinal));
}
