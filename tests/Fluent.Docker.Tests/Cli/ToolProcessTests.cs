namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// The installed tool, run as a process: help, version, completion, and every usage error ending as one
/// <c>error:</c> line with exit code 2 and no stack trace. None of these need a definitions build or the engine.
/// </summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolProcessTests(InstalledTool tool)
{
    [Fact]
    public void Help_lists_every_command_and_the_exit_codes()
    {
        var run = tool.Run(tool.NewRepository("help"), "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "init", "generate", "lock", "lint", "import", "build", "inspect" })
            Assert.Matches($@"(?m)^\s+{command}\b", run.Output);
        Assert.Contains("Exit codes:", run.Output);
        Assert.Contains("2   usage or input error", run.Output);
        Assert.Contains("3   no Docker engine or buildx reachable", run.Output);
    }

    [Fact]
    public void Each_command_help_ends_with_the_exit_codes()
    {
        var run = tool.Run(tool.NewRepository("lint-help"), "lint", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--fail-on <error|warning|info|none>", run.Output);
        Assert.EndsWith("70  internal error (run with --verbose for the stack trace)", run.Output.TrimEnd());
    }

    [Fact]
    public void Version_is_the_version_the_package_was_packed_with()
    {
        var run = tool.Run(tool.NewRepository("version"), "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(tool.Version, run.Output.Trim());
    }

    [Fact]
    public void Completion_offers_the_templates_after_init_template()
    {
        // What dotnet-suggest asks the tool for when the user presses Tab after "init --template ".
        var line = "init --template ";
        var run = tool.Run(tool.NewRepository("suggest"), $"[suggest:{line.Length}]", line);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["dotnet", "go", "java", "node", "python", "static"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["bogus"], "Unrecognized command or argument 'bogus'" },
        { ["lint", "--format", "xml"], "Argument 'xml' not recognized" },
        { ["lint", "missing/Dockerfile"], "Dockerfile not found: missing/Dockerfile" },
        { ["lint"], "nothing to lint here" },
        { ["import", "nope.Dockerfile"], "Dockerfile not found: nope.Dockerfile" },
        { ["init", "--template", "cobol"], "unknown template 'cobol'. Fix: use one of dotnet, go, java, python, node, static." },
        { ["init", "--yes"], "no stack detected in this directory" },
        { ["init", "--yes", "--template", "go", "--name", "Not_A_Name"], "'Not_A_Name' is not an image repository name" },
        { ["init", "--yes", "--template", "go", "--platform", "linux/"], "Platform architecture '' must be non-empty" },
        { ["generate"], "no image definitions in .fluent-docker/. Fix: run 'fluent-docker init' first" },
        { ["build", "--dry-run", "--project", "nowhere"], "no image-definitions project (.csproj) in nowhere/" },
        { ["inspect"], "Required argument 'IMAGE' missing" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_exit_2_with_one_clear_line_and_no_stack_trace(string[] arguments, string expected)
    {
        var run = tool.Run(tool.NewRepository("usage"), arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public void Init_scaffolds_the_definitions_and_refuses_to_overwrite_without_force()
    {
        var repo = tool.NewRepository("init-once");
        File.WriteAllText(Path.Combine(repo, "index.html"), "<h1>hi</h1>\n");

        var first = tool.Run(repo, "init", "--yes", "--name", "team/site");
        var images = File.ReadAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"));
        var project = File.ReadAllText(Path.Combine(repo, ".fluent-docker", "Images.csproj"));
        var program = File.ReadAllText(Path.Combine(repo, ".fluent-docker", "Program.cs"));
        var second = tool.Run(repo, "init", "--yes");
        File.WriteAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"), "// edited by the user\n");
        var refused = tool.Run(repo, "init", "--yes");
        var afterRefusal = File.ReadAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"));
        var forced = tool.Run(repo, "init", "--yes", "--force", "--name", "team/site");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("created .fluent-docker/Images.cs", first.Output);
        Assert.Contains("StaticSiteTemplate.Create(\"team/site\", new StaticSiteOptions", images);
        Assert.Contains("Build = new StaticSiteBuild.Prebuilt(\".\"),", images);
        Assert.Contains($"<PackageReference Include=\"Fluent.Docker\" Version=\"{tool.Version}\" />", project);
        Assert.Contains("ImageDefinitionHost.Run(args, Images.All)", program);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains(".fluent-docker/Images.cs already exists. Fix: pass --force", second.Error);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("// edited by the user\n", afterRefusal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(images, File.ReadAllText(Path.Combine(repo, ".fluent-docker", "Images.cs")));
    }

    [Fact]
    public void A_malformed_dockerfile_is_reported_as_path_line_column()
    {
        var repo = tool.NewRepository("malformed");
        Directory.CreateDirectory(Path.Combine(repo, "api"));
        File.WriteAllText(Path.Combine(repo, "api", "Dockerfile"), "FROM busybox:1.36\nRUN true\nFORM scratch\n");

        var lint = tool.Run(repo, "lint", "api");
        var import = tool.Run(repo, "import", "api/Dockerfile");

        foreach (var run in new[] { lint, import })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Equal("error: api/Dockerfile:3:1: unknown instruction: FORM\n", run.Error);
        }
        // lint shows what it found before the stop, as BuildKit does; import writes nothing.
        Assert.Contains("api/Dockerfile:3: error FD2003: unknown instruction: FORM\n", lint.Output);
        Assert.Equal("", import.Output);
    }

    [Fact]
    public void No_reachable_engine_exits_3_with_one_line()
    {
        var repo = tool.NewRepository("no-engine");
        File.WriteAllText(Path.Combine(repo, "index.html"), "<h1>hi</h1>\n");
        Assert.Equal(0, tool.Run(repo, "init", "--yes").ExitCode);
        var unreachable = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" };

        var inspect = tool.Run(repo, ["inspect", "busybox:1.36"], unreachable);
        var build = tool.Run(repo, ["build"], unreachable);

        foreach (var run in new[] { inspect, build })
        {
            Assert.True(run.ExitCode == 3, run.ToString());
            Assert.StartsWith("error: no Docker engine reachable", run.Error);
            Assert.Contains("Fix: start Docker, or point DOCKER_HOST at a running engine.", run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
    }
}
