namespace Fluent.Docker.Tests.Cli;

/// <summary><c>fluent-docker fmt</c> as a process: <c>--check</c> names what is not formatted, fmt rewrites it, a second check passes.</summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolFmtTests(InstalledTool tool)
{
    private const string Sloppy =
        "FROM debian:bookworm-slim\n" +
        "RUN apt-get update   &&   apt-get install -y --no-install-recommends ca-certificates curl git gnupg jq openssh-client unzip xz-utils && rm -rf /var/lib/apt/lists/*\n";

    [Fact]
    public void Check_names_an_unformatted_file_fmt_rewrites_it_and_a_second_check_passes()
    {
        var repo = tool.NewRepository("fmt");
        var path = Path.Combine(repo, "Dockerfile");
        File.WriteAllText(path, Sloppy);

        var check = tool.Run(repo, "fmt", "--check");
        var untouched = File.ReadAllText(path);
        var fmt = tool.Run(repo, "fmt", "Dockerfile");
        var formatted = File.ReadAllText(path);
        var again = tool.Run(repo, "fmt", "--check", "Dockerfile");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("Dockerfile: not formatted", check.Output);
        Assert.Contains("1 file(s) are not formatted", check.Error);
        Assert.Equal(Sloppy, untouched);
        Assert.Equal(0, fmt.ExitCode);
        Assert.Equal(Dockerfile.Format(Sloppy), formatted);
        Assert.Contains("    && apt-get install -y --no-install-recommends \\\n        ca-certificates \\\n", formatted);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("every file is formatted", again.Output);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_named_with_its_line_and_nothing_is_written()
    {
        var repo = tool.NewRepository("fmt-bad");
        var good = Path.Combine(repo, "good.Dockerfile");
        var bad = Path.Combine(repo, "bad.Dockerfile");
        File.WriteAllText(good, Sloppy);
        File.WriteAllText(bad, "FROM busybox:1.36\nRUN echo a\nCOPY\n");

        var run = tool.Run(repo, "fmt", "good.Dockerfile", "bad.Dockerfile");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.Dockerfile:3:", run.Error);
        Assert.Equal(Sloppy, File.ReadAllText(good));
    }
}
