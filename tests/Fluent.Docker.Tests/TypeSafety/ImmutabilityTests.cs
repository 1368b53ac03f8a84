using System.Reflection;

namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// The model is persistent: every fluent call returns a new value and leaves its receiver as it was, so a value
/// can be shared and extended in several directions. Values built the same way are equal.
/// </summary>
public class ImmutabilityTests
{
    private static Stage Base() => Stage.Named("app").From("alpine:3.20").Workdir("/app").Env("MODE", "release");

    [Fact]
    public void Branching_a_stage_leaves_the_trunk_unchanged()
    {
        var a = Base();
        var snapshot = Base();

        var b = a.Run("x");
        var c = a.Run("y");

        Assert.Equal(snapshot, a);
        Assert.Equal(2, a.Instructions.Count);
        Assert.NotEqual(b, c);
        Assert.Equal(a.Instructions, b.Instructions.Take(2));
        Assert.Equal(a.Instructions, c.Instructions.Take(2));
        Assert.Equal(new RunInstruction(new CommandLine.Shell("x"), ValueList<RunOption>.Empty), b.Instructions[^1]);
        Assert.Equal(new RunInstruction(new CommandLine.Shell("y"), ValueList<RunOption>.Empty), c.Instructions[^1]);
    }

    public static TheoryData<string> StageMethods => [.. ModelProbe.StageInstructionMethods.Select(ModelProbe.Signature)];

    [Theory]
    [MemberData(nameof(StageMethods))]
    public void Every_stage_method_returns_a_new_stage_and_leaves_the_receiver_unchanged(string signature)
    {
        var method = ModelProbe.StageInstructionMethods.Single(m => ModelProbe.Signature(m) == signature);
        var receiver = Base();
        var before = receiver.Instructions.ToArray();

        var result = (Stage)ModelProbe.Invoke(method, receiver)!;

        Assert.NotSame(receiver, result);
        Assert.Equal(Base(), receiver);
        Assert.Equal(before, receiver.Instructions);
        // Append-only: the receiver's instructions are a prefix of the result's, and the stage keeps its identity.
        Assert.True(result.Instructions.Count > receiver.Instructions.Count, $"{signature} added no instruction.");
        Assert.Equal(receiver.Instructions, result.Instructions.Take(receiver.Instructions.Count));
        Assert.Equal((receiver.Name, receiver.Base, receiver.Platform), (result.Name, result.Base, result.Platform));
    }

    [Fact]
    public void Comment_returns_a_new_stage_with_the_last_part_commented_and_leaves_the_receiver_unchanged()
    {
        var receiver = Base();
        var before = receiver.Instructions.ToArray();

        var result = receiver.Comment("why");
        var fromOnly = Stage.Named("app").From("alpine:3.20");
        var commentedFrom = fromOnly.Comment("app runs it");

        Assert.Equal(Base(), receiver);
        Assert.Equal(before, receiver.Instructions);
        Assert.Equal(receiver.Instructions.Count, result.Instructions.Count);
        Assert.Equal("why", result.Instructions[^1].Comment);
        Assert.Equal(receiver.Instructions.Take(receiver.Instructions.Count - 1), result.Instructions.Take(result.Instructions.Count - 1));
        Assert.Null(fromOnly.HeaderComment);
        Assert.Equal("app runs it", commentedFrom.HeaderComment);
        Assert.Equal("app runs it", commentedFrom.Run("make").HeaderComment); // kept by later instructions
    }

    [Fact]
    public void Suppress_returns_a_new_stage_and_keeps_instructions_and_earlier_suppressions()
    {
        var receiver = Base().Suppress("FD0014", "reviewed");
        var result = receiver.Suppress("DL3059", "one layer per step on purpose");
        Assert.Equal(Base().Suppress("FD0014", "reviewed"), receiver);
        Assert.Equal(receiver.Instructions, result.Instructions);
        Assert.Equal(["FD0014", "FD0122"], result.Suppressions.Select(s => s.RuleId));
        Assert.Equal(result.Suppressions, result.Run("make").Suppressions); // kept by later instructions
    }

    public static TheoryData<string> DockerfileMethods => [.. ModelProbe.DockerfileWithMethods.Select(ModelProbe.Signature)];

    [Theory]
    [MemberData(nameof(DockerfileMethods))]
    public void Every_dockerfile_with_method_leaves_the_original_untouched(string signature)
    {
        var method = ModelProbe.DockerfileWithMethods.Single(m => ModelProbe.Signature(m) == signature);
        Dockerfile Build() => Dockerfile.Create(Base()).WithGlobalArg(new BuildArg("BASE", "alpine"));
        var original = Build();

        var changed = (Dockerfile)ModelProbe.Invoke(method, original)!;

        Assert.NotSame(original, changed);
        Assert.Equal(Build(), original);
        Assert.NotEqual(original, changed);
        Assert.Equal(BuilderProfile.Builtin, original.Frontend);
        Assert.Equal(EscapeToken.Backslash, original.Escape);
        Assert.Null(original.Checks);
        Assert.Single(original.Stages);
        Assert.Single(original.GlobalArgs);
    }

