using Fluent.Docker.Linting;
using static Fluent.Docker.Tests.Linting.LintKit;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The rules about FROM lines and whole stages, each both ways.</summary>
public class StageLintRuleTests
{
    [Fact]
    public void FD0001_reports_an_image_without_tag_or_digest()
    {
        var finding = Assert.Single(Findings(Stage.Named("app").From("debian"), "FD0001"));
        Assert.Equal(0, finding.Location.InstructionNumber);
        Assert.Equal("FROM", finding.Location.Keyword);
        Assert.Equal(1, finding.Location.Line);
        Assert.Contains("'debian'", finding.Message);
    }

    [Fact]
    public void FD0001_quiet_for_a_tag_a_digest_or_scratch()
    {
        Assert.Empty(Findings(Stage.Named("app").From("debian:12-slim"), "FD0001"));
        Assert.Empty(Findings(Stage.Named("app").From("debian@sha256:" + new string('a', 64)), "FD0001"));
        Assert.Empty(Findings(Stage.Named("app").FromScratch(), "FD0001"));
    }

    [Fact]
    public void FD0002_reports_the_latest_tag() =>
        Assert.Contains("'debian:latest'", Assert.Single(Findings(Stage.Named("app").From("debian:latest"), "FD0002")).Message);

    [Fact]
    public void FD0002_quiet_for_a_version_tag() => Assert.Empty(Findings(Stage.Named("app").From("debian:12"), "FD0002"));

    [Fact]
    public void FD0007_reports_a_constant_platform()
    {
        var finding = Assert.Single(Findings(Stage.Named("app").FromScratch(Platform.LinuxArm64), "FD0007"));
        Assert.Contains("linux/arm64", finding.Message);
    }

    [Fact]
    public void FD0007_quiet_for_automatic_platforms_and_stages_named_after_the_platform()
    {
        Assert.Empty(Findings(Stage.Named("app").FromScratch(Platform.BuildPlatform), "FD0007"));
        Assert.Empty(Findings(Stage.Named("runtime-arm64").FromScratch(Platform.LinuxArm64), "FD0007"));
        Assert.Empty(Findings(Stage.Named("linux").FromScratch(Platform.LinuxAmd64), "FD0007"));
    }

    [Fact]
    public void FD0008_reports_a_stage_name_that_is_not_lowercase() =>
        Assert.Equal("Stage name 'Build' should be lowercase", Assert.Single(Findings(Stage.Named("Build").FromScratch(), "FD0008")).Message);

    [Fact]
    public void FD0008_quiet_for_lowercase_names() => Assert.Empty(Findings(Stage.Named("build-2").FromScratch(), "FD0008"));

    [Fact]
    public void FD0009_reports_reserved_names()
    {
        var file = Dockerfile.Create(Stage.Named("scratch").FromScratch(), Stage.Named("context").FromScratch());
        Assert.Equal([0, 1], Findings(file, "FD0009").Select(f => f.Location.StageIndex!.Value));
    }

    [Fact]
    public void FD0009_quiet_for_other_names() => Assert.Empty(Findings(Stage.Named("scratchpad").FromScratch(), "FD0009"));

    [Fact]
    public void FD0010_reports_the_second_stage_of_a_name()
    {
        var file = Dockerfile.Create(Stage.Named("b").FromScratch(), Stage.Named("B").FromScratch());
        var finding = Assert.Single(Findings(file, "FD0010"));
        Assert.Equal(1, finding.Location.StageIndex);
        Assert.Equal("Duplicate stage name \"b\", stage names should be unique", finding.Message);
    }

    [Fact]
    public void FD0010_quiet_for_distinct_names() =>
        Assert.Empty(Findings(Dockerfile.Create(Stage.Named("b1").FromScratch(), Stage.Named("b2").FromScratch()), "FD0010"));

    [Fact]
    public void FD0011_reports_a_final_root_user_set_in_the_stage_it_builds_on()
    {
        var based = Stage.Named("base").From("debian:12").User("root");
        var final = Stage.Named("app").From(based).Run("true");
        var finding = Assert.Single(Findings(Dockerfile.Create(based, final), "FD0011"));
        Assert.Equal(0, finding.Location.StageIndex);
        Assert.Equal("USER", finding.Location.Keyword);
        Assert.Contains("'app'", finding.Message);
    }

    [Fact]
    public void FD0011_quiet_when_the_last_user_is_not_root()
    {
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").User("root").Run("make").User("app"), "FD0011"));
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").User("rootless"), "FD0011"));
    }

    [Fact]
    public void FD0011_reports_uid_0_with_a_group() =>
        Assert.Single(Findings(Stage.Named("app").From("debian:12").User(UserSpec.Id(0, 0)), "FD0011"));

    [Fact]
    public void FD0012_reports_a_final_stage_without_user() =>
        Assert.Equal(0, Assert.Single(Findings(Stage.Named("app").From("debian:12"), "FD0012")).Location.InstructionNumber);

