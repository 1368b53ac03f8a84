using static Fluent.Docker.Tests.Emit.EmitKit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Every error path of the validator: each problem yields one <see cref="Problem"/> naming the stage,
/// the instruction (1-based after FROM), its keyword and the slot, with a message and a fix; Emit/WriteTo refuse
/// to write anything for an invalid model.
/// </summary>
public class ValidationTests
{
    private static Problem SingleError(Dockerfile file)
    {
        var errors = file.Validate();
        return Assert.Single(errors);
    }

    private static Problem SingleError(Stage stage) => SingleError(Dockerfile.Create(stage).WithFrontend(ForFlags(stage)));

    /// <summary>Flag-value checks run with the labs frontend, so the frontend check does not add its own error.</summary>
    private static BuilderProfile ForFlags(Stage stage) =>
        Dockerfile.Create(stage).RequiredFrontend().UnknownTo(BuilderProfile.Builtin).Any() ? Labs : BuilderProfile.Builtin;

    [Fact]
    public void Parents_needs_a_newer_frontend_than_the_builtin_one_of_Docker_28_and_exclude_needs_one_on_Docker_26()
    {
        var copy = App().Copy("a", "/b", new CopyOptions { Exclude = ValueList.Of("*.md"), Parents = true });

        var error = Assert.Single(Dockerfile.Create(copy).Validate());
        var old = Dockerfile.Create(copy).WithFrontend(BuilderProfile.BuiltinFrontend("1.7")).Validate();

        Assert.Equal("--parents", error.Location.Slot);
        Assert.Contains("DockerfileFrontend(\"1.20\")", error.Fix, StringComparison.Ordinal);
        Assert.Equal(["--exclude", "--parents"], old.Select(e => e.Location.Slot));
        Assert.Empty(Dockerfile.Create(copy).WithFrontend(Labs).Validate());
    }

    // ---- raw line breaks, NUL and unpaired surrogates in single-line slots

