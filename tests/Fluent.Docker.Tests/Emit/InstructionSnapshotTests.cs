using Snapshooter.Xunit;
using static Fluent.Docker.Tests.Emit.EmitKit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// One snapshot per instruction, flag and option the model offers: the exact Dockerfile text. Each model is kept
/// small so a snapshot reads as the Dockerfile a person would write.
/// </summary>
public class InstructionSnapshotTests
{
    private static readonly Stage Build = Stage.Named("build").From("golang:1.19");

    // ---- FROM

    [Fact]
    public void From_image() => EmitFile(Stage.Named("app").From("golang:1.19")).MatchSnapshot();

    [Fact]
    public void From_image_with_registry_and_digest() =>
        EmitFile(Stage.Named("app").From("127.0.0.1:5000/dotnet/sdk:10.0@sha256:" + new string('a', 64))).MatchSnapshot();

    [Fact]
    public void From_earlier_stage() =>
        EmitFile(Build, Stage.Named("test").From(Build).Run("go test ./...")).MatchSnapshot();

    [Fact]
    public void From_scratch() => EmitFile(Stage.Named("final").FromScratch()).MatchSnapshot();

    [Fact]
    public void From_unnamed_stage() => EmitFile(Stage.Unnamed().From("busybox:1.36")).MatchSnapshot();

    [Fact]
    public void From_concrete_platforms() =>
        EmitFile(Stage.Named("amd").From("busybox:1.36", Platform.LinuxAmd64),
             Stage.Named("arm").From("busybox:1.36", Platform.LinuxArmV7),
             Stage.Named("other").FromScratch(Platform.Of("linux", "riscv64"))).MatchSnapshot();

    [Fact]
    public void From_automatic_platforms() =>
        EmitFile(Stage.Named("build").From("golang:1.19", Platform.BuildPlatform),
             Stage.Named("runtime").From("debian:bookworm-slim", Platform.TargetPlatform)).MatchSnapshot();

    // ---- parser directives and global ARGs

    [Fact]
    public void Directive_syntax_for_pinned_frontend() =>
        Dockerfile.Create(App()).WithFrontend(BuilderProfile.DockerfileFrontend("1.7")).Emit().MatchSnapshot();

    [Fact]
    public void Directive_none_for_builtin_frontend() =>
        Dockerfile.Create(App()).WithFrontend(BuilderProfile.Builtin).Emit().MatchSnapshot();

    [Fact]
    public void Directive_escape_backtick() =>
        Dockerfile.Create(App().Workdir("/app").Run("echo done")).WithEscape(EscapeToken.Backtick).Emit().MatchSnapshot();

    [Fact]
    public void Directive_check_skip_list_and_error() =>
        Dockerfile.Create(App())
            .WithChecks(new CheckDirective { Skip = ValueList.Of("JSONArgsRecommended", "StageNameCasing"), Error = true })
            .Emit().MatchSnapshot();

    [Fact]
    public void Directive_check_skip_all() =>
        Dockerfile.Create(App()).WithChecks(new CheckDirective { SkipAll = true }).Emit().MatchSnapshot();

    [Fact]
    public void Directives_all_in_buildkit_order() =>
        Dockerfile.Create(App())
            .WithChecks(new CheckDirective { Error = true })
            .WithEscape(EscapeToken.Backtick)
            .WithFrontend(BuilderProfile.DockerfileFrontend("1.7-labs"))
            .WithGlobalArg(new BuildArg("BASE_TAG", "bookworm-slim"))
            .Emit().MatchSnapshot();

    [Fact]
    public void Global_args_with_and_without_default() =>
        Dockerfile.Create(App())
            .WithGlobalArg(new BuildArg("VERSION"))
            .WithGlobalArg(new BuildArg("CHANNEL", "stable"))
            .WithGlobalArg(new BuildArg("GREETING", "hello world"))
            .WithGlobalArg(new BuildArg("EMPTY", ""))
            .Emit().MatchSnapshot();

    // ---- RUN

    [Fact]
    public void Run_shell_form() => EmitFile(App().Run("apt-get update && apt-get install -y --no-install-recommends curl")).MatchSnapshot();

    [Fact]
    public void Run_exec_form() => EmitFile(App().RunExec(["/usr/bin/make", "-C", "/src", "all"])).MatchSnapshot();

    [Fact]
    public void Run_heredoc_script() =>
        EmitFile(App().RunScript("set -eu\necho \"building $HOME\"\nmake all\n")).MatchSnapshot();

    [Fact]
    public void Run_mount_cache_all_options() =>
        EmitFile(Build, App().Run("make",
            new CacheMount("/root/.cache/go-build")
            {
                Id = "gocache", Sharing = CacheSharing.Locked, From = Build, Source = "/cache",
                Mode = FilePermissions.Octal("0755"), Uid = 1000, Gid = 1001, ReadOnly = true,
            })).MatchSnapshot();

