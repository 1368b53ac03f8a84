using Fluent.Docker.Analyzers;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>Rules on single calls: WORKDIR, CMD/ENTRYPOINT form, FROM platform, stage names, ADD, ports.</summary>
public class StageRuleTests
{
    [Fact]
    public Task FD0005_relative_workdir_literal() => VerifyAsync<RelativeWorkdirAnalyzer>("""
        const string Dir = "src/app";
        var s = someStage.Workdir({|FD0005:"app"|}).Workdir({|FD0005:Dir|}).Workdir({|FD0005:"./out"|});
        """);

    [Fact]
    public Task FD0005_quiet_for_absolute_and_computed_paths() => VerifyAsync<RelativeWorkdirAnalyzer>("""
        var version = new BuildArg("VERSION");
        var computed = Environment.CurrentDirectory;
        var s = someStage.Workdir("/app").Workdir($"/opt/app-{version}").Workdir(computed);
        """);

    [Fact]
    public Task FD0006_shell_form_CMD_and_ENTRYPOINT() => VerifyAsync<ShellFormCommandAnalyzer>("""
        var s = someStage.{|FD0006:CmdShell|}("npm start").{|FD0006:EntrypointShell|}("exec /app \"$@\"");
        """);

    [Fact]
    public Task FD0006_quiet_for_exec_form_and_when_the_stage_sets_a_shell() => VerifyAsync<ShellFormCommandAnalyzer>("""
        var a = Stage.Named("a").From("alpine:3.20").Cmd("npm", "start").Entrypoint("/app");
        var b = Stage.Named("b").From("mcr.microsoft.com/powershell:7.4-ubuntu-22.04").Shell("pwsh", "-Command").CmdShell("Get-Date");
        """);

    [Fact]
    public Task FD0007_constant_FROM_platform() => VerifyAsync<ConstantFromPlatformAnalyzer>("""
        var a = Stage.Named("build").From("golang:1.23", {|FD0007:Platform.LinuxAmd64|});
        var b = Stage.Named("runtime").FromScratch({|FD0007:Platform.Parse("linux/arm64")|});
        var c = Stage.Named("tools").From("alpine:3.20", {|FD0007:Platform.Of("linux", "riscv64")|});
        """);

    [Fact]
    public Task FD0007_quiet_for_automatic_platforms_and_platform_named_stages() => VerifyAsync<ConstantFromPlatformAnalyzer>("""
        var a = Stage.Named("build").From("golang:1.23", Platform.BuildPlatform);
        var b = Stage.Named("build-arm64").From("golang:1.23", Platform.LinuxArm64);
        var c = Stage.Named("runtime").From("alpine:3.20");
        var d = Stage.Named("x").From("alpine:3.20", Platform.Parse("$BUILDPLATFORM"));
        """);

    [Fact]
    public Task FD0008_stage_name_not_lowercase() => VerifyAsync<StageNameCasingAnalyzer>("""
        var a = Stage.Named({|FD0008:"Build"|}).From("golang:1.23");
        var b = Stage.Named({|FD0008:"RUNTIME"|}).FromScratch();
        """);

    [Fact]
    public Task FD0008_quiet_for_lowercase_and_computed_names() => VerifyAsync<StageNameCasingAnalyzer>("""
        var name = Environment.MachineName;
        var a = Stage.Named("build-1.0_x").From("golang:1.23");
        var b = Stage.Named(name).FromScratch();
        var c = Stage.Unnamed().FromScratch();
        """);

    [Fact]
    public Task FD0009_reserved_stage_names() => VerifyAsync<ReservedStageNameAnalyzer>("""
        var a = Stage.Named({|FD0009:"scratch"|}).From("alpine:3.20");
        var b = Stage.Named({|FD0009:"context"|}).From("alpine:3.20");
        """);

    [Fact]
    public Task FD0009_quiet_for_other_names() => VerifyAsync<ReservedStageNameAnalyzer>("""
        var a = Stage.Named("scratchpad").From("alpine:3.20");
        var b = Stage.Named("build-context").FromScratch();
        """);

    [Fact]
    public Task FD0020_ADD_of_a_local_path() => VerifyAsync<AddLocalPathAnalyzer>("""
        var s = someStage
            .Add(new AddSource.Local({|FD0020:"app.jar"|}), "/app/")
            .Add(new AddSource.Local({|FD0020:"config/"|}), "/etc/app/");
        """);

    [Fact]
    public Task FD0020_quiet_for_archives_urls_and_git() => VerifyAsync<AddLocalPathAnalyzer>("""
        var s = someStage
            .Add(new AddSource.Local("rootfs.tar.gz"), "/")
            .Add(new AddSource.Local("dist.TGZ"), "/opt/")
            .Add(new AddSource.Url(new Uri("https://example.com/tool"), "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), "/usr/local/bin/tool")
            .Add(new AddSource.Git("https://github.com/org/repo.git", "v1.0"), "/src");
        """);

    [Fact]
    public Task FD0021_port_out_of_range() => VerifyAsync<PortOutOfRangeAnalyzer>("""
        var s = someStage.Expose({|FD0021:0|}, 8080, {|FD0021:70000|});
        var p = new Port({|FD0021:-1|});
        var q = Port.Udp({|FD0021:65536|});
        """);

    [Fact]
    public Task FD0021_quiet_for_valid_and_computed_ports() => VerifyAsync<PortOutOfRangeAnalyzer>("""
        var n = Environment.ProcessorCount;
        var s = someStage.Expose(1, 8080, 65535, n);
        var p = Port.Sctp(9000);
        """);
}
