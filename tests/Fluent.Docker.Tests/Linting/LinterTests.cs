using Fluent.Docker.Linting;
using static Fluent.Docker.Tests.Linting.LintKit;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The engine: locations and lines, severities, suppressions, check directives, build scope, text output.</summary>
public class LinterTests
{
    private static Stage Cd => Stage.Named("app").From("debian:12").Run("cd /src && make").Quiet();

    [Fact]
    public void Diagnostics_point_at_stage_instruction_and_the_emitted_line()
    {
        var build = Stage.Named("build").From("golang:1.22").Run("echo ok");
        var file = Dockerfile.Create(build, Cd).WithGlobalArg(new BuildArg("X", "1"));
        var finding = Assert.Single(Linter.Lint(file).Diagnostics, d => d.Code == "FD0014");
        Assert.Equal(("app", 1, 1, "RUN"), (finding.Location.Stage, finding.Location.StageIndex, finding.Location.InstructionNumber, finding.Location.Keyword));
        // ARG X=1, blank, FROM build, RUN, blank, FROM app, RUN: line 7 of what Emit() writes.
        Assert.Equal("RUN cd /src && make", file.Emit().Split('\n')[finding.Location.Line!.Value - 1]);
        Assert.Equal("Dockerfile:7: warning FD0014: RUN changes directory with 'cd /src'; use WORKDIR (.Workdir(…)) [stage 'app' (#2), instruction 1 RUN]", finding.Format("Dockerfile"));
    }

    [Fact]
    public void Report_text_lists_each_diagnostic_and_a_count_line()
    {
        var text = Linter.Lint(Dockerfile.Create(Cd)).ToText("api.Dockerfile");
        Assert.Equal(
            "api.Dockerfile:2: warning FD0014: RUN changes directory with 'cd /src'; use WORKDIR (.Workdir(…)) [stage 'app' (#1), instruction 1 RUN]\n" +
            "api.Dockerfile: 0 error(s), 1 warning(s), 0 info, 0 suppressed\n", text);
    }

    [Fact]
    public void Severity_override_and_disable_apply_by_id_check_or_hadolint_name()
    {
        var file = Dockerfile.Create(Cd);
        Assert.Equal(ProblemSeverity.Error, Assert.Single(Findings(file, "FD0014", LintOptions.Default.WithSeverity("DL3003", ProblemSeverity.Error))).Severity);
        Assert.True(Linter.Lint(file, LintOptions.Default.WithSeverity("FD0014", ProblemSeverity.Error)).HasErrors);
        Assert.Empty(Findings(file, "FD0014", LintOptions.Default.Disable("FD0014")));
    }

    [Fact]
    public void Unknown_rule_names_are_a_typed_error()
    {
        var error = Assert.Throws<DockerValueException>(() => LintOptions.Default.WithSeverity("DL9999", ProblemSeverity.Info));
        Assert.Contains("'DL9999' names no lint rule", error.Problem.Message);
    }

