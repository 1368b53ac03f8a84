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
        Assert.Equal("""Dockerfile:4: RUN echo "compiling app" && echo "warning: something on stderr" >&2 && echo "last words" && exit 3 failed: exit code 3. """
            + "Fix: make the command succeed; its last output lines say why it did not.", message);
        Assert.Equal(["> compiling app", "> warning: something on stderr", "> last words"], details);
    }

    [Fact]
    public void Each_kind_of_failure_is_one_line_with_its_fix_and_no_details()
    {
        foreach (var capture in new[] { RawJsonCaptures.BaseUnreachable, RawJsonCaptures.BaseTagNotFound, RawJsonCaptures.BasePlatformMissing, RawJsonCaptures.PushRefused })
        {
            var parser = new BuildEventParser();
            foreach (var line in capture) parser.Feed(line);
            parser.Complete();
            var failure = new BuildxException(1, "docker buildx build .", parser.TextTail, parser.Failures, [Platform.LinuxArm64]);

            var (code, message, details) = ErrorReport.Classify(failure);

            Assert.Equal(ExitCodes.StepFailed, code);
            Assert.Equal(failure.Failure.ToString(), message);
            Assert.Contains(". Fix: ", message);
            Assert.Empty(details);
        }
    }

    [Fact]
    public void A_push_given_up_on_is_one_line_naming_the_attempts_and_the_registry()
    {
        var parser = new BuildEventParser();
        foreach (var line in RawJsonCaptures.PushRefused) parser.Feed(line);
        parser.Complete();
        var last = new BuildxException(1, "docker buildx build .", parser.TextTail, parser.Failures);

        var (code, message, details) = ErrorReport.Classify(new Fluent.Docker.Release.PushFailedException(4, last));

        Assert.Equal(ExitCodes.StepFailed, code);
        Assert.Equal("The push failed after 4 attempt(s): registry 127.0.0.1:5999 refused the push of 127.0.0.1:5999/caps/push:refused "
            + "(dial tcp 127.0.0.1:5999: connect: connection refused). No tag was written: the index is tagged only after every platform's manifest is stored. "
            + "Fix: check that the registry is up, reachable and accepts pushes, then run again.", message);
        Assert.Empty(details);
    }

    [Fact]
    public void Docker_that_did_not_start_says_why()
    {
        var failure = new BuildxException(null, "docker buildx build .", "", new InvalidOperationException("'docker' could not be started: install the Docker CLI."));

        Assert.Equal("'docker' could not be started: install the Docker CLI.", ErrorReport.Classify(failure).Message);
    }
}
