namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// Misuses of the model that must be compile errors, each with the error id and the code it is blamed on
/// (<c>[|…|]</c>), and each with a twin: the closest correct code, which must compile cleanly. The twin proves the
/// snippet compiler works and that the error comes from the misuse, not from the rest of the snippet.
/// </summary>
public class MisuseDoesNotCompileTests
{
    /// <param name="Name">The case, as shown in the test name.</param>
    /// <param name="ErrorId">The compiler error the misuse must produce, inside the marked span.</param>
    /// <param name="Code">Statements with the offending code marked <c>[|…|]</c>.</param>
    /// <param name="Twin">The corrected statements; must compile without errors or warnings.</param>
    public sealed record Misuse(string Name, string ErrorId, string Code, string Twin);

    private const string Secret = """var secret = new SecretId("npm_token");""";

    public static readonly IReadOnlyList<Misuse> Cases =
    [
        // ---- type-state: nothing before FROM
        new("RunBeforeFrom", "CS1061",
            """var s = Stage.Named("b").[|Run|]("make");""",
            """var s = Stage.Named("b").From("alpine:3.20").Run("make");"""),
        new("WorkdirBeforeFrom", "CS1061",
            """var s = Stage.Named("b").[|Workdir|]("/x");""",
            """var s = Stage.Named("b").From("alpine:3.20").Workdir("/x");"""),
        new("CopyBeforeFrom", "CS1061",
            """var s = Stage.Named("b").[|Copy|](".", "/src");""",
            """var s = Stage.Named("b").From("alpine:3.20").Copy(".", "/src");"""),
        new("EnvBeforeFromOnAnUnnamedStage", "CS1061",
            """var s = Stage.Unnamed().[|Env|]("A", "1");""",
            """var s = Stage.Unnamed().FromScratch().Env("A", "1");"""),
        new("ConstructStageWithoutFrom", "CS1729",
            """var s = [|new Stage("b", new BaseImage.Scratch(), null, ValueList<Instruction>.Empty)|];""",
            """var s = Stage.Named("b").FromScratch();"""),
        new("FromADeclarationThatHasNoBase", "CS1503",
            """var s = Stage.Named("test").From([|Stage.Named("build")|]);""",
            """var s = Stage.Named("test").From(Stage.Named("build").From("golang:1.23"));"""),

        // ---- COPY --from takes a Stage, ImageReference or NamedContext, never a string
        new("CopyFromAString", "CS1503",
            """var s = Stage.Named("final").FromScratch().CopyFrom([|"builder"|], "/out", "/app");""",
            """
            var builder = Stage.Named("builder").From("golang:1.23");
            var s = Stage.Named("final").FromScratch().CopyFrom(builder, "/out", "/app");
            """),
        new("CopyFromAStageName", "CS1503",
            """
            var builder = Stage.Named("builder").From("golang:1.23");
            var s = Stage.Named("final").FromScratch().CopyFrom([|builder.Name|], "/out", "/app");
            """,
            """
            var s = Stage.Named("final").FromScratch()
                .CopyFrom(ImageReference.Parse("builder"), "/out", "/app")
                .CopyFrom(new NamedContext("assets"), "/", "/assets");
            """),
        new("CopyFromAStageRef", "CS1503",
            """
            var builder = Stage.Named("builder").From("golang:1.23");
            var s = Stage.Named("final").FromScratch().CopyFrom([|builder.Reference|], "/out", "/app");
            """,
            """
            var builder = Stage.Named("builder").From("golang:1.23");
            var s = Stage.Named("final").FromScratch().CopyFrom(builder, ["/out/a", "/out/b"], "/app/");
            """),
        new("CopyFromADeclarationThatHasNoBase", "CS1503",
            """var s = Stage.Named("final").FromScratch().CopyFrom([|Stage.Named("builder")|], "/out", "/app");""",
            """var s = Stage.Named("final").FromScratch().CopyFrom(Stage.Named("builder").From("golang:1.23"), "/out", "/app");"""),
        new("BindMountFromAString", "CS1503",
            """var m = Mount.Bind("/src", from: [|"builder"|]);""",
            """
            var builder = Stage.Named("builder").From("golang:1.23");
            var m = Mount.Bind("/src", from: builder);
            """),

        // ---- a Dockerfile is made of stages, not text
        new("DockerfileFromText", "CS1503",
            """var d = Dockerfile.Create([|"FROM alpine\nRUN make"|]);""",
            """var d = Dockerfile.Create(Stage.Named("b").From("alpine").Run("make"));"""),
        new("DockerfileFromADeclaration", "CS1503",
            """var d = Dockerfile.Create([|Stage.Named("b")|]);""",
            """var d = Dockerfile.Create(Stage.Named("b").From("alpine"));"""),

        // ---- a secret is never a value (ENV/LABEL/ARG are stored in the image)
        new("SecretAsEnvValue", "CS1503",
            Secret + """var s = Stage.Named("b").From("node:22").Env("TOKEN", [|secret|]);""",
            Secret + """var s = Stage.Named("b").From("node:22").Run("npm ci", Mount.Secret(secret, env: "NPM_TOKEN"));"""),
        new("SecretInterpolatedIntoEnv", "CS0619",
            Secret + """var s = Stage.Named("b").From("node:22").Env("TOKEN", $"[|{secret}|]");""",
            """var version = new BuildArg("VERSION"); var s = Stage.Named("b").From("node:22").Arg(version).Env("TOKEN", $"{version}");"""),
        new("SecretInterpolatedIntoAnExpandable", "CS0619",
            Secret + """var e = (Expandable)$"token-[|{secret}|]";""",
            Secret + """var e = (Expandable)$"token-{secret.Id.Length}";"""),
        new("SecretInterpolatedIntoAnEnvTuple", "CS0619",
            Secret + """var s = Stage.Named("b").From("node:22").Env(("TOKEN", $"[|{secret}|]"), ("B", "2"));""",
            """var s = Stage.Named("b").From("node:22").Env(("TOKEN", $"x{Expandable.Variable("HOME")}"), ("B", "2"));"""),
        new("SecretInterpolatedIntoALabel", "CS0619",
            Secret + """var s = Stage.Named("b").From("node:22").Label("token", $"v-[|{secret}|]");""",
            """var s = Stage.Named("b").From("node:22").Label("token", $"v-{BuildArg.TargetArch}");"""),
        new("SecretAppendedToAnExpandable", "CS0019",
            Secret + """Expandable e = "a"; var f = [|e + secret|];""",
            """Expandable e = "a"; var f = e + new BuildArg("B");"""),
        new("SecretAsABuildArg", "CS1503",
            Secret + """var s = Stage.Named("b").From("node:22").Arg([|secret|]);""",
            """var s = Stage.Named("b").From("node:22").Arg(new BuildArg("NPM_TOKEN"));"""),

        // ---- typed values do not come from loose strings
        new("PortFromAString", "CS1503",
            """var s = Stage.Named("b").From("nginx").Expose([|"8080"|]);""",
            """var s = Stage.Named("b").From("nginx").Expose(8080, Port.Udp(53));"""),
        new("PlatformFromAString", "CS1503",
            """var s = Stage.Named("b").From("alpine", [|"linux/amd64"|]);""",
            """var s = Stage.Named("b").From("alpine", Platform.Parse("linux/amd64")).Run("uname -m");"""),
        new("SignalFromAString", "CS1503",
            """var s = Stage.Named("b").From("alpine").StopSignal([|"SIGTERM"|]);""",
            """var s = Stage.Named("b").From("alpine").StopSignal(Signal.Named("SIGTERM"));"""),
        new("RunOptionFromAString", "CS1503",
            """var s = Stage.Named("b").From("alpine").Run("apk add curl", [|"--network=none"|]);""",
            """var s = Stage.Named("b").From("alpine").Run("apk add curl", RunNetwork.None);"""),
        new("ChmodFromAString", "CS0029",
            """var o = new CopyOptions { Chmod = [|"0755"|] };""",
            """var o = new CopyOptions { Chmod = FilePermissions.Octal("0755") };"""),

        // ---- the model cannot be mutated
        new("AssignStageInstructions", "CS0200",
            """var s = Stage.Named("b").From("alpine"); [|s.Instructions|] = ValueList<Instruction>.Empty;""",
            """var s = Stage.Named("b").From("alpine"); var count = s.Instructions.Count;"""),
        new("AssignStageName", "CS0200",
            """var s = Stage.Named("b").From("alpine"); var t = s with { [|Name|] = "c" };""",
            """var s = Stage.Named("b").From("alpine"); var t = Stage.Named("c").From(s);"""),
        new("AssignDockerfileStages", "CS0200",
            """var d = Dockerfile.Create(); [|d.Stages|] = ValueList<Stage>.Empty;""",
            """var d = Dockerfile.Create().WithStage(Stage.Named("b").From("alpine"));"""),
        new("ReplaceDockerfileStagesThroughWith", "CS0200",
            """var d = Dockerfile.Create(); var e = d with { [|Stages|] = ValueList<Stage>.Empty };""",
            """var d = Dockerfile.Create(); var e = d.WithStages(Stage.Named("b").From("alpine"));"""),
        new("AssignAHealthcheckTiming", "CS8852",
            """var h = Healthcheck.Exec("/app", "-health"); [|h.Retries|] = 3;""",
            """var h = Healthcheck.Exec("/app", "-health").WithRetries(3) with { Timeout = TimeSpan.FromSeconds(3) };"""),
        new("AssignACopyOption", "CS8852",
            """var o = CopyOptions.None; [|o.Link|] = true;""",
            """var o = CopyOptions.None with { Link = true };"""),
        new("SetAValueListItem", "CS0200",
            """var l = ValueList.Of("a", "b"); [|l[0]|] = "c";""",
            """var l = ValueList.Of("a", "b"); var first = l[0];"""),
        new("ValueListIsNotAMutableCollection", "CS0029",
            """var l = ValueList.Of("a", "b"); ICollection<string> c = [|l|];""",
            """var l = ValueList.Of("a", "b"); IReadOnlyList<string> r = l;"""),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    private static Misuse Case(string name) => Cases.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Misuse_fails_with_the_expected_error_at_the_marked_code(string name)
    {
        var misuse = Case(name);
        SnippetCompiler.AssertError(misuse.ErrorId, misuse.Code);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Twin_compiles(string name) => SnippetCompiler.AssertCompiles(Case(name).Twin);

    [Fact]
    public void Case_names_are_unique() => Assert.Equal(Cases.Count, Cases.Select(c => c.Name).Distinct().Count());

    [Fact]
    public void Interpolated_secret_error_names_the_fix()
    {
        var message = SnippetCompiler.CompileStatements(Secret + """Expandable e = $"[|{secret}|]";""").MessageOf("CS0619");
        Assert.Contains("secret mount", message);
        Assert.Contains("Mount.Secret(", message);
    }
}
