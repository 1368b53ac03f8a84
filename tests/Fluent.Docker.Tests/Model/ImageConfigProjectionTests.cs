using Fluent.Docker;

namespace Fluent.Docker.Tests.Model;

public class ImageConfigProjectionTests
{
    private static readonly Dictionary<string, string> NoArgs = new();

    [Fact]
    public void Scratch_stage_gets_buildkits_default_path_and_root_workdir()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Entrypoint("/app"));

        var config = ImageConfigProjection.Project(file);

        Assert.Equal(ImageConfigProjection.DefaultPath, config.GetEnv("PATH"));
        Assert.Equal("/", config.WorkingDir);
        Assert.Equal(["/app"], config.Entrypoint!);
        Assert.Null(config.Cmd);
    }

    [Fact]
    public void A_stage_built_on_another_keeps_its_args_and_workdir_but_not_its_cmd_tracking()
    {
        // BuildKit's dispatch state: a stage FROM another inherits the llb state (ARG values are in its env) and the
        // image; an ENTRYPOINT then clears the inherited CMD unless this stage set one.
        var version = new BuildArg("VERSION", "1.0");
        var based = Stage.Named("base").FromScratch().Arg(version).Workdir("/app").Cmd("serve");
        var app = Stage.Named("app").From(based).Env("APP_VERSION", version).Entrypoint("/app/run");

        var config = ImageConfigProjection.Project(Dockerfile.Create(based, app));

        Assert.Equal("1.0", config.GetEnv("APP_VERSION"));
        Assert.Equal("/app", config.WorkingDir);
        Assert.Null(config.Cmd);
    }

    [Fact]
    public void Arg_defaults_and_build_args_expand_into_labels_and_env()
    {
        var version = new BuildArg("VERSION", "1.0");
        var file = Dockerfile.Create(Stage.Named("app").FromScratch()
            .Arg(version)
            .Env("APP_VERSION", version)
            .Label(OciLabels.Version, (Expandable)$"v{version}"));

        var byDefault = ImageConfigProjection.Project(file);
        var overridden = ImageConfigProjection.Project(file, buildArgs: new Dictionary<string, string> { ["VERSION"] = "2.5" });

        Assert.Equal("1.0", byDefault.GetEnv("APP_VERSION"));
        Assert.Equal("v1.0", byDefault.GetLabel("org.opencontainers.image.version"));
        Assert.Equal("2.5", overridden.GetEnv("APP_VERSION"));
        Assert.Equal("v2.5", overridden.GetLabel("org.opencontainers.image.version"));
    }

    [Fact]
    public void Automatic_platform_args_follow_the_target_platform()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Arg(BuildArg.TargetArch).Env("ARCH", BuildArg.TargetArch));

        Assert.Equal("arm64", ImageConfigProjection.Project(file, platform: Platform.LinuxArm64).GetEnv("ARCH"));
        Assert.Equal("amd64", ImageConfigProjection.Project(file, platform: Platform.LinuxAmd64).GetEnv("ARCH"));
    }

    [Fact]
    public void Base_image_config_is_inherited_and_entrypoint_clears_inherited_cmd()
    {
        var baseConfig = ImageConfig.Empty with
        {
            Env = ValueList.Of(new KeyValuePair<string, string>("PATH", "/usr/bin"), new KeyValuePair<string, string>("LANG", "C.UTF-8")),
            Cmd = ValueList.Of("python3"),
            Labels = ValueList.Of(new KeyValuePair<string, string>("base", "yes")),
        };
        var file = Dockerfile.Create(Stage.Named("app").From("python:3.11-slim")
            .Env("PATH", "/opt/venv/bin:" + Expandable.Variable("PATH"))
            .Entrypoint("python", "app.py"));

        var config = ImageConfigProjection.Project(file, baseImages: image => image.Path == "python" ? baseConfig : null);

        Assert.Equal("/opt/venv/bin:/usr/bin", config.GetEnv("PATH"));
        Assert.Equal("C.UTF-8", config.GetEnv("LANG"));
        Assert.Equal("yes", config.GetLabel("base"));
        Assert.Null(config.Cmd);
        Assert.Equal(["python", "app.py"], config.Entrypoint!);
    }

    [Fact]
    public void Cmd_set_in_the_same_stage_survives_a_later_entrypoint()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Cmd("--help").Entrypoint("/app"));

        var config = ImageConfigProjection.Project(file);

        Assert.Equal(["--help"], config.Cmd!);
    }

    [Fact]
    public void Shell_forms_are_wrapped_in_the_stage_shell()
    {
        var file = Dockerfile.Create(Stage.Named("app").From("debian:bookworm-slim")
            .CmdShell("echo default")
            .Shell("/bin/bash", "-c")
            .EntrypointShell("exec run")
            .Healthcheck(Healthcheck.Shell("test -f /ok").WithInterval(TimeSpan.FromSeconds(5)).WithRetries(2)));

        var config = ImageConfigProjection.Project(file);

        Assert.Equal(["/bin/sh", "-c", "echo default"], config.Cmd!);
        Assert.Equal(["/bin/bash", "-c", "exec run"], config.Entrypoint!);
        Assert.Equal(["CMD-SHELL", "test -f /ok"], config.Healthcheck!.Test);
        Assert.Equal(TimeSpan.FromSeconds(5), config.Healthcheck.Interval);
        Assert.Equal(2, config.Healthcheck.Retries);
    }

    [Fact]
    public void Relative_workdir_joins_the_previous_and_is_cleaned()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Workdir("/srv").Workdir((Expandable)"/srv/./app/../api"));

        Assert.Equal("/srv/api", ImageConfigProjection.Project(file).WorkingDir);
    }

    [Fact]
    public void Stage_built_on_a_stage_inherits_its_projection()
    {
        var base1 = Stage.Named("base").FromScratch().Env("A", "1").User(10001);
        var app = Stage.Named("app").From(base1).Env("B", "2");

        var config = ImageConfigProjection.Project(Dockerfile.Create(base1, app));

        Assert.Equal("1", config.GetEnv("A"));
        Assert.Equal("2", config.GetEnv("B"));
        Assert.Equal("10001", config.User);
    }

    [Fact]
    public void Expose_collects_sorted_port_keys_with_protocols()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Expose(8080, Port.Udp(53)).Expose(443));

        Assert.Equal(["443/tcp", "53/udp", "8080/tcp"], ImageConfigProjection.Project(file).ExposedPorts);
    }

    [Fact]
    public void An_invalid_model_is_refused_with_its_errors()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Workdir("relative"));

        var error = Assert.Throws<DockerfileValidationException>(() => ImageConfigProjection.Project(file));
        Assert.Contains(error.Problems, e => e.Location.Keyword == "WORKDIR");
    }
}
