namespace Fluent.Docker.Tests.Model;

/// <summary>ONBUILD triggers are re-read by child builds with the child's escape token: they must not depend on ours.</summary>
public class OnBuildPortabilityTests
{
    private static IReadOnlyList<Problem> Validate(Func<Stage, Stage> triggers, EscapeToken escape = EscapeToken.Backslash) =>
        Dockerfile.Create(Stage.Named("base").From("busybox:1.36").OnBuild(triggers)).WithEscape(escape).Validate();

    [Theory]
    [InlineData(EscapeToken.Backslash)]
    [InlineData(EscapeToken.Backtick)]
    public void Triggers_whose_text_is_the_same_under_both_tokens_are_accepted(EscapeToken escape)
    {
        Assert.Empty(Validate(t => t.Env("GREETING", "hello world").Copy(".", "/src").Run("make -C /src"), escape));
    }

    [Theory]
    [InlineData("x\"y")]
    [InlineData("cost $5")]
    [InlineData(@"C:\path")]
    [InlineData("back`tick")]
    public void A_value_that_needs_escaping_is_refused_naming_the_trigger(string value)
    {
        var error = Assert.Single(Validate(t => t.Env("A", value)));

        Assert.Equal("ONBUILD", error.Location.Keyword);
        Assert.Equal("trigger", error.Location.Slot);
        Assert.Contains("escape token", error.Message);
    }

    [Fact]
    public void A_trigger_ending_in_the_other_escape_character_is_refused()
    {
        // Fine in a backtick file, but a default child would read the trailing backslash as a continuation.
        var error = Assert.Single(Validate(t => t.Run(@"echo a\"), EscapeToken.Backtick));

        Assert.Contains("continuation", error.Message);
    }

    [Fact]
    public void The_projection_renders_triggers_with_the_files_escape_token()
    {
        var file = Dockerfile.Create(Stage.Named("base").From("busybox:1.36")
                .OnBuild(t => t.Env("A", "a b"))
                .CmdShell("echo hi"))
            .WithEscape(EscapeToken.Backtick);

        var config = ImageConfigProjection.Project(file);

        Assert.Equal(["ENV A=\"a b\""], config.OnBuild);
        Assert.Equal(["/bin/sh", "-c", "echo hi"], config.Cmd!);
    }

    [Fact]
    public void A_shell_command_with_blanks_at_its_ends_is_refused_not_trimmed()
    {
        var error = Assert.Single(Dockerfile.Create(Stage.Named("base").From("busybox:1.36").CmdShell("  echo hi\t")).Validate());

        Assert.Contains("spaces or tabs", error.Message);
    }
}