    [Fact]
    public void Stage_suppression_needs_a_justification_and_keeps_it_for_the_report()
    {
        var error = Assert.Throws<DockerValueException>(() => Cd.Suppress("FD0014", " "));
        Assert.Contains("no justification", error.Problem.Message);

        var report = Linter.Lint(Dockerfile.Create(Cd.Suppress("DL3003", "make needs the source directory as cwd")));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "FD0014");
        var suppressed = Assert.Single(report.Suppressed);
        Assert.Equal(("FD0014", "make needs the source directory as cwd"), (suppressed.Code, suppressed.SuppressedBecause));
    }

    [Fact]
    public void Stage_suppression_covers_only_that_stage()
    {
        var other = Stage.Named("other").From("debian:12").Run("cd /x && ls").Suppress("FD0014", "legacy script");
        var report = Linter.Lint(Dockerfile.Create(other, Cd));
        Assert.Equal(1, Assert.Single(report.Diagnostics, d => d.Code == "FD0014").Location.StageIndex);
        Assert.Equal(0, Assert.Single(report.Suppressed).Location.StageIndex);
    }

    [Fact]
    public void File_and_option_suppressions_cover_every_stage()
    {
        Assert.Empty(Findings(Dockerfile.Create(Cd).Suppress("FD0014", "reviewed"), "FD0014"));
        Assert.Empty(Findings(Dockerfile.Create(Cd), "FD0014", LintOptions.Default.Suppress("FD0014", "reviewed")));
    }

    [Fact]
    public void Check_directive_skips_buildkit_checks_by_name_and_all_of_them_with_all()
    {
        var stage = Stage.Named("app").From("debian:12").CmdShell("run").Run("cd /x && ls");
        Assert.Empty(Findings(Dockerfile.Create(stage).WithChecks(new CheckDirective { Skip = ["JSONArgsRecommended"] }), "FD0006"));
        var all = Linter.Lint(Dockerfile.Create(stage).WithChecks(new CheckDirective { SkipAll = true }));
        Assert.DoesNotContain(all.Diagnostics, d => d.Rule().BuildKitCheck is not null);
        Assert.Contains(all.Diagnostics, d => d.Code == "FD0014"); // not a BuildKit check: the directive is not about it
    }

    [Fact]
    public void Check_directive_error_true_makes_buildkit_checks_errors()
    {
        var file = Dockerfile.Create(Stage.Named("app").From("debian:12").CmdShell("run").Quiet()).WithChecks(new CheckDirective { Error = true });
        Assert.Equal(ProblemSeverity.Error, Assert.Single(Findings(file, "FD0006")).Severity);
    }

    [Fact]
    public void The_check_build_argument_replaces_the_files_directive()
    {
        var file = Dockerfile.Create(Stage.Named("app").From("debian:12").CmdShell("run").Quiet()).WithChecks(new CheckDirective { SkipAll = true });
        var options = LintOptions.Default.WithBuildArg(LintOptions.CheckBuildArg, "skip=StageNameCasing;error=true");
        Assert.Equal(ProblemSeverity.Error, Assert.Single(Findings(file, "FD0006", options)).Severity);
    }

    [Fact]
    public void A_check_comment_above_an_instruction_skips_it_there_only_for_a_frontend_that_knows_such_comments()
    {
        var builtin = Dockerfile.Create(Stage.Named("app").FromScratch().Env("password", "a").Env("secret", "b"));
        var source = new DockerfileSource
        {
            Froms = [new SourceInstruction(2) { Keyword = "FROM" }],
            Instructions = [[new SourceInstruction(4) { Keyword = "ENV", Comments = ["check=skip=SecretsUsedInArgOrEnv // allow secret in environment"] }, new SourceInstruction(5) { Keyword = "ENV" }]],
        };
        foreach (var knows in new[] { BuilderProfile.DockerfileFrontend("1.20"), BuilderProfile.DockerfileFrontend("1"), BuilderProfile.CustomFrontend("docker/dockerfile-upstream:master") })
            Assert.Equal(5, Assert.Single(FindingsWithSource(builtin.WithFrontend(knows), source, "FD0003")).Location.Line);
        // Docker 28's builtin frontend (Dockerfile 1.19) and 1.19 read it as a plain comment (measured on the lab).
        Assert.Equal([4, 5], FindingsWithSource(builtin, source, "FD0003").Select(f => f.Location.Line ?? 0));
        Assert.Equal([4, 5], FindingsWithSource(builtin.WithFrontend(BuilderProfile.DockerfileFrontend("1.19")), source, "FD0003").Select(f => f.Location.Line ?? 0));
    }

    [Fact]
    public void Build_scope_leaves_out_build_time_findings_of_stages_the_target_does_not_need()
    {
        var a = Stage.Named("a").FromScratch();
        var b = Stage.Named("b").From(a).Copy(Expandable.Variable("foo"), ".");
        var c = Stage.Named("c").From(a).Copy(Expandable.Variable("bar"), ".");
        var file = Dockerfile.Create(a, b, c);
        Assert.Equal(2, Findings(file, "FD0106").Count);
        Assert.Equal(2, Assert.Single(Findings(file, "FD0106", LintOptions.Default.WithScope(LintScope.Build()))).Location.StageIndex);
        Assert.Equal(1, Assert.Single(Findings(file, "FD0106", LintOptions.Default.WithScope(LintScope.Build("b")))).Location.StageIndex);
    }

    [Fact]
    public void Build_scope_keeps_read_time_findings_everywhere_and_follows_copy_from()
    {
        var odd = Stage.Named("Odd").FromScratch().Copy(Expandable.Variable("x"), ".");
        var app = Stage.Named("app").FromScratch().CopyFrom(odd, "/a", "/b");
        var options = LintOptions.Default.WithScope(LintScope.Build());
        var report = Linter.Lint(Dockerfile.Create(odd, Stage.Named("unused").FromScratch().Copy(Expandable.Variable("y"), "."), app), options);
        Assert.Single(report.Diagnostics, d => d.Code == "FD0008");
        Assert.Equal(0, Assert.Single(report.Diagnostics, d => d.Code == "FD0106").Location.StageIndex);
    }

    [Fact]
    public void Every_rule_is_found_once_with_its_catalogue_metadata()
    {
        Assert.Equal(Linter.Rules.Count, Linter.Rules.Select(r => r.Id).Distinct().Count());
        var cd = Assert.Single(Linter.Rules, r => r.Id == "FD0014");
        Assert.Equal(("Use WORKDIR instead of cd", "DL3003", null, ProblemSeverity.Warning), (cd.Title, cd.HadolintRule, cd.BuildKitCheck, cd.DefaultSeverity));
        Assert.EndsWith("/docs/rules/FD0014.md", cd.HelpLink);
    }
}
