namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// <c>build --engine buildah</c> through the installed tool: a model feature Buildah 1.28 lacks ends as one error naming
/// the profile and the fix before anything is built, and a dry run prints the exact <c>buildah build</c> command.
/// </summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolBuildahTests(InstalledTool tool)
{
    [Fact]
    public void Build_with_buildah_refuses_a_feature_the_profile_lacks_naming_the_profile_and_the_fix()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "buildah-refused", DefinitionsProcessTests.BusyboxImages.Replace(
            ".Cmd(\"cat\", \"/srv/hello.txt\")))",
            ".Healthcheck(Healthcheck.Exec(\"true\").WithStartInterval(TimeSpan.FromSeconds(2))).Cmd(\"cat\", \"/srv/hello.txt\")))"));

        var run = tool.Run(repo, ["build", "--engine", "buildah", "--dry-run"], new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: the Dockerfile model has 1 problem(s):\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Contains("cli-tests/hello: Buildah 1.28 does not support HEALTHCHECK --start-interval: fails: \"flag provided but not defined: -start-interval\". Fix: drop the start interval", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Build_dry_run_with_buildah_prints_the_exact_buildah_command()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "buildah-dry-run");

        var run = tool.Run(repo,
            ["build", "--engine", "buildah", "--dry-run", "--registry", "127.0.0.1:5000", "--tag", "1.2.3", "--push", "--secret", "id=token,env=CLI_TEST_TOKEN"],
            new Dictionary<string, string> { ["CLI_TEST_TOKEN"] = "never-printed", ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"buildah build --format docker --layers --identity-label=false --force-rm --file {Path.Combine(repo, "Dockerfile")} --platform linux/amd64,linux/arm64 "
            + "--manifest 127.0.0.1:5000/cli-tests/hello:1.2.3 --secret id=token,env=CLI_TEST_TOKEN " + repo + "\n",
            run.Output);
        Assert.DoesNotContain("never-printed", run.Output + run.Error);
    }
}