    public static TheoryData<string> BadCharacters() => new() { "\r", "\n", "\0", "\ud800", "\udc00x" };

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Env_value(string bad) =>
        AssertAt(SingleError(App().Env("A", "x" + bad + "y")), "app", 0, 1, "ENV", "ENV value of A");

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Label_key(string bad) =>
        AssertAt(SingleError(App().Label("com.example" + bad, "v")), "app", 0, 1, "LABEL", "label key");

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Label_value(string bad) =>
        AssertAt(SingleError(App().Label("com.example.k", "v" + bad)), "app", 0, 1, "LABEL", "value of label com.example.k");

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Workdir_path(string bad) =>
        AssertAt(SingleError(App().Workdir("/app" + bad)), "app", 0, 1, "WORKDIR", "path");

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void User_name_and_group(string bad)
    {
        AssertAt(SingleError(App().User("app" + bad)), "app", 0, 1, "USER", "user");
        AssertAt(SingleError(App().User(UserSpec.Named("app", "staff" + bad))), "app", 0, 1, "USER", "group");
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Exec_arguments(string bad)
    {
        AssertAt(SingleError(App().RunExec(["/bin/echo", "a" + bad])), "app", 0, 1, "RUN", "command argument 2");
        AssertAt(SingleError(App().Cmd("/app" + bad)), "app", 0, 1, "CMD", "command argument 1");
        AssertAt(SingleError(App().Entrypoint("/app", "x", bad)), "app", 0, 1, "ENTRYPOINT", "command argument 3");
        AssertAt(SingleError(App().Shell("/bin/sh", "-c" + bad)), "app", 0, 1, "SHELL", "shell argument 2");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app", bad))), "app", 0, 1, "HEALTHCHECK", "test argument 2");
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Shell_commands(string bad)
    {
        AssertAt(SingleError(App().Run("echo a" + bad + "b")), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().CmdShell("echo" + bad)), "app", 0, 1, "CMD", "command");
        AssertAt(SingleError(App().EntrypointShell(bad + "echo")), "app", 0, 1, "ENTRYPOINT", "command");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Shell("curl" + bad))), "app", 0, 1, "HEALTHCHECK", "test");
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Copy_add_and_volume_paths(string bad)
    {
        AssertAt(SingleError(App().Copy(["a", "b" + bad], "/dst/")), "app", 0, 1, "COPY", "source 2");
        AssertAt(SingleError(App().Copy("a", "/dst" + bad)), "app", 0, 1, "COPY", "destination");
        AssertAt(SingleError(App().CopyContent("/etc/x" + bad, "content")), "app", 0, 1, "COPY", "destination");
        AssertAt(SingleError(App().Add(new AddSource.Local("a" + bad), "/dst/")), "app", 0, 1, "ADD", "source");
        AssertAt(SingleError(App().Volume("/data", "/logs" + bad)), "app", 0, 1, "VOLUME", "path 2");
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Arg_defaults(string bad)
    {
        AssertAt(SingleError(App().Arg(new BuildArg("A", "x" + bad))), "app", 0, 1, "ARG", "default of ARG A");
        AssertAt(SingleError(Dockerfile.Create(App()).WithGlobalArg(new BuildArg("G", bad))), null, null, null, "ARG", "default of ARG G");
    }

    [Theory]
    [MemberData(nameof(BadCharacters))]
    public void Flag_and_mount_values(string bad)
    {
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Chown = "app" + bad })), "app", 0, 1, "COPY", "--chown");
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Exclude = ValueList.Of("*.md" + bad) })), "app", 0, 1, "COPY", "--exclude");
        AssertAt(SingleError(App().Run("make", Mount.Tmpfs("/tmp" + bad))), "app", 0, 1, "RUN", "--mount type=tmpfs target");
    }

    [Fact]
    public void Error_positions_mention_the_offending_character()
    {
        Assert.Contains("line feed (LF) at position 1", SingleError(App().Env("A", "x\ny")).Message);
        Assert.Contains("carriage return (CR) at position 0", SingleError(App().Env("A", "\r")).Message);
        Assert.Contains("NUL", SingleError(App().Env("A", "\0")).Message);
        Assert.Contains("surrogate at position 2", SingleError(App().Env("A", "ab\ud800")).Message);
    }

    // ---- stage names and references

    [Fact]
    public void Empty_dockerfile() => AssertAt(SingleError(Dockerfile.Create()), null, null, null, null, "stages");

    [Theory]
    [InlineData("Build")]
    [InlineData("1build")]
    [InlineData("my stage")]
    [InlineData("")]
    public void Invalid_stage_name(string name) =>
        AssertAt(SingleError(Stage.Named(name).From("busybox:1.36")), name, 0, 0, "FROM", "stage name");

    [Theory]
    [InlineData("scratch")]
    [InlineData("context")]
    public void Reserved_stage_name_builds_and_is_only_a_lint_warning_as_in_BuildKit(string name)
    {
        var file = Dockerfile.Create(Stage.Named(name).From("busybox:1.36").Run("true"));

        Assert.Empty(file.Validate());
        Assert.Equal($"FROM busybox:1.36 AS {name}\nRUN true\n", file.Emit());
        var finding = Assert.Single(Fluent.Docker.Linting.Linter.Lint(file).Diagnostics, d => d.Code == "FD0009");
        Assert.Equal(Fluent.Docker.ProblemSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void A_dockerfile_with_a_stage_named_scratch_reads_as_a_typed_model()
    {
        var file = Dockerfile.Parse("FROM busybox:1.36 AS scratch\nRUN echo hi > /x\n\nFROM scratch\nCOPY --from=scratch /x /x\n");

        Assert.Equal("scratch", file.Stages[0].Name);
        Assert.DoesNotContain(file.Stages.SelectMany(s => s.Instructions), i => i is RawInstruction);
    }

    [Fact]
    public void Duplicate_stage_name_is_reported_on_the_second_stage()
    {
        var error = SingleError(Dockerfile.Create(App("build"), App("build")));
        AssertAt(error, "build", 1, 0, "FROM", "stage name");
        Assert.Contains("#1", error.Message);
    }

    [Fact]
    public void Invalid_image_reference() =>
        AssertAt(SingleError(Stage.Named("app").From("Debian:Bookworm Slim")), "app", 0, 0, "FROM", "base image");

    [Fact]
    public void Stage_name_passed_as_an_image_string()
    {
        var error = SingleError(Dockerfile.Create(App("build"), Stage.Named("test").From("build")));
        AssertAt(error, "test", 1, 0, "FROM", "base image");
        Assert.Contains("'build'", error.Message);
    }

    [Fact]
    public void Referenced_stage_missing_from_the_file()
    {
        var ghost = App("ghost");
        AssertAt(SingleError(Stage.Named("app").From(ghost)), "app", 0, 0, "FROM", "base stage");
        var error = SingleError(App().Run("true").CopyFrom(ghost, "/x", "/x"));
        AssertAt(error, "app", 0, 2, "COPY", "--from");
        Assert.Contains("'ghost'", error.Message);
        AssertAt(SingleError(App().Run("make", Mount.Bind("/src", from: ghost))), "app", 0, 1, "RUN", "--mount type=bind from");
        AssertAt(SingleError(App().Run("make", new CacheMount("/c") { From = ghost })), "app", 0, 1, "RUN", "--mount type=cache from");
    }

    [Fact]
    public void Referenced_stage_later_in_the_file_names_both_stages()
    {
        var build = App("build");
        var error = SingleError(Dockerfile.Create(App("runtime").CopyFrom(build, "/out", "/app"), build));
        AssertAt(error, "runtime", 0, 1, "COPY", "--from");
        Assert.Contains("'runtime'", error.Message);
        Assert.Contains("'build'", error.Message);
        Assert.Contains("#2", error.Message);
    }

    [Fact]
    public void Reference_to_an_unnamed_stage_or_to_itself()
    {
        var unnamed = Stage.Unnamed().From("busybox:1.36");
        AssertAt(SingleError(Dockerfile.Create(unnamed, App().CopyFrom(unnamed, "/x", "/x"))), "app", 1, 1, "COPY", "--from");
        var self = App("self");
        AssertAt(SingleError(Dockerfile.Create(self.CopyFrom(self, "/x", "/y"))), "self", 0, 1, "COPY", "--from");
    }

    // ---- commands

    [Theory]
    [InlineData(EscapeToken.Backslash, "make \\")]
    [InlineData(EscapeToken.Backslash, "make \\  \t")]
    [InlineData(EscapeToken.Backtick, "make `")]
    public void Shell_command_ending_in_the_escape_character(EscapeToken escape, string command)
    {
        var error = SingleError(Dockerfile.Create(App().Run(command)).WithEscape(escape));
        AssertAt(error, "app", 0, 1, "RUN", "command");
        Assert.Contains("escape character", error.Message);
    }

    [Fact]
    public void Shell_command_ending_in_the_other_escape_character_is_fine() =>
        Assert.Empty(Dockerfile.Create(App().Run("echo \\")).WithEscape(EscapeToken.Backtick).Validate());

    [Theory]
    [InlineData("[\"echo\", \"hi\"]")]
    [InlineData("  [ \"echo\" ]  ")]
    [InlineData("[]")]
    public void Shell_command_that_is_a_json_array(string command)
    {
        var error = SingleError(App().CmdShell(command));
        AssertAt(error, "app", 0, 1, "CMD", "command");
        Assert.Contains("JSON", error.Message);
    }

    [Fact]
    public void Shell_command_that_only_looks_like_json_is_fine() =>
        Assert.Empty(Dockerfile.Create(App().Run("[ -f /etc/os-release ] && cat /etc/os-release")).Validate());

    [Theory]
    [InlineData("cat <<EOF > /etc/x")]
    [InlineData("cat <<-'END'")]
    [InlineData("python3 2<<\"X\"")]
    public void Shell_command_with_a_heredoc_marker(string command)
    {
        var error = SingleError(App().Run(command));
        AssertAt(error, "app", 0, 1, "RUN", "command");
        Assert.Contains("heredoc", error.Message);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--mount=type=cache,target=/x make")]
    public void Shell_command_starting_with_a_flag(string command)
    {
        AssertAt(SingleError(App().Run(command)), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().CmdShell(command)), "app", 0, 1, "CMD", "command");
        AssertAt(SingleError(App().EntrypointShell(command)), "app", 0, 1, "ENTRYPOINT", "command");
        Assert.Empty(Dockerfile.Create(App().Healthcheck(Healthcheck.Shell(command))).Validate()); // HEALTHCHECK CMD --x is not a flag
    }

    [Fact]
    public void Leading_blanks_do_not_hide_a_flag_and_are_refused_themselves()
    {
        var errors = Dockerfile.Create(App().Run("  --mount=type=cache,target=/x make")).Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("flag", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("spaces or tabs", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_commands()
    {
        AssertAt(SingleError(App().Run("  ")), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().RunExec([])), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().RunScript("\n")), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().Shell()), "app", 0, 1, "SHELL", "shell");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec())), "app", 0, 1, "HEALTHCHECK", "test");
        Assert.Empty(Dockerfile.Create(App().Cmd().Entrypoint()).Validate()); // CMD [] / ENTRYPOINT [] clear them
    }

    [Fact]
    public void Heredoc_with_cr_nul_or_an_overlong_line()
    {
        AssertAt(SingleError(App().RunScript("echo a\r\necho b\n")), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().RunScript("echo \0")), "app", 0, 1, "RUN", "command");
        AssertAt(SingleError(App().CopyContent("/etc/x", "a\r\n")), "app", 0, 1, "COPY", "content");
        AssertAt(SingleError(App().CopyContent("/etc/x", "a\ud800")), "app", 0, 1, "COPY", "content");
        var error = SingleError(App().CopyContent("/etc/x", "short\n" + new string('x', 65_536) + "\n"));
        AssertAt(error, "app", 0, 1, "COPY", "content");
        Assert.Contains("65535", error.Message);
    }

    [Fact]
    public void Cmd_and_entrypoint_cannot_be_heredoc_scripts()
    {
        AssertAt(SingleError(App().Append(new CmdInstruction(new CommandLine.Script("echo hi\n")))), "app", 0, 1, "CMD", "command");
        AssertAt(SingleError(App().Append(new EntrypointInstruction(new CommandLine.Script("echo hi\n")))), "app", 0, 1, "ENTRYPOINT", "command");
    }

    [Fact]
    public void Healthcheck_timings()
    {
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app").WithInterval(TimeSpan.FromSeconds(-1)))), "app", 0, 1, "HEALTHCHECK", "--interval");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app").WithTimeout(TimeSpan.FromMicroseconds(10)))), "app", 0, 1, "HEALTHCHECK", "--timeout");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app").WithStartPeriod(TimeSpan.FromTicks(-1)))), "app", 0, 1, "HEALTHCHECK", "--start-period");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app").WithStartInterval(TimeSpan.FromTicks(1)))), "app", 0, 1, "HEALTHCHECK", "--start-interval");
        AssertAt(SingleError(App().Healthcheck(Healthcheck.Exec("/app").WithRetries(-1))), "app", 0, 1, "HEALTHCHECK", "--retries");
        Assert.Empty(Dockerfile.Create(App().Healthcheck(Healthcheck.Exec("/app").WithInterval(TimeSpan.Zero).WithRetries(0))).Validate());
    }

    // ---- ONBUILD

    [Fact]
    public void Nested_onbuild()
    {
        var error = SingleError(App().Run("true").OnBuild(t => t.OnBuild(u => u.Run("make"))));
        AssertAt(error, "app", 0, 2, "ONBUILD", "trigger");
    }

    [Fact]
    public void Onbuild_trigger_errors_are_reported_on_the_onbuild_instruction()
    {
        AssertAt(SingleError(App().OnBuild(t => t.RunScript("make\n"))), "app", 0, 1, "ONBUILD", "command");
        AssertAt(SingleError(App().OnBuild(t => t.CopyContent("/etc/x", "y"))), "app", 0, 1, "ONBUILD", "content");
        AssertAt(SingleError(App().OnBuild(t => t.Workdir("relative"))), "app", 0, 1, "ONBUILD", "path");
    }

    // ---- values

    [Fact]
    public void Relative_workdir()
    {
        var error = SingleError(App().Workdir("app"));
        AssertAt(error, "app", 0, 1, "WORKDIR", "path");
        Assert.Contains("relative", error.Message);
        AssertAt(SingleError(App().Workdir("")), "app", 0, 1, "WORKDIR", "path");
        Assert.Empty(Dockerfile.Create(App().Workdir(Expandable.Variable("HOME"))).Validate()); // may expand to an absolute path
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void Port_out_of_range(int port) =>
        AssertAt(SingleError(App().Expose(8080, port)), "app", 0, 1, "EXPOSE", $"port {port}");

    [Fact]
    public void Ports_at_the_bounds_are_fine() => Assert.Empty(Dockerfile.Create(App().Expose(1, 65535)).Validate());

    [Fact]
    public void Label_key_with_equals_or_empty()
    {
        var error = SingleError(App().Label("a=b", "v"));
        AssertAt(error, "app", 0, 1, "LABEL", "label key");
        Assert.Contains("'='", error.Message);
        AssertAt(SingleError(App().Label("", "v")), "app", 0, 1, "LABEL", "label key");
    }

    [Fact]
    public void Variable_names()
    {
        AssertAt(SingleError(App().Env("1BAD", "v")), "app", 0, 1, "ENV", "ENV name '1BAD'");
        AssertAt(SingleError(App().Env("A", Expandable.Variable("not-a-name"))), "app", 0, 1, "ENV", "ENV value of A");
        AssertAt(SingleError(App().Arg(new BuildArg("bad-name"))), "app", 0, 1, "ARG", "ARG bad-name");
        AssertAt(SingleError(Dockerfile.Create(App()).WithGlobalArg(new BuildArg("9"))), null, null, null, "ARG", "global ARG 9");
    }

    [Fact]
    public void Empty_instruction_lists()
    {
        AssertAt(SingleError(App().Env()), "app", 0, 1, "ENV", "variables");
        AssertAt(SingleError(App().Labels()), "app", 0, 1, "LABEL", "labels");
        AssertAt(SingleError(App().Expose()), "app", 0, 1, "EXPOSE", "ports");
        AssertAt(SingleError(App().Volume()), "app", 0, 1, "VOLUME", "paths");
        AssertAt(SingleError(App().Copy(Array.Empty<SourcePath>(), "/x")), "app", 0, 1, "COPY", "sources");
        AssertAt(SingleError(App().Append(new AddInstruction(ValueList<AddSource>.Empty, "/x", CopyOptions.None, null))), "app", 0, 1, "ADD", "sources");
    }

    [Fact]
    public void Users_and_signals()
    {
        AssertAt(SingleError(App().User("")), "app", 0, 1, "USER", "user");
        AssertAt(SingleError(App().User(UserSpec.Named("a:b", "c"))), "app", 0, 1, "USER", "user");
        AssertAt(SingleError(App().StopSignal(Signal.Named("TERM"))), "app", 0, 1, "STOPSIGNAL", "signal");
        AssertAt(SingleError(App().StopSignal(Signal.Number(65))), "app", 0, 1, "STOPSIGNAL", "signal");
        AssertAt(SingleError(App().Volume("data")), "app", 0, 1, "VOLUME", "path 1");
        AssertAt(SingleError(App().Copy("", "/x")), "app", 0, 1, "COPY", "source 1");
        AssertAt(SingleError(App().Copy("a", "")), "app", 0, 1, "COPY", "destination");
    }

    [Fact]
    public void Copy_options()
    {
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Chown = "my user" })), "app", 0, 1, "COPY", "--chown");
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Chown = "" })), "app", 0, 1, "COPY", "--chown");
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Exclude = ValueList.Of("my file") })), "app", 0, 1, "COPY", "--exclude");
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Exclude = ValueList.Of("café") })), "app", 0, 1, "COPY", "--exclude");
        AssertAt(SingleError(App().Copy("a", "/b", new CopyOptions { Chown = "jürgen" })), "app", 0, 1, "COPY", "--chown");
        AssertAt(SingleError(App().CopyContent("/etc/x", "y", new CopyOptions { Parents = true })), "app", 0, 1, "COPY", "--parents");
        AssertAt(SingleError(App().CopyContent("/etc/my file", "y")), "app", 0, 1, "COPY", "destination");
        AssertAt(SingleError(App().CopyFrom((ImageReference)"Bad Image", "/a", "/b")), "app", 0, 1, "COPY", "--from");
        AssertAt(SingleError(App().CopyFrom(new NamedContext("bad name"), "/a", "/b")), "app", 0, 1, "COPY", "--from");
    }

    [Fact]
    public void Add_sources()
    {
        AssertAt(SingleError(App().Add(new AddSource.Url(new Uri("ftp://example.com/x")), "/x")), "app", 0, 1, "ADD", "source URL");
        AssertAt(SingleError(App().Add(new AddSource.Url(new Uri("https://example.com/x"), "md5:abc"), "/x")), "app", 0, 1, "ADD", "--checksum");
        AssertAt(SingleError(App().Add(new AddSource.Git("https://example.com/r.git#v1"), "/x")), "app", 0, 1, "ADD", "git repository");
        AssertAt(SingleError(App().Add(new AddSource.Git("https://example.com/r.git\n"), "/x")), "app", 0, 1, "ADD", "git repository");
        AssertAt(SingleError(App().Add(new AddSource.Git("https://example.com/r.git", "v 1"), "/x")), "app", 0, 1, "ADD", "git ref");
        AssertAt(SingleError(App().Add(new AddSource.Git("https://example.com/r.git", Checksum: "not a sha"), "/x")), "app", 0, 1, "ADD", "--checksum");
        AssertAt(SingleError(App().Add(new AddSource.Local(""), "/x")), "app", 0, 1, "ADD", "source");
        AssertAt(SingleError(App().Add(new AddSource.Local("a"), "/x", new CopyOptions { Parents = true })), "app", 0, 1, "ADD", "--parents");
        var pinned = new AddSource.Url(new Uri("https://example.com/x"), "sha256:" + new string('0', 64));
        AssertAt(SingleError(App().Append(new AddInstruction(ValueList.Of<AddSource>(pinned, new AddSource.Local("b")), "/x/", CopyOptions.None, null))), "app", 0, 1, "ADD", "--checksum");
    }

    [Fact]
    public void Mount_options()
    {
        AssertAt(SingleError(App().Run("make", Mount.Cache("relative"))), "app", 0, 1, "RUN", "--mount type=cache target");
        AssertAt(SingleError(App().Run("make", Mount.Cache("/c", id: "a,b"))), "app", 0, 1, "RUN", "--mount type=cache id");
        AssertAt(SingleError(App().Run("make", new CacheMount("/c") { Source = "x=y" })), "app", 0, 1, "RUN", "--mount type=cache source");
        AssertAt(SingleError(App().Run("make", Mount.Cache("/café"))), "app", 0, 1, "RUN", "--mount type=cache target");
        AssertAt(SingleError(App().Run("make", Mount.Secret(new SecretId("bad id")))), "app", 0, 1, "RUN", "--mount type=secret id");
        AssertAt(SingleError(App().Run("make", Mount.Secret(new SecretId("tok"), target: "/run/my secret"))), "app", 0, 1, "RUN", "--mount type=secret target");
        AssertAt(SingleError(App().Run("make", Mount.Secret(new SecretId("tok"), env: "BAD-NAME"))), "app", 0, 1, "RUN", "--mount type=secret env");
        AssertAt(SingleError(App().Run("make", Mount.Ssh(id: "a'b"))), "app", 0, 1, "RUN", "--mount type=ssh id");
        AssertAt(SingleError(App().Run("make", Mount.Ssh(target: "sock"))), "app", 0, 1, "RUN", "--mount type=ssh target");
        AssertAt(SingleError(App().Run("make", Mount.Bind("/src", source: "a\"b"))), "app", 0, 1, "RUN", "--mount type=bind source");
        // A relative bind target is fine (BuildKit mounts it under WORKDIR, e.g. target=.); an empty one is not.
        AssertAt(SingleError(App().Run("make", Mount.Bind(""))), "app", 0, 1, "RUN", "--mount type=bind target");
        AssertAt(SingleError(App().Run("make", Mount.Tmpfs("/tmp", size: 0))), "app", 0, 1, "RUN", "--mount type=tmpfs size");
    }

    [Fact]
    public void Check_directive_names() =>
        AssertAt(SingleError(Dockerfile.Create(App()).WithChecks(new CheckDirective { Skip = ValueList.Of("JSONArgsRecommended", "no such;check") })),
            null, null, null, null, "check directive");

    // ---- all errors together; nothing written

    private static Dockerfile FourProblems() =>
        Dockerfile.Create(
            App("Build").Workdir("relative"),
            App().Expose(0).CopyFrom(App("missing"), "/x", "/y"));

    [Fact]
    public void Emit_throws_listing_every_error_not_just_the_first()
    {
        var file = FourProblems();
        var exception = Assert.Throws<DockerfileValidationException>(() => file.Emit());
        Assert.Equal(4, exception.Problems.Count);
        Assert.Equal(file.Validate(), exception.Problems);
        AssertAt(exception.Problems[0], "Build", 0, 0, "FROM", "stage name");
        AssertAt(exception.Problems[1], "Build", 0, 1, "WORKDIR", "path");
        AssertAt(exception.Problems[2], "app", 1, 1, "EXPOSE", "port 0");
        AssertAt(exception.Problems[3], "app", 1, 2, "COPY", "--from");
        Assert.Contains("4 problem(s)", exception.Message);
        foreach (var error in exception.Problems) Assert.Contains(error.ToString(), exception.Message);
        Assert.Contains("stage 'app' (#2), instruction 2 COPY, --from:", exception.Message);
    }

    [Fact]
    public void ToString_of_an_invalid_file_does_not_throw() =>
        Assert.Equal("Dockerfile with 4 problem(s)", FourProblems().ToString());

    [Fact]
    public void WriteTo_an_invalid_model_creates_no_file()
    {
        var directory = Directory.CreateTempSubdirectory("fluent-docker-emit-");
        try
        {
            var path = Path.Combine(directory.FullName, "Dockerfile");
            Assert.Throws<DockerfileValidationException>(() => FourProblems().WriteTo(path));
            Assert.False(File.Exists(path));
            Assert.Empty(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void WriteTo_an_invalid_model_leaves_an_existing_file_untouched()
    {
        var directory = Directory.CreateTempSubdirectory("fluent-docker-emit-");
        try
        {
            var path = Path.Combine(directory.FullName, "Dockerfile");
            File.WriteAllText(path, "FROM busybox:1.36\n");
            var written = File.GetLastWriteTimeUtc(path);
            Assert.Throws<DockerfileValidationException>(() => FourProblems().WriteTo(path));
            Assert.Equal("FROM busybox:1.36\n", File.ReadAllText(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
            Assert.Single(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void WriteTo_a_valid_model_writes_the_emitted_text()
    {
        var directory = Directory.CreateTempSubdirectory("fluent-docker-emit-");
        try
        {
            var path = Path.Combine(directory.FullName, "sub", "Dockerfile");
            var file = Dockerfile.Create(App().Env("A", "é"));
            file.WriteTo(path);
            Assert.Equal(file.Emit(), File.ReadAllText(path));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(file.Emit()), File.ReadAllBytes(path)); // UTF-8 without BOM
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