    [Fact]
    public void Run_mount_cache_sharing_modes() =>
        EmitFile(App()
            .Run("true", Mount.Cache("/var/cache/apt", sharing: CacheSharing.Shared))
            .Run("true", Mount.Cache("/var/cache/apt", sharing: CacheSharing.Private))
            .Run("true", Mount.Cache("/var/cache/apt", id: "apt", sharing: CacheSharing.Locked, mode: FilePermissions.Executable, uid: 0, gid: 0)))
            .MatchSnapshot();

    [Fact]
    public void Run_mount_secret_all_options() =>
        EmitFile(App()
            .Run("cat /run/secrets/npm_token", Mount.Secret(new SecretId("npm_token")))
            .Run("npm ci", new SecretMount(new SecretId("npm_token"))
            {
                Target = "/root/.npmrc", Env = "NPM_TOKEN", Required = true, Mode = FilePermissions.Private, Uid = 1000, Gid = 1000,
            })).MatchSnapshot();

    [Fact]
    public void Run_mount_ssh_all_options() =>
        EmitFile(App()
            .Run("ssh-add -l", Mount.Ssh())
            .Run("git clone git@example.com:org/repo.git", new SshMount
            {
                Id = "github", Target = "/run/ssh.sock", Required = true, Mode = FilePermissions.Octal("0600"), Uid = 1000, Gid = 1000,
            })).MatchSnapshot();

    [Fact]
    public void Run_mount_bind_all_options() =>
        EmitFile(Build, App()
            .Run("ls /src", Mount.Bind("/src"))
            .Run("cp /out/app /usr/local/bin/", Mount.Bind("/out", source: "/go/bin", from: Build, readWrite: true))
            .Run("ls /tools", Mount.Bind("/tools", source: "/usr/bin", from: ImageReference.Parse("busybox:1.36")))
            .Run("ls /docs", Mount.Bind("/docs", from: new NamedContext("docs")))).MatchSnapshot();

    [Fact]
    public void Run_mount_tmpfs_with_and_without_size() =>
        EmitFile(App()
            .Run("make test", Mount.Tmpfs("/tmp"))
            .Run("make test", Mount.Tmpfs("/tmp", size: 64L * 1024 * 1024))).MatchSnapshot();

    [Fact]
    public void Run_network_modes() =>
        EmitFile(App()
            .Run("make offline", RunNetwork.None)
            .Run("make fetch", RunNetwork.Host)
            .Run("make", RunNetwork.Default)).MatchSnapshot();

    [Fact]
    public void Run_security_modes() =>
        Dockerfile.Create(App()
            .Run("mount -t tmpfs none /mnt", RunSecurity.Insecure)
            .Run("make", RunSecurity.Sandbox)).WithMinimalFrontend().Emit().MatchSnapshot();

    [Fact]
    public void Run_options_combined_with_exec_and_script() =>
        Dockerfile.Create(App()
            .RunExec(["/bin/make"], Mount.Cache("/root/.cache"), RunNetwork.None)
            .RunScript("apt-get update\napt-get install -y curl\n", Mount.Cache("/var/cache/apt", sharing: CacheSharing.Locked), RunSecurity.Sandbox))
            .WithMinimalFrontend().Emit().MatchSnapshot();

    // ---- CMD / ENTRYPOINT / SHELL

    [Fact]
    public void Cmd_exec_and_empty() =>
        EmitFile(App().Cmd("/app", "--port", "8080"), App("empty").Cmd()).MatchSnapshot();

    [Fact]
    public void Cmd_shell_variant() => EmitFile(App().CmdShell("exec /app --port \"$PORT\"")).MatchSnapshot();

    [Fact]
    public void Entrypoint_exec() => EmitFile(App().Entrypoint("/usr/bin/tini", "--").Cmd("/app")).MatchSnapshot();

    [Fact]
    public void Entrypoint_shell_variant() => EmitFile(App().EntrypointShell("exec /app \"$@\"")).MatchSnapshot();

    [Fact]
    public void Shell_instruction() =>
        EmitFile(App().Shell("/bin/bash", "-o", "pipefail", "-c").Run("curl -fsS https://example.com | sha256sum")).MatchSnapshot();

    // ---- HEALTHCHECK

    [Fact]
    public void Healthcheck_exec_with_all_timings() =>
        EmitFile(App().Healthcheck(Healthcheck.Exec("/app", "-health")
            .WithInterval(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(1.5))
            .WithStartPeriod(TimeSpan.FromSeconds(90))
            .WithStartInterval(TimeSpan.FromMilliseconds(500))
            .WithRetries(3))).MatchSnapshot();

