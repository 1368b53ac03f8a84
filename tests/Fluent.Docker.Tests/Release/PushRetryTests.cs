using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Release;

/// <summary>Which failures are retried, how long it waits, and what it says when it gives up.</summary>
public class PushRetryTests
{
    private static BuildxException Failure(string tail, int? exitCode = 1) => new(exitCode, "docker buildx build …", tail);

    [Theory]
    [InlineData("ERROR: failed to push 127.0.0.1:5001/a:1: failed to do request: Put \"http://127.0.0.1:5001/v2/a/blobs/uploads/\": dial tcp 127.0.0.1:5001: connect: connection refused")]
    [InlineData("ERROR: failed to copy: read tcp 127.0.0.1:40000->127.0.0.1:5001: read: connection reset by peer")]
    [InlineData("ERROR: unexpected status from PUT request to http://r/v2/a/manifests/1: 503 Service Unavailable")]
    public void Registry_failures_are_transient(string tail) => Assert.True(PushRetry.IsTransient(Failure(tail)));

    [Theory]
    [InlineData("ERROR: failed to solve: process \"/bin/sh -c false\" did not complete successfully: exit code: 1")]
    [InlineData("ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory")]
    [InlineData("ERROR: failed to push r/a:1: unauthorized: authentication required")]
    public void Build_and_auth_failures_are_not_retried(string tail) => Assert.False(PushRetry.IsTransient(Failure(tail)));

    [Fact]
    public void A_failed_Dockerfile_step_is_never_retried_even_when_its_output_reads_like_a_registry_failure()
    {
        var step = BuildStep.FromVertex("sha256:aa", "[2/2] RUN curl http://r/") with { State = StepState.Failed };
        var failed = new BuildEvent.StepFailed(step, "process \"/bin/sh -c curl http://r/\" exited: connection refused", null, ["curl: (7) connection refused"]);

        Assert.False(PushRetry.IsTransient(new BuildxException(1, "docker buildx build …", "ERROR: failed to solve: connection refused", [failed])));
    }

    [Fact]
    public void The_export_steps_push_error_counts_as_a_registry_failure()
    {
        var export = BuildStep.FromVertex("sha256:bb", "exporting to image") with { State = StepState.Failed };
        var failed = new BuildEvent.StepFailed(export, "failed to push r/a:1: 502 Bad Gateway", null, []);

        Assert.True(PushRetry.IsTransient(new BuildxException(1, "docker buildx build …", "ERROR: failed to build", [failed])));
    }

    [Fact]
    public void Docker_that_did_not_start_is_not_retried() => Assert.False(PushRetry.IsTransient(Failure("connection refused", exitCode: null)));

    [Fact]
    public void Delays_double_from_the_initial_delay() =>
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], PushRetry.Default.Delays());

    [Fact]
    public async Task Retries_transient_failures_then_returns()
    {
        var log = new List<string>();
        var attempts = 0;
        var result = await new PushRetry(3, TimeSpan.FromMilliseconds(1)).RunAsync(number =>
        {
            attempts = number;
            return number < 3 ? throw Failure("ERROR: connection refused") : Task.FromResult("pushed");
        }, new Fluent.Docker.Tests.Build.SynchronousProgress(log), CancellationToken.None);

        Assert.Equal("pushed", result);
        Assert.Equal(3, attempts);
        Assert.Equal(2, log.Count(l => l.StartsWith("push attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Giving_up_says_nothing_was_tagged_and_keeps_buildxs_error()
    {
        var e = await Assert.ThrowsAsync<PushFailedException>(() =>
            new PushRetry(2, TimeSpan.FromMilliseconds(1)).RunAsync<int>(_ => throw Failure("ERROR: dial tcp: connection refused"), null, CancellationToken.None));

        Assert.Equal(2, e.Attempts);
        Assert.Contains("No tag was written", e.Message);
        Assert.Contains("the registry refused the push (dial tcp: connection refused)", e.Message);
        Assert.DoesNotContain('\n', e.Message); // one line: what happened, then the fix
    }

    [Fact]
    public async Task A_base_image_whose_registry_is_unreachable_fails_at_once_though_its_error_reads_connection_refused()
    {
        var attempts = 0;
        var parser = new BuildEventParser();
        foreach (var line in Fluent.Docker.Tests.Build.RawJsonCaptures.BaseUnreachable) parser.Feed(line);
        parser.Complete();
        var unreachable = new BuildxException(1, "docker buildx build …", parser.TextTail, parser.Failures);

        var e = await Assert.ThrowsAsync<BuildxException>(() => new PushRetry(4, TimeSpan.FromMilliseconds(1)).RunAsync<int>(_ =>
        {
            attempts++;
            throw unreachable;
        }, null, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(BuildFailureKind.BaseImageNotFound, e.Failure.Kind);
    }

    [Fact]
    public async Task A_build_failure_is_thrown_as_is_at_once()
    {
        var attempts = 0;
        await Assert.ThrowsAsync<BuildxException>(() => new PushRetry(5, TimeSpan.FromMilliseconds(1)).RunAsync<int>(_ =>
        {
            attempts++;
            throw Failure("ERROR: process did not complete successfully: exit code: 2");
        }, null, CancellationToken.None));
        Assert.Equal(1, attempts);
    }
}
