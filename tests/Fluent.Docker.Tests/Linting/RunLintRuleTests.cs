using Fluent.Docker.Linting;
using static Fluent.Docker.Tests.Linting.LintKit;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The rules that read the shell text of RUN, each both ways.</summary>
public class RunLintRuleTests
{
    private static IReadOnlyList<Problem> Run(string id, string command, params RunOption[] options) =>
        Findings(Stage.Named("app").From("debian:12").Run(command, options), id);

    private static IReadOnlyList<string> Named(string id, string command) =>
        Run(id, command).Select(f => f.Message.Split('\'')[1]).ToList();

    [Fact]
    public void FD0013_reports_sudo() => Assert.Single(Run("FD0013", "sudo apt-get update"));

    [Fact]
    public void FD0013_quiet_without_sudo() => Assert.Empty(Run("FD0013", "echo sudo is a word here"));

    [Fact]
    public void FD0014_reports_cd() => Assert.Contains("'cd /src'", Assert.Single(Run("FD0014", "cd /src && make")).Message);

    [Fact]
    public void FD0014_quiet_in_scripts_and_without_cd()
    {
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").RunScript("cd /src\nmake\n"), "FD0014"));
        Assert.Empty(Run("FD0014", "make -C /src"));
    }

    [Fact]
    public void FD0015_reports_apt() => Assert.Single(Run("FD0015", "apt install -y curl"));

    [Fact]
    public void FD0015_quiet_for_apt_get() => Assert.Empty(Run("FD0015", "apt-get install -y curl"));

    [Fact]
    public void FD0016_reports_install_without_yes() => Assert.Single(Run("FD0016", "apt-get update && apt-get install curl"));

    [Fact]
    public void FD0016_quiet_with_yes_or_quiet_level_2()
    {
        Assert.Empty(Run("FD0016", "apt-get install -y curl"));
        Assert.Empty(Run("FD0016", "apt-get -qq install curl"));
    }

    [Fact]
    public void FD0017_reports_install_with_recommends() => Assert.Single(Run("FD0017", "apt-get install -y curl"));

    [Fact]
    public void FD0017_quiet_with_no_install_recommends() => Assert.Empty(Run("FD0017", "apt-get install -y --no-install-recommends curl"));

    [Fact]
    public void FD0018_reports_lists_left_behind() => Assert.Single(Run("FD0018", "apt-get update && apt-get install -y curl"));

    [Fact]
    public void FD0018_quiet_with_cleanup_or_a_cache_mount()
    {
        Assert.Empty(Run("FD0018", "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"));
        Assert.Empty(Run("FD0018", "apt-get update && apt-get install -y curl", Mount.Cache("/var/lib/apt/lists")));
    }

    [Fact]
    public void FD0019_reports_a_pipe_in_the_default_shell() => Assert.Single(Run("FD0019", "curl -fsSL https://example.com/x | tar -xz"));

    [Fact]
    public void FD0019_reports_a_pipe_under_a_bash_shell_without_pipefail() =>
        Assert.Single(Findings(Stage.Named("app").From("debian:12").Shell("/bin/bash", "-c").Run("a | b"), "FD0019"));

    [Fact]
    public void FD0019_quiet_with_pipefail_in_the_command_or_the_shell_or_a_non_posix_shell()
    {
        Assert.Empty(Run("FD0019", "set -o pipefail && a | b"));
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").Shell("/bin/bash", "-o", "pipefail", "-c").Run("a | b"), "FD0019"));
        Assert.Empty(Findings(Stage.Named("app").From("mcr.microsoft.com/powershell:7.4").Shell("pwsh", "-Command").Run("a | b"), "FD0019"));
    }

    [Fact]
    public void FD0115_reports_each_unpinned_apt_package() =>
        Assert.Equal(["curl", "git"], Named("FD0115", "apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confnew curl git vim=2:9.0.1378-2 ./local.deb"));

    [Fact]
    public void FD0115_quiet_when_every_package_is_pinned() => Assert.Empty(Run("FD0115", "apt-get install -y curl=7.88.1-10"));

    [Fact]
    public void FD0116_reports_unpinned_pip_packages() =>
        Assert.Equal(["flask", "requests"], Named("FD0116", "pip install --no-cache-dir flask requests==2.31.0 && python -m pip install requests"));

    [Fact]
    public void FD0116_quiet_for_requirement_files_paths_and_specifiers() =>
        Assert.Empty(Run("FD0116", "pip3 install -r requirements.txt . ./pkg dist/app.whl 'flask>=3' git+https://example.com/r.git"));

    [Fact]
    public void FD0117_reports_unpinned_npm_packages() =>
        Assert.Equal(["@types/node", "express"], Named("FD0117", "npm install -g express @types/node typescript@5.4.5 @scope/lib@1.0.0"));

    [Fact]
    public void FD0117_quiet_for_package_json_installs_and_paths() => Assert.Empty(Run("FD0117", "npm ci && npm install && npm i ./vendor/tool.tgz"));

    [Fact]
    public void FD0118_reports_unpinned_apk_packages() =>
        Assert.Equal(["curl"], Named("FD0118", "apk add --no-cache --virtual .build-deps curl git=2.45.2-r0"));

    [Fact]
    public void FD0118_quiet_when_pinned() => Assert.Empty(Run("FD0118", "apk add --no-cache curl~8.9"));