    [Fact]
    public void FD0012_quiet_with_a_user_or_a_nonroot_base()
    {
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").User(UserSpec.Id(10001)), "FD0012"));
        Assert.Empty(Findings(Stage.Named("app").From("gcr.io/distroless/static:nonroot"), "FD0012"));
    }

    [Fact]
    public void FD0022_reports_copy_from_a_later_stage()
    {
        var later = Stage.Named("later").FromScratch();
        var early = Stage.Named("early").FromScratch().CopyFrom(later, "/a", "/b");
        var finding = Assert.Single(Findings(Dockerfile.Create(early, later), "FD0022"));
        Assert.Equal((0, 1), (finding.Location.StageIndex, finding.Location.InstructionNumber));
    }

    [Fact]
    public void FD0022_quiet_for_an_earlier_stage()
    {
        var build = Stage.Named("build").FromScratch();
        Assert.Empty(Findings(Dockerfile.Create(build, Stage.Named("app").FromScratch().CopyFrom(build, "/a", "/b")), "FD0022"));
    }

    [Fact]
    public void FD0023_reports_a_final_stage_without_healthcheck()
    {
        var finding = Assert.Single(Findings(Stage.Named("app").From("debian:12"), "FD0023"));
        Assert.Equal(ProblemSeverity.Info, finding.Severity);
    }

    [Fact]
    public void FD0023_quiet_with_a_healthcheck_or_an_explicit_none_in_the_chain()
    {
        var based = Stage.Named("base").From("debian:12").Healthcheck(Healthcheck.Exec("/probe"));
        Assert.Empty(Findings(Dockerfile.Create(based, Stage.Named("app").From(based)), "FD0023"));
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").Healthcheck(Healthcheck.None), "FD0023"));
    }

    [Fact]
    public void FD0107_reports_the_cmd_entrypoint_and_healthcheck_that_are_replaced()
    {
        var stage = Stage.Named("app").FromScratch()
            .Entrypoint("/a").Cmd("/a").Healthcheck(Healthcheck.Exec("/a"))
            .Entrypoint("/b").Cmd("/b").Healthcheck(Healthcheck.Exec("/b"));
        Assert.Equal([1, 2, 3], Findings(stage, "FD0107").Select(f => f.Location.InstructionNumber!.Value));
    }

    [Fact]
    public void FD0107_quiet_when_a_stage_replaces_its_parents()
    {
        var a = Stage.Named("a").FromScratch().Entrypoint("/a").Cmd("/a");
        Assert.Empty(Findings(Dockerfile.Create(a, Stage.Named("b").From(a).Entrypoint("/b").Cmd("/b")), "FD0107"));
    }

    [Fact]
    public void FD0109_reports_target_platform() =>
        Assert.Single(Findings(Stage.Named("app").FromScratch(Platform.TargetPlatform), "FD0109"));

    [Fact]
    public void FD0109_quiet_for_build_platform() => Assert.Empty(Findings(Stage.Named("app").FromScratch(Platform.BuildPlatform), "FD0109"));

    [Fact]
    public void FD0024_reports_a_dotnet_sdk_build_stage_that_runs_on_the_target()
    {
        var build = Stage.Named("build").From("mcr.microsoft.com/dotnet/sdk:10.0").Run("dotnet publish -o /out");
        var app = Stage.Named("app").From("mcr.microsoft.com/dotnet/aspnet:10.0").CopyFrom(build, "/out", "/app").Quiet();

        var finding = Assert.Single(Findings(Dockerfile.Create(build, app), "FD0024"));

        Assert.Equal(ProblemSeverity.Error, finding.Severity);
        Assert.Equal("Stage 'build' runs the .NET SDK image 'mcr.microsoft.com/dotnet/sdk:10.0' on the target platform; for another architecture that is the SDK under emulation", finding.Message);
    }

    [Fact]
    public void FD0024_reports_a_read_dockerfile_whose_sdk_stage_has_a_constant_platform()
    {
        var text = "FROM --platform=linux/arm64 127.0.0.1:5000/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /out\nFROM 127.0.0.1:5000/dotnet/aspnet:10.0\nCOPY --from=build /out /app\n";

        Assert.Single(Linter.LintText(text).Diagnostics, d => d.Code == "FD0024");
    }

    [Fact]
    public void FD0024_quiet_on_the_build_platform_and_for_a_final_sdk_stage()
    {
        var build = Stage.Named("build").From("mcr.microsoft.com/dotnet/sdk:10.0", Platform.BuildPlatform).Run("dotnet publish -o /out");
        var app = Stage.Named("app").From("mcr.microsoft.com/dotnet/aspnet:10.0").CopyFrom(build, "/out", "/app").Quiet();

        Assert.Empty(Findings(Dockerfile.Create(build, app), "FD0024"));
        Assert.Empty(Findings(Stage.Named("naive").From("mcr.microsoft.com/dotnet/sdk:10.0").Quiet(), "FD0024"));
        Assert.DoesNotContain(Linter.LintText("FROM --platform=${BUILDPLATFORM} mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM busybox:1.36\n").Diagnostics, d => d.Code == "FD0024");
    }
}
