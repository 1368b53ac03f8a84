using System.Text.Json;

namespace Fluent.Docker.Tests.Cli;

/// <summary><c>fluent-docker lint</c> as a process on Dockerfiles through the parser: text, JSON and SARIF, and <c>--fail-on</c>.</summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolLintTests(InstalledTool tool)
{
    private const string Sloppy = "FROM debian\nRUN cd /src && apt-get install curl\nCMD /app --serve\n";
    private const string Clean = "FROM busybox:1.36 AS app\nUSER 10001\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n";

    private string Repository()
    {
        var repo = tool.NewRepository("lint");
        File.WriteAllText(Path.Combine(repo, "Dockerfile"), Sloppy);
        File.WriteAllText(Path.Combine(repo, "clean.Dockerfile"), Clean);
        return repo;
    }

    [Fact]
    public void Text_lists_each_finding_at_its_line_and_fail_on_sets_the_exit_code()
    {
        var repo = Repository();

        var byDefault = tool.Run(repo, "lint");
        var onErrors = tool.Run(repo, "lint", "--fail-on", "error");
        var onInfo = tool.Run(repo, "lint", "clean.Dockerfile", "--fail-on", "info");

        Assert.Equal(1, byDefault.ExitCode); // warnings, and --fail-on defaults to warning
        Assert.Contains("Dockerfile:1: warning FD0001: Image 'debian' has no tag or digest", byDefault.Output);
        Assert.Contains("Dockerfile:2: warning FD0014: RUN changes directory with 'cd /src'", byDefault.Output);
        Assert.Contains("Dockerfile:3: warning FD0006: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals", byDefault.Output);
        Assert.EndsWith("Dockerfile: 0 error(s), 6 warning(s), 3 info, 0 suppressed\n", byDefault.Output);
        Assert.Equal("", byDefault.Error);
        Assert.Equal(0, onErrors.ExitCode);
        Assert.Equal(byDefault.Output, onErrors.Output);
        Assert.Equal(0, onInfo.ExitCode);
        Assert.Equal("clean.Dockerfile: 0 error(s), 0 warning(s), 0 info, 0 suppressed\n", onInfo.Output);
    }

    [Fact]
    public void Json_has_one_entry_per_file_with_rule_severity_and_line()
    {
        var run = tool.Run(Repository(), "lint", "Dockerfile", "clean.Dockerfile", "--format", "json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        var files = JsonDocument.Parse(run.Output).RootElement.GetProperty("files");
        Assert.Equal(["Dockerfile", "clean.Dockerfile"], files.EnumerateArray().Select(f => f.GetProperty("file").GetString()));
        var first = files[0].GetProperty("findings")[0];
        Assert.Equal(("FD0001", "warning", 1), (first.GetProperty("rule").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("line").GetInt32()));
        Assert.Equal(9, files[0].GetProperty("findings").GetArrayLength());
        Assert.Equal(0, files[1].GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Sarif_merges_every_file_into_one_run_whose_rule_indexes_match()
    {
        var repo = Repository();
        File.WriteAllText(Path.Combine(repo, "other.Dockerfile"), "FROM alpine:latest\nUSER 1000\nHEALTHCHECK NONE\nCMD [\"true\"]\n");

        var run = tool.Run(repo, "lint", "Dockerfile", "other.Dockerfile", "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        var log = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var sarifRun = Assert.Single(log.GetProperty("runs").EnumerateArray());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
        var uris = results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct();
        Assert.Equal(["Dockerfile", "other.Dockerfile"], uris.Order());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "FD0002"); // alpine:latest, from the second file
    }

    [Fact]
    public void Fix_rewrites_the_file_lists_each_fix_and_a_second_run_has_nothing_to_fix()
    {
        var repo = Repository();
        var path = Path.Combine(repo, "Dockerfile");

        var preview = tool.Run(repo, "lint", "--fix", "--dry-run", "Dockerfile");
        var unchangedByPreview = File.ReadAllText(path);
        var first = tool.Run(repo, "lint", "--fix", "Dockerfile");
        var second = tool.Run(repo, "lint", "--fix", "Dockerfile");

        Assert.Equal(Sloppy, unchangedByPreview);
        Assert.Contains("+++ Dockerfile (fixed)", preview.Output);
        Assert.Contains("+CMD [\"/app\", \"--serve\"]\n", preview.Output);
        Assert.Equal(
            "FROM debian\nRUN cd /src && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nCMD [\"/app\", \"--serve\"]\n",
            File.ReadAllText(path));
        Assert.Contains("Dockerfile:2: fixed FD0016: added -y to apt-get install\n", first.Output);
        Assert.Contains("Dockerfile:2: fixed FD0018: removed /var/lib/apt/lists at the end of the RUN\n", first.Output);
        Assert.Contains("Dockerfile:3: fixed FD0006: CMD in exec form\n", first.Output);
        Assert.Contains("Dockerfile:2: not fixed FD0014: the working directory before this RUN comes from the base image", first.Output);
        Assert.Contains("Dockerfile:2: warning FD0014: RUN changes directory with 'cd /src'", first.Output); // what remains is linted
        Assert.DoesNotContain("FD0006", first.Output.Split("fixed FD0006")[1]);
        Assert.Equal(1, first.ExitCode); // the remaining warnings decide, as in a plain lint
        Assert.Contains("Dockerfile: nothing to fix\n", second.Output);
        Assert.DoesNotContain(": fixed ", second.Output);
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Empty(Directory.GetFiles(repo, "*.tmp"));
    }
}
