using Fluent.Docker.Linting;
using static Fluent.Docker.Tests.Linting.LintKit;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The rules about single instructions and the state they see, each both ways.</summary>
public class InstructionLintRuleTests
{
    private static Stage App => Stage.Named("app").From("debian:12");

    [Fact]
    public void FD0003_reports_secret_looking_arg_and_env_names()
    {
        var stage = App.Arg(new BuildArg("SECRET_PASSPHRASE")).Env(("password", "x"), ("sunflower", "y")).Env("AWS_KEY", "x");
        Assert.Equal(["SECRET_PASSPHRASE", "password", "AWS_KEY"], Findings(stage, "FD0003").Select(f => f.Message.Split('"')[1]));
    }

    [Fact]
    public void FD0003_quiet_for_public_file_and_version_names() =>
        Assert.Empty(Findings(App.Env(("PUBLIC_KEY", "x"), ("password_file", "/run/pw"), ("AUTH_MODULE_VERSION", "1")), "FD0003"));

    [Fact]
    public void FD0004_reports_a_credential_in_an_env_value()
    {
        // The seed course's ENV AWS_KEY=… : the value is an AWS access key id.
        var finding = Assert.Single(Findings(App.Env("AWS_KEY", "AKIAIOSFODNN7EXAMPLE"), "FD0004"));
        Assert.Contains("AWS access key id", finding.Message);
    }

    [Fact]
    public void FD0004_reports_a_global_arg_default()
    {
        var file = Dockerfile.Create(App).WithGlobalArg(new BuildArg("TOKEN", "ghp_0123456789abcdefghijABCDEFGHIJ012345"));
        var finding = Assert.Single(Findings(file, "FD0004"));
        Assert.Null(finding.Location.StageIndex);
        Assert.Equal("ARG", finding.Location.Keyword);
        Assert.Equal(1, finding.Location.Line);
    }

    [Fact]
    public void FD0004_quiet_for_ordinary_values() => Assert.Empty(Findings(App.Env("REGION", "eu-west-1").Run("echo hello"), "FD0004"));

    [Fact]
    public void FD0005_reports_the_first_workdir_when_relative()
    {
        var finding = Assert.Single(Findings(App.Workdir("app/").Workdir("sub"), "FD0005"));
        Assert.Equal(1, finding.Location.InstructionNumber);
        Assert.Null(finding.Location.Line); // a relative WORKDIR cannot be emitted, so the model has no lines yet
    }

    [Fact]
    public void FD0005_quiet_when_an_absolute_workdir_came_first_even_in_the_parent_stage()
    {
        var a = Stage.Named("a").FromScratch().Workdir("/app");
        Assert.Empty(Findings(Dockerfile.Create(a, Stage.Named("b").From(a).Workdir("subdir/")), "FD0005"));
    }

    [Fact]
    public void FD0006_reports_shell_form_cmd_and_entrypoint()
    {
        var findings = Findings(App.EntrypointShell("run.sh").CmdShell("npm start"), "FD0006");
        Assert.Equal(["ENTRYPOINT", "CMD"], findings.Select(f => f.Location.Keyword));
        Assert.Equal("JSON arguments recommended for CMD to prevent unintended behavior related to OS signals", findings[1].Message);
    }

    [Fact]
    public void FD0006_quiet_with_exec_form_or_a_shell_set_in_the_parent_stage()
    {
        Assert.Empty(Findings(App.Cmd("npm", "start"), "FD0006"));
        var based = Stage.Named("base").FromScratch().Shell("/usr/bin/customshell");
        Assert.Empty(Findings(Dockerfile.Create(based, Stage.Named("app").From(based).CmdShell("mycommand")), "FD0006"));
    }

    [Fact]
    public void FD0020_reports_add_of_a_local_file() =>
        Assert.Contains("'config.json'", Assert.Single(Findings(App.Add(new AddSource.Local("config.json"), "/etc/app/"), "FD0020")).Message);

    [Fact]
    public void FD0020_quiet_for_archives_and_urls()
    {
        Assert.Empty(Findings(App.Add(new AddSource.Local("rootfs.tar.gz"), "/"), "FD0020"));
        Assert.Empty(Findings(App.Add(new AddSource.Url(new Uri("https://example.com/a.txt"), "sha256:" + new string('a', 64)), "/a.txt"), "FD0020"));
    }

    [Fact]
    public void FD0021_reports_ports_out_of_range() =>
        Assert.Equal(2, Findings(App.Expose(0, 70000, 8080), "FD0021").Count);

    [Fact]
    public void FD0021_quiet_for_valid_ports() => Assert.Empty(Findings(App.Expose(1, 65535), "FD0021"));

    [Fact]
    public void FD0106_reports_an_undefined_variable_with_a_suggestion()
    {
        var stage = App.Arg(new BuildArg("DIR_ASSETS", "assets/")).Copy(Expandable.Variable("DIR_ASSET"), ".");
        var finding = Assert.Single(Findings(stage, "FD0106"));
        Assert.Equal(2, finding.Location.InstructionNumber);
        Assert.Contains("did you mean $DIR_ASSETS?", finding.Message);
    }