    [Fact]
    public void Callers_arrays_are_copied()
    {
        var arguments = new[] { "/app", "--port", "8080" };
        var stages = new[] { Base() };
        var stage = Base().Cmd(arguments);
        var file = Dockerfile.Create(stages);
        ValueList<string> list = arguments;

        arguments[0] = "/bin/sh";
        stages[0] = Stage.Named("other").FromScratch();

        Assert.Equal(new[] { "/app", "--port", "8080" }, Assert.IsType<CommandLine.Exec>(((CmdInstruction)stage.Instructions[^1]).Command).Arguments);
        Assert.Equal(Base(), Assert.Single(file.Stages));
        Assert.Equal("/app", list[0]);
    }

    [Fact]
    public void Value_list_append_returns_a_new_list()
    {
        var list = ValueList.Of("a");
        var longer = list.Append("b");
        var longest = longer.AppendRange(new[] { "c", "d" });

        Assert.Equal(new[] { "a" }, list);
        Assert.Equal(new[] { "a", "b" }, longer);
        Assert.Equal(new[] { "a", "b", "c", "d" }, longest);
    }

    [Fact]
    public void Equal_construction_gives_equal_values()
    {
        static Dockerfile Build()
        {
            var version = new BuildArg("GO_VERSION", "1.23");
            var build = Stage.Named("build").From("golang:1.23", Platform.BuildPlatform)
                .Arg(version)
                .Copy(["go.mod", "go.sum"], "./")
                .Run("go mod download", Mount.Cache("/go/pkg/mod", sharing: CacheSharing.Locked))
                .Env("GOFLAGS", $"-ldflags=-X=main.version={version}")
                .Run("go build -o /out/app .", Mount.Secret(new SecretId("netrc"), target: "/root/.netrc"));
            var final = Stage.Named("final").FromScratch()
                .CopyFrom(build, "/out/app", "/app", new CopyOptions { Chmod = FilePermissions.Executable, Exclude = ValueList.Of("*.md") })
                .Label(OciLabels.Version, $"{version}")
                .Expose(8080, Port.Udp(53))
                .User(UserSpec.Id(10001, 10001))
                .Healthcheck(Healthcheck.Exec("/app", "-health").WithInterval(TimeSpan.FromSeconds(30)))
                .Entrypoint("/app");
            return Dockerfile.Create(build, final).WithGlobalArg(version).WithFrontend(BuilderProfile.DockerfileFrontend("1.7"));
        }

        var first = Build();
        var second = Build();

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(first.Stages == second.Stages);
        Assert.Equal(first.Stages[1], second.Stages[1]);
        Assert.NotEqual(first, second.WithEscape(EscapeToken.Backtick));
        Assert.NotEqual(first.Stages[0], second.Stages[0].Run("true"));
    }

    [Fact]
    public void Value_lists_compare_by_content()
    {
        Assert.Equal(ValueList.Of(1, 2), ValueList.Of(1, 2));
        Assert.True(ValueList.Of(1, 2) == new ValueList<int>([1, 2]));
        Assert.Equal(ValueList.Of(1, 2).GetHashCode(), new ValueList<int>([1, 2]).GetHashCode());
        Assert.NotEqual(ValueList.Of(1, 2), ValueList.Of(2, 1));
        Assert.Equal(ValueList<int>.Empty, default);
        Assert.Empty(default(ValueList<int>));
    }

    [Fact]
    public void Expandables_compare_by_parts()
    {
        var version = new BuildArg("VERSION");
        Expandable interpolated = $"/opt/app-{version}/bin";
        var concatenated = Expandable.Literal("/opt/") + "app-" + version + "/bin";

        Assert.Equal(interpolated, concatenated);
        Assert.Equal(interpolated.GetHashCode(), concatenated.GetHashCode());
        Assert.Equal((Expandable)"abc", Expandable.Literal("a") + "bc");
        // The text "${VERSION}" is a literal, not a reference: equal rendering, different value.
        Assert.NotEqual(Expandable.Literal("/opt/app-${VERSION}/bin"), interpolated);
        Assert.Equal(Expandable.Literal("/opt/app-${VERSION}/bin").ToString(), interpolated.ToString());
    }

    [Fact]
    public void Interpolation_keeps_a_build_arg_as_a_reference()
    {
        var version = new BuildArg("VERSION", "1.0");
        var home = Expandable.Variable("HOME");
        Expandable value = $"v{version}-{home}:{42}";

        Assert.Equal(
            [new("v", false), new("VERSION", true), new("-", false), new("HOME", true), new(":42", false)],
            value.Parts);
        Assert.False(value.IsLiteral);
        Assert.Null(value.LiteralText);
        Assert.Equal(["VERSION", "HOME"], value.VariableNames);
        // Through the model: the ENV value holds the reference, not the text of its default.
        var env = (EnvInstruction)Stage.Named("b").From("alpine").Arg(version).Env("APP_VERSION", $"{version}").Instructions[^1];
        Assert.Equal([new ExpandablePart("VERSION", true)], env.Variables[0].Value.Parts);
    }

    [Fact]
    public void An_expandable_copy_never_sees_later_appends()
    {
        Expandable value = $"a{new BuildArg("B")}";
        var copy = value;
        var stored = new EnvVariable("X", value);

        value.AppendLiteral("c");

        Assert.Equal([new("a", false), new("B", true)], copy.Parts);
        Assert.Equal([new("a", false), new("B", true)], stored.Value.Parts);
        Assert.Equal([new("a", false), new("B", true), new("c", false)], value.Parts);
        value = copy;
        Assert.Equal([new("a", false), new("B", true)], value.Parts);
    }
}
