using System.Collections.Concurrent;
using Fluent.Docker.Build;
using Fluent.Docker.Conformance;
using Fluent.Docker.Conformance.Differential;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.Engine;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// <c>lint --fix</c> against the lab engine: BuildKit reads every fixed file (the corpora's and the seed), reports none of
/// the fixed checks the fixer claims to have cleared, and the fixed seed builds and runs; the lab fact behind the
/// pipefail fix (Debian 12's dash refuses <c>set -o pipefail</c>) is checked where it is decided.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class DockerfileFixerE2ETests(DockerLabFixture lab, ITestOutputHelper output)
{
    [Fact]
    public async Task BuildKit_reads_every_fixed_corpus_file_and_no_longer_reports_the_checks_fixed()
    {
        var cases = CheckCases.All(Corpora.FindRoot()).Where(c => c.Origin is CheckCaseOrigin.Corpus or CheckCaseOrigin.Example).ToList();
        var fixedCases = new List<(CheckCase Original, CheckCase Fixed, DockerfileFixResult Result)>();
        foreach (var item in cases)
        {
            DockerfileFixResult result;
            try { result = DockerfileFixer.Fix(item.Text); }
            catch (Fluent.Docker.Parsing.DockerfileParseException) { continue; } // not even the parser reads it: nothing to fix
            if (result.Changed) fixedCases.Add((item, item with { Name = item.Name + ".fixed", Text = result.Text }, result));
        }
        output.WriteLine($"{fixedCases.Count} of {cases.Count} files have fixes ({fixedCases.Sum(f => f.Result.Applied.Count)} fixes)");
        Assert.True(fixedCases.Count >= 20, $"only {fixedCases.Count} corpus files had fixable findings: the corpus or the fixer changed");

        var checker = new BuildKitChecker(lab.Buildx, Directory.CreateDirectory(Path.Combine(lab.WorkDirectory, "fix-check")).FullName);
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(fixedCases, new ParallelOptions { MaxDegreeOfParallelism = BuildKitCheckDifferential.Concurrency }, async (pair, token) =>
        {
            var before = await checker.CheckAsync(pair.Original, token);
            var after = await checker.CheckAsync(pair.Fixed, token);
            // BuildKit stops on the fixed file only where it stopped on the original, with the same error; under
            // "# check=error=true" the fixed file may fail on fewer rules than the original, never on another one.
            if (after.Error is { } error && error.Message != before.Error?.Message && !FewerViolations(before.Error?.Message, error.Message))
                failures.Add($"{pair.Original.Name}: BuildKit fails on the fixed file: {error.Message}");
            // A check whose findings were fixed is not reported more often than the fixer says it remains.
            foreach (var rule in pair.Result.Applied.Select(f => f.RuleId).Distinct())
            {
                if (Linter.Rules.FirstOrDefault(r => r.Id == rule)?.BuildKitCheck is not { } check) continue;
                var reported = after.Warnings.Count(w => w.RuleName == check);
                var remaining = pair.Result.Remaining.Diagnostics.Count(d => d.Code == rule);
                if (reported > remaining)
                    failures.Add($"{pair.Original.Name}: BuildKit still reports {check} {reported} time(s) after the fix, the fixer says {remaining}");
            }
        });
        Assert.Empty(failures.Order(StringComparer.Ordinal));
    }

    private const string LintViolation = "lint violation found for rules: ";

    /// <summary>Both are BuildKit's "lint violation found for rules: …" and the fixed file's rules are some of the original's.</summary>
    private static bool FewerViolations(string? original, string fixedMessage)
    {
        if (original is null || !original.StartsWith(LintViolation, StringComparison.Ordinal) || !fixedMessage.StartsWith(LintViolation, StringComparison.Ordinal))
            return false;
        static HashSet<string> Rules(string message) => [.. message[LintViolation.Length..].Split(',').Select(r => r.Trim())];
        return Rules(fixedMessage).IsSubsetOf(Rules(original));
    }

    [Fact]
    public async Task Debian_12_dash_refuses_pipefail_and_busybox_ash_accepts_it()
    {
        // The fixer's choice (BaseImageShells): a bash SHELL on Debian bases, "set -o pipefail &&" on BusyBox.
        var dash = await ExternalCommand.RunAsync("docker", ["run", "--rm", "debian:bookworm-slim", "sh", "-c", "set -o pipefail && echo ok"]);
        var ash = await ExternalCommand.RunAsync("docker", ["run", "--rm", "busybox:1.36", "sh", "-c", "set -o pipefail && false | true"]);

        Assert.Equal(2, dash.ExitCode);
        Assert.Contains("Illegal option -o pipefail", dash.Error, StringComparison.Ordinal);
        Assert.Equal(1, ash.ExitCode); // pipefail on: the failing left side decides
    }

    [Fact]
    public async Task The_fixed_seed_dockerfile_builds_and_its_piped_run_ran_under_bash_with_pipefail()
    {
        var fixedText = DockerfileFixer.Fix(DockerfileFixerTests.Seed).Text;
        Assert.Equal(DockerfileFixerTests.FixedSeed, fixedText);
        var context = Directory.CreateDirectory(Path.Combine(lab.WorkDirectory, "fix-seed")).FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), fixedText);
        await File.WriteAllTextAsync(Path.Combine(context, "package.json"), "{ \"name\": \"seed\", \"version\": \"1.0.0\", \"private\": true }\n");
        Directory.CreateDirectory(Path.Combine(context, "web"));
        await File.WriteAllTextAsync(Path.Combine(context, "web", "package.json"),
            "{ \"name\": \"web\", \"version\": \"1.0.0\", \"private\": true, \"scripts\": { \"build\": \"mkdir -p dist && echo seed > dist/index.html\" } }\n");
        var tag = $"fluent-tests/fix-seed:{lab.RunId}";
        lab.RemoveAtEnd(tag);

        var build = await ExternalCommand.RunAsync("docker", ["buildx", "build", "--load", "--progress=plain", "-t", tag, context]);
        Assert.True(build.ExitCode == 0, build.Error);
        var run = await ExternalCommand.RunAsync("docker", ["run", "--rm", "--entrypoint", "cat", tag, "/srv/app/VERSION", "/srv/app/public/index.html"]);
        var config = await ExternalCommand.RunAsync("docker", ["image", "inspect", "--format", "{{json .Config.Cmd}} {{.Config.WorkingDir}} {{json .Config.Shell}}", tag]);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^Python 3\.\d+\.\d+\nseed\n$", run.Output);
        Assert.Equal("[\"python3\",\"-m\",\"http.server\",\"8080\"] /srv/app [\"/bin/bash\",\"-o\",\"pipefail\",\"-c\"]\n", config.Output);
        // The apt lists are gone from the final image, as the fix asked.
        var lists = await ExternalCommand.RunAsync("docker", ["run", "--rm", "--entrypoint", "sh", tag, "-c", "ls /var/lib/apt/lists | wc -l"]);
        Assert.Equal("0\n", lists.Output);
    }
}
