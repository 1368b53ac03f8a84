using Fluent.Docker.Display;

namespace Fluent.Docker.Tests.Display;

/// <summary>rawjson progress: reassembling buildx's indented JSON, folding it into per-platform steps, the plain CI log.</summary>
public class BuildProgressTests
{
    // What buildx 0.13 prints with --progress=rawjson: indented SolveStatus objects, one line at a time.
    private static IEnumerable<string> Lines(string json) => json.Replace("\r", "").Split('\n');

    private const string Started = """
        {
          "vertexes": [
            {
              "digest": "sha256:aa",
              "name": "[linux/arm64 2/3] RUN echo \"{not a brace}\" \u003e /x",
              "started": "2026-11-22T19:28:23.100Z"
            }
          ]
        }
        """;

    private const string Completed = """
        {
          "vertexes": [
            {
              "digest": "sha256:aa",
              "name": "[linux/arm64 2/3] RUN echo \"{not a brace}\" \u003e /x",
              "started": "2026-11-22T19:28:23.100Z",
              "completed": "2026-11-22T19:28:24.600Z"
            },
            {
              "digest": "sha256:bb",
              "name": "[linux/amd64 3/3] COPY app /app",
              "started": "2026-11-22T19:28:23.000Z",
              "completed": "2026-11-22T19:28:23.000Z",
              "cached": true
            }
          ],
          "logs": [ { "vertex": "sha256:aa", "stream": 1, "data": "aGVsbG8K", "timestamp": "2026-11-22T19:28:24Z" } ]
        }
        """;

    [Fact]
    public void ReaderReturnsNothingUntilTheObjectCloses()
    {
        var reader = new SolveStatusReader();
        var items = Lines(Started).Select(reader.Feed).ToList();

        Assert.All(items.SkipLast(1), Assert.Null);
        var status = Assert.IsType<SolveStatusItem.Status>(items[^1]).Value;
        Assert.Equal("[linux/arm64 2/3] RUN echo \"{not a brace}\" > /x", Assert.Single(status.Vertexes).Name); // braces inside strings do not count
    }

    [Fact]
    public void ReaderPassesPlainLinesThrough()
    {
        var reader = new SolveStatusReader();
        Assert.Equal("ERROR: failed to solve: boom", Assert.IsType<SolveStatusItem.Text>(reader.Feed("ERROR: failed to solve: boom")).Line);
        Assert.Null(reader.Feed("   "));
    }

    [Fact]
    public void StatusDecodesRunOutput()
    {
        var reader = new SolveStatusReader();
        var status = Lines(Completed).Select(reader.Feed).OfType<SolveStatusItem.Status>().Single().Value;
        Assert.Equal(["hello"], status.Logs);
        Assert.True(status.Vertexes[1].Cached);
    }

    [Theory]
    [InlineData("[linux/amd64 2/3] RUN make", "linux/amd64", 2, 3, "RUN make")]
    [InlineData("[linux/arm64 build 4/5] COPY *.go ./", "linux/arm64", 4, 5, "COPY *.go ./")]
    [InlineData("[linux/amd64->arm64 build 5/5] RUN go build", "linux/arm64", 5, 5, "RUN go build")]
    [InlineData("[linux/amd64->arm/v7 build 1/2] RUN x", "linux/arm/v7", 1, 2, "RUN x")]
    [InlineData("[linux/amd64 internal] load metadata for docker.io/library/busybox:1.36", "linux/amd64", null, null, "load metadata for docker.io/library/busybox:1.36")]
    [InlineData("[internal] load .dockerignore", null, null, null, "load .dockerignore")]
    [InlineData("exporting to image", null, null, null, "exporting to image")]
    public void StepNamesGivePlatformIndexTotalAndInstruction(string name, string? platform, int? index, int? total, string instruction)
    {
        var step = BuildProgressTracker.Describe(new SolveVertex("d", name, null, null, false, null), StepState.Running, null);
        Assert.Equal((platform, index, total, instruction), (step.Platform, step.Index, step.Total, step.Instruction));
    }

    [Fact]
    public void TrackerCountsFinishedStepsPerPlatformAndReportsOnlyChanges()
    {
        var reader = new SolveStatusReader();
        var tracker = new BuildProgressTracker();
        var statuses = Lines(Started).Concat(Lines(Completed)).Select(reader.Feed).OfType<SolveStatusItem.Status>().Select(s => s.Value).ToList();

        var first = tracker.Apply(statuses[0]);
        var second = tracker.Apply(statuses[1]);
        var again = tracker.Apply(statuses[1]);

        Assert.Equal(StepState.Running, Assert.Single(first).State);
        Assert.Equal([StepState.Done, StepState.Cached], second.Select(s => s.State));
        Assert.Empty(again);
        Assert.Equal((1, 3), tracker.ProgressOf("linux/arm64"));
        Assert.Equal(["linux/arm64", "linux/amd64"], tracker.Platforms);
        Assert.Equal(TimeSpan.FromSeconds(1.5), second[0].Duration);
    }

    [Fact]
    public void PlainLogWritesOneLinePerStepChange()
    {
        var lines = new List<string>();
        var log = new BuildProgressDisplay.PlainStepLog(lines.Add);

        foreach (var line in Lines(Started).Concat(Lines(Completed)).Append("ERROR: something")) log.Report(line);

        Assert.Equal([
            "[linux/arm64] 2/3 RUN echo \"{not a brace}\" > /x …",
            "[linux/arm64] 2/3 RUN echo \"{not a brace}\" > /x done 1.5s",
            "[linux/amd64] 3/3 COPY app /app CACHED",
            "ERROR: something",
        ], lines);
    }

    [Fact]
    public void FailedStepIsMarkedError()
    {
        var step = BuildProgressTracker.Describe(new SolveVertex("d", "[linux/amd64 2/2] RUN false", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false, "exit code: 1"), StepState.Failed, TimeSpan.Zero);
        Assert.EndsWith("RUN false ERROR", step.ToString());
    }
}
