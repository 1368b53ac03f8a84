using Fluent.Docker.Analyzers;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>Rules that read the shell text of a constant RUN.</summary>
public class RunRuleTests
{
    [Fact]
    public Task FD0013_sudo() => VerifyAsync<RunSudoAnalyzer>("""
        var s = someStage.Run({|FD0013:"sudo make install"|}).Run({|FD0013:"make && sudo -E make install"|});
        """);

    [Fact]
    public Task FD0013_quiet_without_sudo_as_a_command() => VerifyAsync<RunSudoAnalyzer>("""
        var s = someStage.Run("echo sudo").Run("apt-get install -y --no-install-recommends gosu");
        """);

    [Fact]
    public Task FD0014_cd() => VerifyAsync<RunCdAnalyzer>("""
        var s = someStage.Run({|FD0014:"cd /src && make"|}).Run({|FD0014:"make -C x; cd build"|});
        """);

    [Fact]
    public Task FD0014_quiet_for_scripts_and_other_commands() => VerifyAsync<RunCdAnalyzer>("""
        var s = someStage.Run("make -C /src").Run("echo 'cd /x'").RunScript("cd /src\nmake\n");
        """);

    [Fact]
    public Task FD0015_apt() => VerifyAsync<RunAptAnalyzer>("""
        var s = someStage.Run({|FD0015:"apt update && apt install -y curl"|}).Run({|FD0015:"sudo apt install -y curl"|});
        """);

    [Fact]
    public Task FD0015_quiet_for_apt_get_and_apt_as_an_argument() => VerifyAsync<RunAptAnalyzer>("""
        var s = someStage.Run("apt-get update").Run("echo apt").Run("apt-cache policy curl");
        """);

    [Fact]
    public Task FD0016_apt_get_install_without_yes() => VerifyAsync<AptGetInstallWithoutYesAnalyzer>("""
        var s = someStage
            .Run({|FD0016:"apt-get update && apt-get install curl"|})
            .RunScript({|FD0016:"apt-get update\napt-get install --no-install-recommends curl\n"|});
        """);

    [Fact]
    public Task FD0016_quiet_with_any_yes_spelling() => VerifyAsync<AptGetInstallWithoutYesAnalyzer>("""
        var s = someStage
            .Run("apt-get install -y curl")
            .Run("apt-get install --yes curl")
            .Run("apt-get -qq install curl")
            .Run("apt-get install -qy curl")
            .Run("apt-get --assume-yes install curl")
            .Run("apt-get update");
        """);

    [Fact]
    public Task FD0017_apt_get_install_without_no_install_recommends() => VerifyAsync<AptGetInstallRecommendsAnalyzer>("""
        var s = someStage.Run({|FD0017:"apt-get install -y curl"|});
        """);

    [Fact]
    public Task FD0017_quiet_with_no_install_recommends_or_the_apt_option() => VerifyAsync<AptGetInstallRecommendsAnalyzer>("""
        var s = someStage
            .Run("apt-get install -y --no-install-recommends curl")
            .Run("apt-get -o APT::Install-Recommends=false install -y curl")
            .Run("apt-get remove -y curl");
        """);

    [Fact]
    public Task FD0018_apt_lists_kept() => VerifyAsync<AptListsNotCleanedAnalyzer>("""
        var s = someStage
            .Run({|FD0018:"apt-get update && apt-get install -y --no-install-recommends curl"|})
            .Run({|FD0018:"apt-get install -y curl"|}, Mount.Cache("/root/.cache"));
        """);

    [Fact]
    public Task FD0018_quiet_with_cleanup_or_a_cache_mount_on_the_lists() => VerifyAsync<AptListsNotCleanedAnalyzer>("""
        var target = Environment.GetEnvironmentVariable("T") ?? "/x";
        var s = someStage
            .Run("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")
            .Run("apt-get update && apt-get install -y curl", Mount.Cache("/var/lib/apt/lists", sharing: CacheSharing.Locked))
            .Run("apt-get install -y curl", Mount.Tmpfs("/var/lib/apt"))
            .Run("apt-get install -y curl", Mount.Cache(target))
            .Run("apt-get update");
        """);

    [Fact]
    public Task FD0019_pipe_without_pipefail() => VerifyAsync<PipeWithoutPipefailAnalyzer>("""
        var s = someStage
            .Run({|FD0019:"curl -fsSL https://example.com/x.tgz | tar -xz"|})
            .Run({|FD0019:"make || true; ls | wc -l; set -o pipefail"|});
        """);

    [Fact]
    public Task FD0019_quiet_with_pipefail_a_shell_or_no_pipe() => VerifyAsync<PipeWithoutPipefailAnalyzer>("""
        var s = Stage.Named("a").From("debian:12")
            .Run("set -o pipefail && curl -fsSL https://example.com/x.tgz | tar -xz")
            .Run("set -euo pipefail; ls | wc -l")
            .Run("make || echo failed")
            .Run("echo 'a | b'")
            .Run("echo $(ls | wc -l)");
        var t = Stage.Named("b").From("debian:12").Shell("/bin/bash", "-o", "pipefail", "-c").Run("ls | wc -l");
        """);
}