    [Fact]
    public void FD0106_reports_a_variable_used_before_its_arg()
    {
        var foo = new BuildArg("foo", "bar");
        var finding = Assert.Single(Findings(App.Copy(foo.Reference, ".").Arg(foo).Env("X", foo), "FD0106"));
        Assert.Equal(1, finding.Location.InstructionNumber);
    }

    [Fact]
    public void FD0106_quiet_for_declared_args_env_path_and_parent_stage_args()
    {
        var foo = new BuildArg("foo");
        Assert.Empty(Findings(App.Arg(foo).Copy($"Dockerfile{foo}", ".").Env("P", "/opt:" + Expandable.Variable("PATH")), "FD0106"));
        var based = Stage.Named("base").FromScratch().Arg(new BuildArg("F", "Dockerfile"));
        Assert.Empty(Findings(Dockerfile.Create(based, Stage.Named("app").From(based).Copy(Expandable.Variable("F"), ".")), "FD0106"));
    }

    [Fact]
    public void FD0106_quiet_for_global_args_redeclared_in_the_stage_only()
    {
        var version = new BuildArg("VERSION", "1");
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Label(OciLabels.Version, version)).WithGlobalArg(version);
        Assert.Single(Findings(file, "FD0106")); // a global ARG is not in scope until the stage declares it
        var redeclared = Dockerfile.Create(Stage.Named("app").FromScratch().Arg(new BuildArg("VERSION")).Label(OciLabels.Version, version)).WithGlobalArg(version);
        Assert.Empty(Findings(redeclared, "FD0106"));
    }

    [Fact]
    public void FD0121_reports_a_relative_copy_before_any_workdir() =>
        Assert.Contains("'./'", Assert.Single(Findings(App.Copy("app.py", "./"), "FD0121")).Message);

    [Fact]
    public void FD0121_quiet_after_a_workdir_or_for_absolute_destinations()
    {
        Assert.Empty(Findings(App.Workdir("/app").Copy("app.py", "./"), "FD0121"));
        Assert.Empty(Findings(App.Copy("app.py", "/app/"), "FD0121"));
        var based = Stage.Named("base").FromScratch().Workdir("/src");
        Assert.Empty(Findings(Dockerfile.Create(based, Stage.Named("app").From(based).Copy("a", "b")), "FD0121"));
    }

    [Fact]
    public void FD0122_reports_a_run_right_after_a_run_with_the_same_options()
    {
        var finding = Assert.Single(Findings(App.Run("apt-get update").Run("make"), "FD0122"));
        Assert.Equal(2, finding.Location.InstructionNumber);
        Assert.Equal(ProblemSeverity.Info, finding.Severity);
    }

    [Fact]
    public void FD0122_quiet_when_options_differ_or_something_is_between() =>
        Assert.Empty(Findings(App.Run("make").Run("make test", RunNetwork.None).Workdir("/x").Run("ls"), "FD0122"));

    [Fact]
    public void FD0123_reports_copy_of_the_context_before_the_install()
    {
        var stage = App.Workdir("/app").Copy(".", ".").Run("pip install --no-cache-dir -r requirements.txt");
        var finding = Assert.Single(Findings(stage, "FD0123"));
        Assert.Equal(2, finding.Location.InstructionNumber);
        Assert.Contains("requirements.txt", finding.Message);
    }

    [Fact]
    public void FD0123_quiet_when_the_manifest_is_installed_first()
    {
        var stage = App.Workdir("/app").Copy(["package.json", "package-lock.json"], "./").Run("npm ci").Copy(".", ".").Run("npm run build");
        Assert.Empty(Findings(stage, "FD0123"));
    }

    [Fact]
    public void FD0111_reports_a_source_the_dockerignore_leaves_out()
    {
        var options = LintOptions.Default.WithDockerIgnore(DockerIgnore.Create("Dockerfile"));
        var stage = Stage.Named("app").FromScratch().Copy("Dockerfile", ".").Add(new AddSource.Local("Dockerfile"), "/windy");
        Assert.Equal(["COPY", "ADD"], Findings(stage, "FD0111", options).Select(f => f.Location.Keyword));
    }

    [Fact]
    public void FD0111_quiet_for_copies_from_stages_exceptions_and_unrelated_paths()
    {
        var ignore = LintOptions.Default.WithDockerIgnore(DockerIgnore.Create("foobar"));
        var based = Stage.Named("base").FromScratch().Copy("Dockerfile", "/foobar");
        Assert.Empty(Findings(Dockerfile.Create(based, Stage.Named("app").From(based).CopyFrom(based, "/foobar", "/Dockerfile")), "FD0111", ignore));
        var withException = LintOptions.Default.WithDockerIgnore(DockerIgnore.Create("**").Except("Dockerfile"));
        Assert.Empty(Findings(Stage.Named("app").FromScratch().Copy("./Dockerfile", "."), "FD0111", withException));
    }

    [Fact]
    public void FD0111_uses_the_image_definition_ignore()
    {
        var stage = Stage.Named("app").FromScratch().Copy(".env", "/app/").User(UserSpec.Id(1)).Healthcheck(Healthcheck.None);
        var image = ImageDefinition.Create("team/app", Dockerfile.Create(stage)).WithIgnore(DockerIgnore.Common);
        Assert.Single(Linter.Lint(image).Diagnostics, d => d.Code == "FD0111");
    }
}
