using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// What kind of failure a buildx run was, read from real rawjson captured on the lab (RawJson/README.md): a base image
/// that cannot be resolved, a platform a base lacks, a push the registry refused, a failed step. Each is one line with
/// its fix, and only the push is retried.
/// </summary>
public class BuildFailureTests
{
    private static BuildxException Failure(IReadOnlyList<string> capture, bool bake = false, params Platform[] platforms)
    {
        var parser = new BuildEventParser(bake);
        foreach (var line in capture) parser.Feed(line);
        parser.Complete();
        return new BuildxException(1, "docker buildx build .", parser.TextTail, parser.Failures, platforms);
    }

    [Fact]
    public void A_base_whose_registry_is_unreachable_cannot_be_resolved_and_is_not_retried()
    {
        var failure = Failure(RawJsonCaptures.BaseUnreachable).Failure;

        Assert.Equal(BuildFailureKind.BaseImageNotFound, failure.Kind);
        Assert.Equal(("127.0.0.1:5999/busybox:1.36", new SourceLine("Dockerfile", 1)), (failure.Image, failure.Location));
        Assert.Equal("dial tcp 127.0.0.1:5999: connect: connection refused", failure.Reason);
        Assert.Equal("Dockerfile:1: base image 127.0.0.1:5999/busybox:1.36 could not be resolved: registry 127.0.0.1:5999 is unreachable "
            + "(dial tcp 127.0.0.1:5999: connect: connection refused). Fix: start the registry, or correct the registry host in FROM, then run again.",
            failure.ToString());
        Assert.False(failure.IsRetryable);
        Assert.False(PushRetry.IsTransient(Failure(RawJsonCaptures.BaseUnreachable)));
    }

