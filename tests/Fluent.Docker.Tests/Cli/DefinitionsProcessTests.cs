namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// generate, --verify-no-changes and build --dry-run through the installed tool, on a definitions project that
/// <c>init</c> scaffolded (its project file and host restore the packed Fluent.Docker package) with an Images.cs
/// written on the core API. Each test builds the definitions once or twice with <c>dotnet run</c>.
/// </summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class DefinitionsProcessTests(InstalledTool tool)
{
    /// <summary>A busybox image for two platforms, with a secret mount so the dry run has something to redact.</summary>
    internal const string BusyboxImages = """
        using Fluent.Docker;

        public static class Images
        {
            public static ImageDefinition App { get; } = ImageDefinition.Create("cli-tests/hello", Dockerfile.Create(
                    Stage.Named("app").From("busybox:1.36")
                        .Workdir("/srv")
                        .Copy("hello.txt", "./")
                        .Run("test -s hello.txt", Mount.Secret(new SecretId("token")))
                        .User(UserSpec.Id(10001, 10001))
                        .Cmd("cat", "/srv/hello.txt")))
                .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);

            public static ImageDefinition[] All => [App];
        }
        """;

    /// <summary>A repository with hello.txt and a definitions project scaffolded by init, Images.cs replaced by <paramref name="images"/>.</summary>
    internal static string Repository(InstalledTool tool, string name, string images = BusyboxImages)
    {
        var repo = tool.NewRepository(name);
        File.WriteAllText(Path.Combine(repo, "index.html"), "<h1>hi</h1>\n");
        File.WriteAllText(Path.Combine(repo, "hello.txt"), "hello from fluent-docker\n");
        var init = tool.Run(repo, "init", "--yes");
        Assert.True(init.ExitCode == 0, init.ToString());
        File.WriteAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"), images);
        return repo;
    }

    [Fact]
    public void Generate_writes_the_files_and_verify_reports_stale_ones_with_a_diff()
    {
        var repo = Repository(tool, "generate");
        var expectedDockerfile = string.Join("\n",
            "FROM busybox:1.36 AS app", "WORKDIR /srv", "COPY hello.txt ./", "RUN --mount=type=secret,id=token test -s hello.txt",
            "USER 10001:10001", "CMD [\"cat\", \"/srv/hello.txt\"]", "");

        var generate = tool.Run(repo, "generate");
        var dockerfile = File.ReadAllText(Path.Combine(repo, "Dockerfile"));
        var fresh = tool.Run(repo, "generate", "--verify-no-changes");
        File.WriteAllText(Path.Combine(repo, "Dockerfile"), dockerfile.Replace("USER 10001:10001\n", "USER root\n"));
        File.Delete(Path.Combine(repo, ".dockerignore"));
        var stale = tool.Run(repo, "generate", "--verify-no-changes");

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Contains("cli-tests/hello: wrote Dockerfile, .dockerignore", generate.Output);
        Assert.Equal(expectedDockerfile, dockerfile);
        Assert.True(File.Exists(Path.Combine(repo, ".dockerignore")) || stale.ExitCode == 1);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.Contains("every generated file is up to date", fresh.Output);

        Assert.True(stale.ExitCode == 1, stale.ToString());
        Assert.Contains("--- Dockerfile (on disk)\n+++ Dockerfile (generated)\n", stale.Output);
        Assert.Contains("-USER root\n+USER 10001:10001\n", stale.Output);
        Assert.Contains("--- /dev/null\n+++ .dockerignore (generated)\n", stale.Output);
        Assert.Contains("error: 2 generated file(s) are stale. Fix: run 'fluent-docker generate'", stale.Error);
        // --verify-no-changes writes nothing.
        Assert.False(File.Exists(Path.Combine(repo, ".dockerignore")));
    }

    [Fact]
    public void Invalid_definitions_exit_2_and_a_project_that_does_not_compile_exits_4_with_details_under_verbose()
    {
        var repo = Repository(tool, "invalid", BusyboxImages.Replace("From(\"busybox:1.36\")", "From(\"Busybox:1.36\")"));

        var invalid = tool.Run(repo, "generate");
        File.WriteAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"), BusyboxImages.Replace("Dockerfile.Create(", "Dockerfile.Craete("));
        var broken = tool.Run(repo, "generate");
        var verbose = tool.Run(repo, "generate", "--verbose");

        Assert.True(invalid.ExitCode == 2, invalid.ToString());
        Assert.StartsWith("error: the image definitions in .fluent-docker/ are invalid:", invalid.Error);
        Assert.Contains("stage 'app' (#1)", invalid.Error);
        Assert.Contains("uppercase", invalid.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", invalid.Error);
        Assert.False(File.Exists(Path.Combine(repo, "Dockerfile")), "nothing is written when a definition is invalid");

        Assert.True(broken.ExitCode == 4, broken.ToString());
        Assert.StartsWith("error: the image-definitions project .fluent-docker/ does not build (1 error(s)):", broken.Error);
        Assert.Contains("CS0117", broken.Error);
        Assert.DoesNotContain("   at ", broken.Error);
        // --verbose: the whole output of dotnet run, then the stack trace.
        Assert.Equal(4, verbose.ExitCode);
        Assert.Contains("The build failed. Fix the build errors and run again.", verbose.Error);
        Assert.Contains("   at Fluent.Docker.Cli.", verbose.Error);
    }

    [Fact]
    public void Lint_of_the_definitions_runs_on_the_models_so_suppressions_made_in_csharp_hold()
    {
        var plain = Repository(tool, "lint-defs");
        var suppressed = Repository(tool, "lint-defs-suppressed", BusyboxImages.Replace(
            ".Cmd(\"cat\", \"/srv/hello.txt\")))", ".Cmd(\"cat\", \"/srv/hello.txt\").Suppress(\"FD0023\", \"the orchestrator probes it\")))"));

        var found = tool.Run(plain, "lint", "--fail-on", "info");
        var quiet = tool.Run(suppressed, "lint", "--fail-on", "info");

        Assert.True(found.ExitCode == 1, found.ToString());
        Assert.Equal("Dockerfile:1: info FD0023: The final stage 'app' has no HEALTHCHECK; add HEALTHCHECK (.Healthcheck(…)), or HEALTHCHECK NONE (Healthcheck.None) to say so on purpose [stage 'app' (#1) FROM]\n"
            + "Dockerfile: 0 error(s), 0 warning(s), 1 info, 0 suppressed\n", found.Output);
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal("Dockerfile: 0 error(s), 0 warning(s), 0 info, 1 suppressed\n", quiet.Output);
        Assert.False(File.Exists(Path.Combine(plain, "Dockerfile")), "lint writes nothing");
    }

    [Fact]
    public void Build_dry_run_prints_the_exact_buildx_command_without_writing_or_building()
    {
        var repo = Repository(tool, "dry-run");
        var secretValue = "s3cr3t-" + Guid.NewGuid().ToString("N");

        var run = tool.Run(repo,
            ["build", "--dry-run", "--registry", "127.0.0.1:5000", "--tag", "1.2.3", "--tag", "latest", "--push",
             "--secret", "id=token,env=CLI_TEST_TOKEN", "--build-arg", "VERSION=1.2.3"],
            new Dictionary<string, string> { ["CLI_TEST_TOKEN"] = secretValue, ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.True(run.ExitCode == 0, run.ToString());
        var context = repo;
        Assert.Equal(
            $"docker buildx build --file {Path.Combine(context, "Dockerfile")} --platform linux/amd64,linux/arm64 -t 127.0.0.1:5000/cli-tests/hello:1.2.3 "
            + "-t 127.0.0.1:5000/cli-tests/hello:latest --build-arg VERSION=1.2.3 --secret id=token,env=CLI_TEST_TOKEN --push --metadata-file '<metadata-file>' --progress=rawjson "
            + context + "\n",
            run.Output);
        Assert.DoesNotContain(secretValue, run.Output + run.Error);
        Assert.False(File.Exists(Path.Combine(repo, "Dockerfile")), "a dry run writes nothing");
    }
}
