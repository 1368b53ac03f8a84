using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Packaging;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// What the installed tool prints when a build fails, against the real lab: a base image whose registry is unreachable
/// or whose tag does not exist, a base that lacks the platform asked for, a registry that refuses the push, a failing
/// RUN. Each is its own line with its fix (a failed step adds its last output lines, decoded); only the push is tried
/// again. Fails (never skips) without the lab.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolBuildErrorsE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    /// <summary>One image <c>cli-tests/errors</c> from <paramref name="from"/> whose RUN is <paramref name="run"/>.</summary>
    private static string Images(string from, string run) => $$"""
        using Fluent.Docker;

        public static class Images
        {
            public static ImageDefinition App { get; } = ImageDefinition.Create("cli-tests/errors", Dockerfile.Create(
                Stage.Named("app").From("{{from}}")
                    .Run("{{run.Replace("\"", "\\\"", StringComparison.Ordinal)}}")
                    .User(UserSpec.Id(10001, 10001))
                    .Cmd("true")));

            public static ImageDefinition[] All => [App];
        }
        """;

    /// <summary>Standard error from the first <c>error:</c> line on: what the tool says about the failure.</summary>
    private static string[] ErrorLines(ProcessRun run) =>
        [.. run.Error.Split('\n').SkipWhile(line => !line.StartsWith("error: ", StringComparison.Ordinal)).Where(line => line.Length > 0)];

    [Fact]
    public void A_base_whose_registry_is_unreachable_is_one_line_with_its_fix_and_is_not_retried_as_a_push()
    {
        // Nothing listens on this loopback port: resolving the base is refused. The build pushes to the lab registry.
        var repo = DefinitionsProcessTests.Repository(tool, "base-unreachable", Images("127.0.0.1:5999/busybox:1.36", "echo unreachable"));

        var build = tool.Run(repo, "build", "--registry", lab.Registry, "--tag", "unreachable-" + lab.RunId, "--push", "--platform", "linux/amd64");

        Assert.True(build.ExitCode == 4, build.ToString());
        Assert.Equal([
            "error: Dockerfile:1: base image 127.0.0.1:5999/busybox:1.36 could not be resolved: registry 127.0.0.1:5999 is unreachable "
            + "(dial tcp 127.0.0.1:5999: connect: connection refused). Fix: start the registry, or correct the registry host in FROM, then run again.",
        ], ErrorLines(build));
        Assert.DoesNotContain("push attempt", build.Error);
        Assert.DoesNotContain("\"vertexes\"", build.Error);
    }

    [Fact]
    public void A_base_tag_the_registry_does_not_have_is_not_found()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "base-not-found", Images($"{lab.Registry}/library/busybox:no-such-tag", "echo not-found"));

        var build = tool.Run(repo, "build", "--platform", "linux/amd64");

        Assert.True(build.ExitCode == 4, build.ToString());
        Assert.Equal([
            $"error: Dockerfile:1: base image {lab.Registry}/library/busybox:no-such-tag was not found: its registry has no such name or tag. "
            + "Fix: correct the image name or tag in FROM, or push that tag to the registry first.",
        ], ErrorLines(build));
    }

    [Fact]
    public void A_base_that_lacks_the_platform_asked_for_names_it()
    {
        // The lab's golang:1.24 is linux/amd64 only.
        var repo = DefinitionsProcessTests.Repository(tool, "base-platform", Images("golang:1.24", "go version"));

        var build = tool.Run(repo, "build", "--platform", "linux/arm64");

        Assert.True(build.ExitCode == 4, build.ToString());
        Assert.Equal([
            "error: Dockerfile:1: base image golang:1.24 has no linux/arm64 variant (no match for platform in manifest). Fix: build only for the platforms "
            + "the base offers (docker buildx imagetools inspect golang:1.24 lists them), or choose a base image that offers linux/arm64.",
        ], ErrorLines(build));
    }

    [Fact]
    public void A_push_the_registry_refuses_is_tried_again_then_is_one_line_naming_the_attempts()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "push-refused", Images("busybox:1.36", "echo pushed"));

        // Nothing listens on this loopback port: every push is refused, the way a registry that is down refuses it.
        var build = tool.Run(repo, "build", "--registry", "127.0.0.1:5999", "--tag", "refused", "--push", "--platform", "linux/amd64");

        const string Refusal = "registry 127.0.0.1:5999 refused the push of 127.0.0.1:5999/cli-tests/errors:refused (dial tcp 127.0.0.1:5999: connect: connection refused)";
        Assert.True(build.ExitCode == 4, build.ToString());
        Assert.Equal([
            $"warning: push attempt 1/4 failed ({Refusal}); retrying in 2 s",
            $"warning: push attempt 2/4 failed ({Refusal}); retrying in 4 s",
            $"warning: push attempt 3/4 failed ({Refusal}); retrying in 8 s",
        ], build.Error.Split('\n').Where(line => line.StartsWith("warning: push attempt", StringComparison.Ordinal)));
        Assert.Equal([
            $"error: The push failed after 4 attempt(s): {Refusal}. No tag was written: the index is tagged only after every platform's manifest is stored. "
            + "Fix: check that the registry is up, reachable and accepts pushes, then run again.",
        ], ErrorLines(build));
        Assert.DoesNotContain("   at ", build.Error);
    }

    [Fact]
    public void A_failing_RUN_prints_its_instruction_its_line_and_its_last_output_lines_and_verbose_adds_no_json()
    {
        const string Command = "echo compiling main.c && echo \"main.c:3: error: expected ';'\" && exit 7";
        var repo = DefinitionsProcessTests.Repository(tool, "run-fails", Images("busybox:1.36", Command));

        var build = tool.Run(repo, "build", "--platform", "linux/amd64");
        var verbose = tool.Run(repo, "build", "--platform", "linux/amd64", "--verbose");

        Assert.Equal(["FROM busybox:1.36 AS app", "RUN " + Command, "USER 10001:10001", "CMD [\"true\"]"], File.ReadAllLines(Path.Combine(repo, "Dockerfile")));
        Assert.True(build.ExitCode == 4, build.ToString());
        Assert.Equal([
            $"error: Dockerfile:2: RUN {Command} failed: exit code 7. Fix: make the command succeed; its last output lines say why it did not.",
            "  > compiling main.c",
            "  > main.c:3: error: expected ';'",
        ], ErrorLines(build));
        Assert.DoesNotContain("\"vertexes\"", build.Error);

        // --verbose adds buildx's text and the stack trace under the same lines, never the JSON stream.
        Assert.True(verbose.ExitCode == 4, verbose.ToString());
        Assert.Equal(ErrorLines(build), ErrorLines(verbose).Take(3));
        Assert.Contains("Command: docker buildx build", verbose.Error);
        Assert.DoesNotContain("\"vertexes\"", verbose.Error);
        Assert.DoesNotContain("\"statuses\"", verbose.Error);
    }
}
