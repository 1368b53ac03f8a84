using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Reading buildx's plain progress: which steps ran, which came from the cache, how much context was sent.</summary>
public class BuildLogTests
{
    // Shaped like a real `docker buildx build --progress=plain` log of the python-api example (ids interleave, headers repeat).
    private static readonly string[] Rebuild =
    [
        "#0 building with \"default\" instance using docker driver",
        "#1 [internal] load build definition from Dockerfile",
        "#1 transferring dockerfile: 1.13kB done",
        "#1 DONE 0.0s",
        "#3 [internal] load .dockerignore",
        "#3 transferring context: 347B done",
        "#3 DONE 0.0s",
        "#5 [internal] load build context",
        "#5 transferring context: 1.2kB",
        "#5 transferring context: 34.09MB 0.4s done",
        "#5 DONE 0.5s",
        "#6 [deps 4/5] RUN --mount=type=cache,target=/root/.cache/pip pip --python /opt/venv/bin/python install -r requirements.txt",
        "#6 CACHED",
        "#7 [runtime 5/5] COPY . .",
        "#8 [linux/arm64 build 6/6] RUN go build -o /out/app .",
        "#7 DONE 0.1s",
        "#8 0.512 compiling",
        "#8 ERROR: process \"/bin/sh -c go build\" did not complete successfully: exit code: 1",
        "#7 [runtime 5/5] COPY . .",
        "#9 exporting to image",
    ];

    [Fact]
    public void Steps_keep_their_first_order_label_text_and_outcome()
    {
        var log = BuildLog.Parse(Rebuild);

        Assert.Equal([1, 3, 5, 6, 7, 8, 9], log.Steps.Select(s => s.Vertex));
        var install = Assert.Single(log.StepsRunning("pip --python"));
        Assert.Equal(("deps 4/5", BuildStepStatus.Cached, false), (install.Label, install.Status, install.Ran));
        var copy = log.Steps.Single(s => s.Text == "COPY . .");
        Assert.Equal(("runtime 5/5", BuildStepStatus.Done, TimeSpan.FromSeconds(0.1), true), (copy.Label, copy.Status, copy.Duration, copy.Ran));
        var compile = Assert.Single(log.StepsRunning("go build"));
        Assert.Equal(("linux/arm64 build 6/6", BuildStepStatus.Error, true), (compile.Label, compile.Status, compile.Ran));
        Assert.Equal(BuildStepStatus.Unknown, log.Steps.Single(s => s.Vertex == 9).Status);
    }

    [Fact]
    public void Context_bytes_are_the_final_total_of_the_build_context_not_the_ignore_file()
    {
        Assert.Equal(34_090_000, BuildLog.Parse(Rebuild).ContextBytes);
    }

    [Theory]
    [InlineData("68B", 68)]
    [InlineData("1.80kB", 1_800)]
    [InlineData("5.25MB", 5_250_000)]
    [InlineData("1.5GB", 1_500_000_000)]
    public void Context_sizes_use_decimal_units_as_buildx_prints_them(string size, long bytes)
    {
        var log = BuildLog.Parse(["#4 [internal] load build context", $"#4 transferring context: {size} 0.1s done", "#4 DONE 0.1s"]);

        Assert.Equal(bytes, log.ContextBytes);
    }

    [Fact]
    public void A_log_without_a_context_transfer_has_no_context_bytes()
    {
        Assert.Null(BuildLog.Parse(["#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s"]).ContextBytes);
    }

    [Fact]
    public void Recorder_keeps_lines_in_order_and_passes_them_on()
    {
        var forwarded = new List<string>();
        var recorder = new BuildLogRecorder(new SynchronousProgress(forwarded));

        foreach (var line in Rebuild) recorder.Report(line);

        Assert.Equal(Rebuild, recorder.Lines);
        Assert.Equal(Rebuild, forwarded);
        Assert.Equal(7, recorder.Log.Steps.Count);
    }

    private sealed class SynchronousProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
