using Fluent.Docker.Build;
using Fluent.Docker.Cli;
using Fluent.Docker.Tests.Build;

namespace Fluent.Docker.Tests.Cli;

/// <summary>How the tool reports a failed build: buildx's error line, then the failed step as the event stream decoded it.</summary>
public class ErrorReportTests
{
    [Fact]
    public void A_failed_build_names_the_step_its_line_and_its_last_output_not_the_json()
    {
        var parser = new BuildEventParser();
        foreach (var line in RawJsonCaptures.FailingRun) parser.Feed(line);
        parser.Complete();
        var failure = new BuildxException(1, "docker buildx build .", parser.TextTail, parser.Failures);

        var (code, message, details) = ErrorReport.Classify(failure);

        Assert.Equal(ExitCodes.StepFailed, code);
        Assert.StartsWith("buildx failed (exit 1): ERROR: failed to build: failed to solve: process", message);
        Assert.StartsWith("[4/4] RUN echo \"compiling app\"", details[0]);
        Assert.Contains("ERROR at Dockerfile:4: process", details[0]);
        Assert.Equal(["  > compiling app", "  > warning: something on stderr", "  > last words"], details.Skip(1));
    }

    [Fact]
    public void Docker_that_did_not_start_says_why()
    {
        var failure = new BuildxException(null, "docker buildx build .", "", new InvalidOperationException("'docker' could not be started: install the Docker CLI."));

        Assert.Equal("'docker' could not be started: install the Docker CLI.", ErrorReport.Classify(failure).Message);
    }
}