    [Fact]
    public void A_tag_the_registry_does_not_have_is_not_found()
    {
        var failure = Failure(RawJsonCaptures.BaseTagNotFound).Failure;

        Assert.Equal(BuildFailureKind.BaseImageNotFound, failure.Kind);
        Assert.Equal("not found", failure.Reason);
        Assert.Equal("Dockerfile:1: base image 127.0.0.1:5000/library/busybox:no-such-tag was not found: its registry has no such name or tag. "
            + "Fix: correct the image name or tag in FROM, or push that tag to the registry first.", failure.ToString());
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public void A_Docker_Hub_base_is_named_as_the_Dockerfile_names_it()
    {
        var failure = Failure(RawJsonCaptures.BaseHubTagNotFound).Failure;

        Assert.Equal(BuildFailureKind.BaseImageNotFound, failure.Kind);
        Assert.Equal("busybox:0.0-no-such-tag", failure.Image); // BuildKit's vertex says docker.io/library/busybox:0.0-no-such-tag
        Assert.StartsWith("Dockerfile:1: base image busybox:0.0-no-such-tag was not found:", failure.ToString());
    }

    [Fact]
    public void A_base_without_the_platform_names_the_platform_the_single_platform_build_asked_for()
    {
        var failure = Failure(RawJsonCaptures.BasePlatformMissing, platforms: [Platform.LinuxArm64]).Failure;

        Assert.Equal(BuildFailureKind.BasePlatformMissing, failure.Kind);
        Assert.Equal((Platform.LinuxArm64, "golang:1.24"), (failure.Platform, failure.Image));
        Assert.Equal("Dockerfile:1: base image golang:1.24 has no linux/arm64 variant (no match for platform in manifest). Fix: build only for the platforms "
            + "the base offers (docker buildx imagetools inspect golang:1.24 lists them), or choose a base image that offers linux/arm64.", failure.ToString());
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public void In_a_multi_platform_build_the_failed_step_names_the_platform_and_the_canceled_one_is_not_the_failure()
    {
        var failure = Failure(RawJsonCaptures.BasePlatformMissingMulti, platforms: [Platform.LinuxAmd64, Platform.LinuxArm64]).Failure;

        Assert.Equal(BuildFailureKind.BasePlatformMissing, failure.Kind);
        Assert.Equal(Platform.LinuxArm64, failure.Platform);
        Assert.Equal(new SourceLine("Dockerfile", 1), failure.Location);
    }

    [Fact]
    public void Without_a_platform_in_the_step_or_a_single_one_asked_for_the_line_still_says_what_is_missing()
    {
        var failure = Failure(RawJsonCaptures.BasePlatformMissing).Failure;

        Assert.Null(failure.Platform);
        Assert.StartsWith("Dockerfile:1: base image golang:1.24 has no variant for the platform asked for (no match for platform in manifest). Fix:", failure.ToString());
    }

    [Fact]
    public void A_push_the_registry_refuses_is_the_one_failure_retried()
    {
        var error = Failure(RawJsonCaptures.PushRefused, platforms: [Platform.LinuxAmd64]);
        var failure = error.Failure;

        Assert.Equal(BuildFailureKind.PushRefused, failure.Kind);
        Assert.Equal("127.0.0.1:5999/caps/push:refused", failure.Image);
        Assert.Null(failure.Location);
        Assert.Equal("registry 127.0.0.1:5999 refused the push of 127.0.0.1:5999/caps/push:refused (dial tcp 127.0.0.1:5999: connect: connection refused). "
            + "Fix: check that the registry is up, reachable and accepts pushes, then run again.", failure.ToString());
        Assert.True(failure.IsRetryable);
        Assert.True(PushRetry.IsTransient(error));
    }

    [Fact]
    public void A_failed_RUN_names_its_instruction_line_and_exit_code_and_keeps_its_output()
    {
        var failure = Failure(RawJsonCaptures.FailingRun).Failure;

        Assert.Equal(BuildFailureKind.StepFailed, failure.Kind);
        Assert.Equal("exit code 3", failure.Reason);
        Assert.Equal(new SourceLine("Dockerfile", 4), failure.Location);
        Assert.Equal(["compiling app", "warning: something on stderr", "last words"], failure.Step?.LastOutput);
        Assert.Equal("""Dockerfile:4: RUN echo "compiling app" && echo "warning: something on stderr" >&2 && echo "last words" && exit 3 failed: exit code 3. """
            + "Fix: make the command succeed; its last output lines say why it did not.", failure.ToString());
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public void A_step_failed_on_one_platform_names_it()
    {
        var failure = Failure(RawJsonCaptures.MultiPlatformCanceled, platforms: [Platform.LinuxAmd64, Platform.LinuxArm64]).Failure;

        Assert.Equal(BuildFailureKind.StepFailed, failure.Kind);
        Assert.StartsWith("""Dockerfile:3: RUN if [ "$(uname -m)" = aarch64 ]; then echo "arm64 says no" >&2; exit 4; else sleep 8; fi failed on linux/arm64: exit code 4. Fix:""",
            failure.ToString());
    }

    [Fact]
    public void A_bake_targets_failed_step_is_a_step_failure()
    {
        var failure = Failure(RawJsonCaptures.BakeFailingTarget, bake: true).Failure;

        Assert.Equal(BuildFailureKind.StepFailed, failure.Kind);
        Assert.Equal(("exit code 5", new SourceLine("Dockerfile", 4)), (failure.Reason, failure.Location));
        Assert.Equal("two", failure.Step?.Step.Target);
    }

    // When buildx reports no failed vertex (a bake target's error, older output), its ERROR line alone decides.
    [Theory]
    [InlineData("ERROR: failed to build: failed to solve: 127.0.0.1:5999/busybox:1.36: failed to resolve source metadata for 127.0.0.1:5999/busybox:1.36: failed to do request: Head \"https://127.0.0.1:5999/v2/busybox/manifests/1.36\": dial tcp 127.0.0.1:5999: connect: connection refused",
        BuildFailureKind.BaseImageNotFound, "127.0.0.1:5999/busybox:1.36", "dial tcp 127.0.0.1:5999: connect: connection refused")]
    [InlineData("ERROR: failed to build: failed to solve: golang:1.24: failed to resolve source metadata for docker.io/library/golang:1.24: no match for platform in manifest: not found",
        BuildFailureKind.BasePlatformMissing, "golang:1.24", "no match for platform in manifest")]
    [InlineData("ERROR: failed to build: failed to solve: failed to push 127.0.0.1:5999/a:1: failed to do request: Head \"https://127.0.0.1:5999/v2/a/blobs/sha256:aa\": dial tcp 127.0.0.1:5999: connect: connection refused",
        BuildFailureKind.PushRefused, "127.0.0.1:5999/a:1", "dial tcp 127.0.0.1:5999: connect: connection refused")]
    [InlineData("ERROR: failed to solve: process \"/bin/sh -c false\" did not complete successfully: exit code: 1",
        BuildFailureKind.StepFailed, null, "exit code 1")]
    [InlineData("ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory",
        BuildFailureKind.Other, null, "failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory")]
    public void The_error_line_alone_is_classified(string errorLine, BuildFailureKind kind, string? image, string reason)
    {
        var failure = BuildFailure.Classify([], "Dockerfile:1\n--------------------\n" + errorLine + "\n");

        Assert.Equal((kind, image, reason), (failure.Kind, failure.Image, failure.Reason));
    }

    [Fact]
    public void A_refused_login_is_a_push_refusal_that_is_not_retried()
    {
        var failure = BuildFailure.Classify([], "ERROR: failed to push 127.0.0.1:5000/a:1: unauthorized: authentication required");

        Assert.Equal(BuildFailureKind.PushRefused, failure.Kind);
        Assert.False(failure.IsRetryable);
        Assert.Equal("registry 127.0.0.1:5000 refused the push of 127.0.0.1:5000/a:1: not authorized (unauthorized: authentication required). "
            + "Fix: log in with credentials that may push there (docker login 127.0.0.1:5000), then run again.", failure.ToString());
    }

    [Fact]
    public void The_exceptions_message_leads_with_the_line_and_its_fix_and_still_carries_buildxs_error_and_the_command()
    {
        var lines = Failure(RawJsonCaptures.BaseTagNotFound).Message.Split(Environment.NewLine);

        Assert.StartsWith("Dockerfile:1: base image 127.0.0.1:5000/library/busybox:no-such-tag was not found", lines[0]);
        Assert.StartsWith("docker buildx failed (exit code 1): ERROR: failed to build: failed to solve:", lines[1]);
        Assert.Contains("Command: docker buildx build .", lines);
        Assert.DoesNotContain(lines, line => line.Contains("\"vertexes\"", StringComparison.Ordinal));
    }
}
