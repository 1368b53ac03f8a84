using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Linting;

/// <summary>Linting Dockerfile text: lines, how the text was written, where BuildKit would stop, and FD0110 (ARGs in FROM).</summary>
public class TextLintTests
{
    private static IReadOnlyList<Problem> Findings(string text, string id, LintOptions? options = null) =>
        Linter.LintText(text, options).Diagnostics.Where(d => d.Code == id).ToList();

    [Fact]
    public void FD0110_reports_a_from_that_the_arg_defaults_leave_invalid()
    {
        var finding = Assert.Single(Findings("ARG VERSION\nFROM busybox:$VERSION\n", "FD0110"));
        Assert.Equal((2, 0), (finding.Location.Line, finding.Location.InstructionNumber));
        Assert.Equal("Default value for ARG busybox:$VERSION results in empty or invalid base image name", finding.Message);
        Assert.Single(Findings("ARG IMAGE\nFROM $IMAGE\n", "FD0110"));
    }

    [Fact]
    public void FD0110_quiet_when_defaults_give_a_valid_image_or_a_stage()
    {
        Assert.Empty(Findings("ARG VERSION=1.36\nFROM busybox:${VERSION}\n", "FD0110"));
        Assert.Empty(Findings("ARG V=\"\"\nFROM busybox:stable${V}\n", "FD0110"));
        Assert.Empty(Findings("ARG DEBUG=\"\"\nFROM scratch${DEBUG-@bogus}\n", "FD0110"));
        Assert.Empty(Findings("FROM alpine:3.20 AS base-linux\nARG\u0020X\nFROM scratch\nARG OS=linux\n", "FD0110"));
    }

    [Theory]
    [InlineData("ARG FLAVOR=${TARGETARCH}\nFROM busybox:1.36-${FLAVOR}\n")]
    [InlineData("ARG FLAVOR=${TARGETARCH}\nFROM busybox:${FLAVOR}\n")]
    [InlineData("ARG OS=$TARGETOS\nARG IMAGE=busybox:${OS}\nFROM ${IMAGE}\n")]
    [InlineData("ARG PLATFORM=${BUILDPLATFORM}\nFROM --platform=${PLATFORM} busybox:1.36\n")]
    public void Global_arg_defaults_read_the_automatic_platform_args_as_BuildKit_does(string text)
    {
        // BuildKit evaluates global ARG defaults with TARGETARCH, BUILDPLATFORM… in scope and reports nothing here (issue 13).
        var checks = Linter.LintText(text).Diagnostics.Where(d => d.Rule().BuildKitCheck is not null);
        Assert.Empty(checks.Select(d => $"{d.Code}@{d.Location.Line}: {d.Message}"));
    }

    [Fact]
    public void FD0110_still_reports_a_default_that_reads_an_undefined_variable()
    {
        // BuildKit: `ARG FLAVOR=${NOPE}` gives FLAVOR "", so `busybox:${FLAVOR}` is `busybox:` (InvalidDefaultArgInFrom)…
        var finding = Assert.Single(Findings("ARG FLAVOR=${NOPE}\nFROM busybox:${FLAVOR}\n", "FD0110"));
        Assert.Equal("Default value for ARG busybox:${FLAVOR} results in empty or invalid base image name", finding.Message);
        // …and `busybox:1.36-` is still a valid reference, so BuildKit reports nothing for it.
        Assert.Empty(Findings("ARG FLAVOR=${NOPE}\nFROM busybox:1.36-${FLAVOR}\n", "FD0110"));
    }

    [Fact]
    public void FD0110_reports_a_model_from_with_a_global_arg_without_default()
    {
        var version = new BuildArg("VERSION");
        var file = Dockerfile.Create(Stage.Named("app").FromExpanded($"busybox:{version}")).WithGlobalArg(version);
        Assert.Single(Linter.Lint(file).Diagnostics, d => d.Code == "FD0110");
        Assert.DoesNotContain(Linter.Lint(file.WithGlobalArg(version.WithDefault("1.36"))).Diagnostics, d => d.Code == "FD0110");
    }

    [Fact]
    public void Text_lint_reports_lines_and_casing_as_written()
    {
        var report = Linter.LintText("# syntax=docker/dockerfile:1\nFROM alpine:3.20 as Build\nrun cd /src\n");
        Assert.Equal(
            ["FD0008@2", "FD0101@2", "FD0014@3", "FD0103@3"],
            report.Diagnostics.Where(d => d.Code is "FD0008" or "FD0101" or "FD0103" or "FD0014").Select(d => $"{d.Code}@{d.Location.Line}"));
    }

    [Fact]
    public void Text_lint_keeps_the_findings_before_where_BuildKit_stops()
    {
        var report = Linter.LintText("\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\nBADCMD\n");
        Assert.Equal(["FD0008@2", "FD0104@3"], report.Diagnostics.Where(d => d.Rule().BuildKitCheck is not null).Select(d => $"{d.Code}@{d.Location.Line}"));
        Assert.Equal((4, "unknown instruction: BADCMD"), (report.ReadProblem!.Location.Line, report.ReadProblem.Message));
        Assert.True(report.HasErrors);
        Assert.Contains("\nDockerfile:4: error FD2003: unknown instruction: BADCMD\n", report.ToText());
    }

    [Fact]
    public void Text_the_parser_cannot_read_is_a_located_parse_error() =>
        Assert.Equal(1, Assert.Throws<DockerfileParseException>(() => Linter.LintText("")).Line);

    [Fact]
    public void Duplicate_stage_names_and_relative_workdirs_are_read_for_the_lint()
    {
        var report = Linter.LintText("FROM scratch AS b\nWORKDIR app/\nFROM scratch AS b\n");
        Assert.Equal(["FD0005@2", "FD0010@3"], report.Diagnostics.Where(d => d.Code is "FD0005" or "FD0010").Select(d => $"{d.Code}@{d.Location.Line}"));
        Assert.Null(report.ReadProblem);
    }
}