    [Fact]
    public void FD0119_reports_apk_add_keeping_the_index() => Assert.Single(Run("FD0119", "apk add curl=8.9.1-r1"));

    [Fact]
    public void FD0119_quiet_with_no_cache_or_a_cache_mount()
    {
        Assert.Empty(Run("FD0119", "apk add --no-cache curl=8.9.1-r1"));
        Assert.Empty(Run("FD0119", "apk add curl=8.9.1-r1", Mount.Cache("/var/cache/apk")));
    }

    [Fact]
    public void FD0120_reports_pip_keeping_its_cache() => Assert.Single(Run("FD0120", "pip install -r requirements.txt"));

    [Fact]
    public void FD0120_quiet_with_no_cache_dir_env_or_mount()
    {
        Assert.Empty(Run("FD0120", "pip install --no-cache-dir -r requirements.txt"));
        Assert.Empty(Run("FD0120", "pip install -r requirements.txt", Mount.Cache("/root/.cache/pip")));
        Assert.Empty(Findings(Stage.Named("app").From("python:3.12-slim").Env("PIP_NO_CACHE_DIR", "1").Run("pip install -r requirements.txt"), "FD0120"));
    }

    [Fact]
    public void FD0124_reports_a_package_cache_mounted_for_another_tool()
    {
        var finding = Assert.Single(Run("FD0124", "pip install -r requirements.txt", CacheMounts.Npm.Mount()));
        Assert.Equal("Cache mount target /root/.npm is the npm cache, but no command in this RUN uses it (expected one of: npm, npx)", finding.Message);
        Assert.Single(Run("FD0124", "go build ./...", Mount.Cache("/home/app/.nuget/packages")));
    }

    [Fact]
    public void FD0124_reports_a_package_cache_on_a_run_with_no_package_tool()
    {
        Assert.Single(Run("FD0124", "echo hello > /greeting", CacheMounts.Pip.Mount()));
        // Each mount on its own: the Go caches are used, the Maven one is not.
        var finding = Assert.Single(Run("FD0124", "go build -o /out/app .", CacheMounts.GoModules.Mount(), CacheMounts.GoBuild.Mount(), Mount.Cache("/root/.m2")));
        Assert.Contains("/root/.m2 is the Maven cache", finding.Message);
    }

    [Fact]
    public void FD0124_reports_from_dockerfile_text()
    {
        var report = Linter.LintText("FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.npm pip install flask==3.1.0\n");
        var finding = Assert.Single(report.Diagnostics, d => d.Code == "FD0124");
        Assert.Equal(2, finding.Location.Line);
    }

    [Fact]
    public void FD0124_quiet_when_the_tool_of_the_cache_runs()
    {
        Assert.Empty(Run("FD0124", "npm ci --omit=dev", CacheMounts.Npm.Mount()));
        Assert.Empty(Run("FD0124", "python3 -m pip install -r requirements.txt", CacheMounts.Pip.Mount()));
        Assert.Empty(Run("FD0124", "pip3.13 install -r requirements.txt", Mount.Cache("/root/.cache/pip")));
        Assert.Empty(Run("FD0124", "corepack enable && corepack pnpm install --frozen-lockfile", CacheMounts.Pnpm.Mount()));
        Assert.Empty(Run("FD0124", "sh -c 'cargo fetch --locked'", CacheMounts.Cargo.Mount()));
        Assert.Empty(Run("FD0124", "CGO_ENABLED=0 go build ./...", CacheMounts.GoModules.Mount(), CacheMounts.GoBuild.Mount()));
        Assert.Empty(Run("FD0124", "dotnet publish App.csproj --no-restore -o /out", CacheMounts.NuGet.Mount(home: "/home/app", uid: 1000, gid: 1000)));
        Assert.Empty(Run("FD0124", "./gradlew build", CacheMounts.Gradle.Mount()));
        Assert.Empty(Findings(Stage.Named("app").From("debian:12").RunExec(["npm", "ci"], CacheMounts.Npm.Mount()), "FD0124"));
    }

    [Fact]
    public void FD0124_quiet_for_caches_it_does_not_know_and_programs_it_cannot_read()
    {
        Assert.Empty(Run("FD0124", "make -j2", Mount.Cache("/root/.ccache")));
        Assert.Empty(Run("FD0124", "$INSTALLER install", CacheMounts.Npm.Mount()));
        Assert.Empty(Run("FD0124", "echo no cache here"));
        // Build drivers and scripts run tools the RUN text does not name.
        Assert.Empty(Run("FD0124", "make build", CacheMounts.GoModules.Mount()));
        Assert.Empty(Run("FD0124", "./hack/build.sh", CacheMounts.GoBuild.Mount()));
        Assert.Empty(Run("FD0124", "sh build.sh", CacheMounts.Npm.Mount()));
        Assert.Empty(Run("FD0124", "xx-go build -o /out/app .", CacheMounts.GoModules.Mount()));
    }

    [Fact]
    public void FD0124_quiet_on_the_cache_mounts_of_buildkit_and_buildx_own_dockerfiles()
    {
        var corpus = Path.Combine(Examples.RepositoryLayout.Root, "tests", "corpora", "advanced");
        foreach (var file in Directory.GetFiles(corpus, "*.Dockerfile"))
            Assert.Empty(Linter.LintText(File.ReadAllText(file)).Diagnostics.Where(d => d.Code == "FD0124").Select(d => $"{Path.GetFileName(file)}:{d.Location.Line}: {d.Message}"));
    }
}