    [Fact]
    public void Healthcheck_shell_with_some_timings() =>
        EmitFile(App().Healthcheck(Healthcheck.Shell("curl -fsS http://localhost:8080/health || exit 1")
            .WithInterval(TimeSpan.FromHours(1))
            .WithRetries(0))).MatchSnapshot();

    [Fact]
    public void Healthcheck_none() => EmitFile(App().Healthcheck(Healthcheck.None)).MatchSnapshot();

    // ---- COPY

    [Fact]
    public void Copy_one_and_several_sources() =>
        EmitFile(App()
            .Copy("go.mod", "/src/")
            .Copy(["go.mod", "go.sum", "cmd/*.go"], "/src/")
            .Copy(".", ".")).MatchSnapshot();

    [Fact]
    public void Copy_from_stage_image_and_named_context() =>
        EmitFile(Build, App()
            .CopyFrom(Build, "/go/bin/app", "/usr/local/bin/app")
            .CopyFrom(ImageReference.Parse("busybox:1.36"), "/bin/busybox", "/bin/")
            .CopyFrom(new NamedContext("docs"), ["README.md", "LICENSE"], "/usr/share/doc/app/")).MatchSnapshot();

    [Fact]
    public void Copy_chown() =>
        EmitFile(App()
            .Copy("a", "/a", new CopyOptions { Chown = "app" })
            .Copy("b", "/b", new CopyOptions { Chown = UserSpec.Named("app", "staff") })
            .Copy("c", "/c", new CopyOptions { Chown = UserSpec.Id(10001, 10001) })).MatchSnapshot();

    [Fact]
    public void Copy_chmod() =>
        EmitFile(App()
            .Copy("run.sh", "/usr/local/bin/", new CopyOptions { Chmod = FilePermissions.Executable })
            .Copy("secret.conf", "/etc/", new CopyOptions { Chmod = FilePermissions.Octal("0600") })).MatchSnapshot();

    [Fact]
    public void Copy_link() => EmitFile(App().Copy("app", "/app", new CopyOptions { Link = true })).MatchSnapshot();

    [Fact]
    public void Copy_exclude() =>
        EmitLabsFile(App().Copy(".", "/src", new CopyOptions { Exclude = ValueList.Of("*.md", "**/bin", "test/") })).MatchSnapshot();

    [Fact]
    public void Copy_parents() =>
        EmitLabsFile(App().Copy(["./x/a.txt", "./y/a.txt"], "/parents/", new CopyOptions { Parents = true })).MatchSnapshot();

    [Fact]
    public void Copy_all_options_in_flag_order() =>
        EmitLabsFile(Build, App().CopyFrom(Build, "/out", "/app", new CopyOptions
        {
            Parents = true, Exclude = ValueList.Of("*.tmp"), Link = true, Chmod = FilePermissions.ReadOnly, Chown = UserSpec.Id(1, 2),
        })).MatchSnapshot();

    [Fact]
    public void Copy_inline_content_heredoc() =>
        EmitFile(App()
            .CopyContent("/etc/app/app.conf", "listen = 8080\nroot = \"$HOME\"\n")
            .CopyContent("/etc/motd", "no trailing newline", new CopyOptions { Chown = "app", Chmod = FilePermissions.ReadOnly, Link = true })
            .CopyContent("/etc/empty", "")).MatchSnapshot();

    // ---- ADD

    [Fact]
    public void Add_url_with_checksum() =>
        EmitFile(App()
            .Add(new AddSource.Url(new Uri("https://example.com/tool-1.0.tar.gz")), "/opt/")
            .Add(new AddSource.Url(new Uri("https://example.com/tool-1.0.tar.gz"), "sha256:" + new string('0', 64)), "/opt/")).MatchSnapshot();

    [Fact]
    public void Add_git_with_ref_keep_git_dir_and_checksum() =>
        EmitFile(App()
            .Add(new AddSource.Git("https://github.com/moby/buildkit.git"), "/src/buildkit")
            .Add(new AddSource.Git("https://github.com/moby/buildkit.git", Ref: "v0.13.0", KeepGitDir: true), "/src/buildkit")
            .Add(new AddSource.Git("https://github.com/moby/buildkit.git", Ref: "v0.13.0", Checksum: new string('c', 40)), "/src/buildkit"))
            .MatchSnapshot();

    [Fact]
    public void Add_local_with_unpack() =>
        EmitFile(App()
            .Add(new AddSource.Local("vendor.tar.gz"), "/src/")
            .Add(new AddSource.Local("vendor.tar.gz"), "/src/", unpack: false)
            .Add(new AddSource.Local("vendor.tar.gz"), "/src/", unpack: true)).MatchSnapshot();

    [Fact]
    public void Add_chown_chmod_link_exclude() =>
        EmitLabsFile(App().Add(new AddSource.Local("dist"), "/srv/", new CopyOptions
        {
            Chown = UserSpec.Named("www-data", "www-data"), Chmod = FilePermissions.ReadOnly, Link = true, Exclude = ValueList.Of("*.map"),
        })).MatchSnapshot();

