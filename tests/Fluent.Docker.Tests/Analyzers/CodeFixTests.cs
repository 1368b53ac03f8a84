using Fluent.Docker.Analyzers;
using Fluent.Docker.Analyzers.CodeFixes;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>Each code fix: the diagnostic before, the exact code after, and no diagnostic left.</summary>
public class CodeFixTests
{
    [Fact]
    public Task FD0014_cd_becomes_Workdir() => VerifyFixAsync<RunCdAnalyzer, CdToWorkdirCodeFixProvider>(
        """
        var s = someStage
            .Run({|FD0014:"cd /src && make && make install"|}, Mount.Cache("/root/.cache"));
        """,
        """
        var s = someStage
            .Workdir("/src")
            .Run("make && make install", Mount.Cache("/root/.cache"));
        """);

    [Fact]
    public Task FD0014_relative_cd_has_no_fix() => VerifyFixAsync<RunCdAnalyzer, CdToWorkdirCodeFixProvider>(
        """var s = someStage.Run({|FD0014:"cd src && make"|});""",
        """var s = someStage.Run({|FD0014:"cd src && make"|});""");

    [Fact]
    public Task FD0016_adds_yes() => VerifyFixAsync<AptGetInstallWithoutYesAnalyzer, RunTextCodeFixProvider>(
        """var s = someStage.Run({|FD0016:"apt-get update && apt-get install --no-install-recommends curl"|});""",
        """var s = someStage.Run("apt-get update && apt-get install -y --no-install-recommends curl");""");

    [Fact]
    public Task FD0017_adds_no_install_recommends() => VerifyFixAsync<AptGetInstallRecommendsAnalyzer, RunTextCodeFixProvider>(
        """var s = someStage.Run({|FD0017:"apt-get install -y curl ca-certificates"|});""",
        """var s = someStage.Run("apt-get install --no-install-recommends -y curl ca-certificates");""");

    [Fact]
    public Task FD0018_appends_list_cleanup() => VerifyFixAsync<AptListsNotCleanedAnalyzer, RunTextCodeFixProvider>(
        """var s = someStage.Run({|FD0018:"apt-get update && apt-get install -y --no-install-recommends curl"|});""",
        """var s = someStage.Run("apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*");""");

    [Fact]
    public Task FD0015_apt_becomes_apt_get() => VerifyFixAsync<RunAptAnalyzer, RunTextCodeFixProvider>(
        """var s = someStage.Run({|FD0015:"apt update && apt install -y curl"|});""",
        """var s = someStage.Run("apt-get update && apt-get install -y curl");""");

    [Fact]
    public Task FD0019_prepends_pipefail() => VerifyFixAsync<PipeWithoutPipefailAnalyzer, RunTextCodeFixProvider>(
        """var s = someStage.Run({|FD0019:"curl -fsSL https://example.com/x.tgz | tar -xz -C /opt"|});""",
        """var s = someStage.Run("set -o pipefail && curl -fsSL https://example.com/x.tgz | tar -xz -C /opt");""");

    [Fact]
    public Task FD0006_shell_form_becomes_exec_form() => VerifyFixAsync<ShellFormCommandAnalyzer, ShellFormToExecFormCodeFixProvider>(
        """var s = someStage.{|FD0006:CmdShell|}("npm start --port 8080").{|FD0006:EntrypointShell|}("/usr/local/bin/app");""",
        """var s = someStage.Cmd("npm", "start", "--port", "8080").Entrypoint("/usr/local/bin/app");""");

    [Fact]
    public Task FD0006_shell_syntax_has_no_fix() => VerifyFixAsync<ShellFormCommandAnalyzer, ShellFormToExecFormCodeFixProvider>(
        """var s = someStage.{|FD0006:CmdShell|}("exec app --port $PORT");""",
        """var s = someStage.{|FD0006:CmdShell|}("exec app --port $PORT");""");
}