    // ---- environment and metadata

    [Fact]
    public void Workdir_absolute_paths() => EmitFile(App().Workdir("/app").Workdir("/srv/my app")).MatchSnapshot();

    [Fact]
    public void Env_one_variable() => EmitFile(App().Env("APP_HOME", "/app")).MatchSnapshot();

    [Fact]
    public void Env_several_variables() =>
        EmitFile(App().Env(("APP_HOME", "/app"), ("GREETING", "hello world"), ("EMPTY", ""))).MatchSnapshot();

    [Fact]
    public void Arg_in_stage_with_and_without_default() =>
        EmitFile(App()
            .Arg(new BuildArg("VERSION"))
            .Arg(new BuildArg("CHANNEL", "stable"))
            .Arg(BuildArg.TargetArch)
            .Arg(BuildArg.TargetOs)).MatchSnapshot();

    [Fact]
    public void BuildArg_references_inside_values()
    {
        var version = new BuildArg("VERSION", "1.2.3");
        var arch = BuildArg.TargetArch;
        EmitFile(App()
            .Arg(version)
            .Arg(arch)
            .Env("APP_HOME", (Expandable)$"/opt/app-{version}")
            .Workdir((Expandable)$"/opt/app-{version}")
            .Copy((Expandable)$"dist/{arch}/app", (Expandable)$"/opt/app-{version}/bin/app")
            .Label(OciLabels.Version, version)
            .Label("com.example.build", (Expandable)$"{version} for {arch}")
            .User(UserSpec.Named((Expandable)$"{arch}"))
            .Run("echo $VERSION", Mount.Cache((Expandable)$"/cache/{arch}")))
            .MatchSnapshot();
    }

    [Fact]
    public void Label_oci_keys() =>
        EmitFile(App().Labels(
            (OciLabels.Title, "app"),
            (OciLabels.Version, "1.0.0"),
            (OciLabels.Source, "https://github.com/org/app"),
            (OciLabels.Licenses, "MIT"),
            (OciLabels.Description, "An app, with spaces"))).MatchSnapshot();

    [Fact]
    public void Label_custom_and_keys_needing_quotes() =>
        EmitFile(App()
            .Label("com.example.team", "platform")
            .Label("my label", "with space")
            .Label("cost$", "5$")
            .Label("-dash", "-value")).MatchSnapshot();

    [Fact]
    public void Expose_tcp_udp_sctp() =>
        EmitFile(App().Expose(8080).Expose(Port.Tcp(443), Port.Udp(53), Port.Sctp(9000))).MatchSnapshot();

    [Fact]
    public void User_name_uid_and_uid_gid() =>
        EmitFile(App()
            .User("app")
            .User(10001)
            .User(UserSpec.Id(10001, 10001))
            .User(UserSpec.Named("app", "staff"))
            .User(UserSpec.Root)).MatchSnapshot();

    [Fact]
    public void Volume_one_and_several() =>
        EmitFile(App().Volume("/data").Volume("/var/lib/app", "/var/log/app").Volume("/my data")).MatchSnapshot();

    [Fact]
    public void StopSignal_named_and_number() =>
        EmitFile(App().StopSignal(Signal.SIGINT), App("numeric").StopSignal(Signal.Number(15))).MatchSnapshot();

    [Fact]
    public void OnBuild_triggers() =>
        EmitFile(App().OnBuild(t => t
            .Copy(".", "/src")
            .Run("make -C /src", Mount.Cache("/root/.cache"))
            .Env("BUILT_BY", "onbuild")
            .Label("com.example.base", "true"))).MatchSnapshot();

    [Fact]
    public void Multi_stage_file()
    {
        var goVersion = new BuildArg("GO_VERSION", "1.19");
        var build = Stage.Named("build").From("golang:1.19", Platform.BuildPlatform)
            .Arg(BuildArg.TargetOs).Arg(BuildArg.TargetArch)
            .Workdir("/src")
            .Copy(["go.mod", "go.sum"], "./")
            .Run("go mod download", Mount.Cache("/go/pkg/mod"))
            .Copy(".", ".")
            .Run("CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app",
                Mount.Cache("/go/pkg/mod"), Mount.Cache("/root/.cache/go-build"));
        var runtime = Stage.Named("runtime").FromScratch()
            .CopyFrom(build, "/out/app", "/app", new CopyOptions { Link = true })
            .User(UserSpec.Id(65532, 65532))
            .Expose(8080)
            .Entrypoint("/app");
        Dockerfile.Create(build, runtime)
            .WithFrontend(BuilderProfile.DockerfileFrontend("1.7"))
            .WithGlobalArg(goVersion)
            .Emit().MatchSnapshot();
    }
}
