using Fluent.Docker.Rules;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The shell-word splitter the RUN rules (analyzers and lint) share: commands at operators, words without quotes.</summary>
public class ShellScriptTests
{
    private static IReadOnlyList<string> Commands(string text) =>
        ShellScript.Parse(text).Commands.Select(c => string.Join(" ", c.Words.Select(w => w.Value)) + " [" + c.NextOperator.Replace("\n", "\\n") + "]").ToList();

    [Fact]
    public void Splits_at_and_or_semicolon_pipe_background_and_newline() =>
        Assert.Equal(["a [&&]", "b [||]", "c [;]", "d [|]", "e [&]", "f [\\n]", "g []"], Commands("a && b || c ; d | e & f\ng"));

    [Fact]
    public void Quotes_keep_operators_and_blanks_inside_one_word() =>
        Assert.Equal(["echo a && b 'c|d' [&&]", "x []"], Commands("echo \"a && b\" \"'c|d'\" && x"));

    [Fact]
    public void Single_quotes_and_escapes_are_removed_like_the_shell_does()
    {
        var word = ShellScript.Parse(@"echo 'it''s' a\ b").Commands[0].Words;
        Assert.Equal(["echo", "its", "a b"], word.Select(w => w.Value));
        Assert.True(word[1].IsQuoted);
    }

    [Fact]
    public void Command_substitution_stays_one_word() =>
        Assert.Equal(["echo $(a | b && c) [&&]", "d []"], Commands("echo $(a | b && c) && d"));

    [Fact]
    public void Line_continuations_and_comments_are_dropped()
    {
        var script = ShellScript.Parse("apt-get install \\\n  curl # the tool\n");
        Assert.Equal(["apt-get install curl [\\n]"], Commands("apt-get install \\\n  curl # the tool\n"));
        Assert.True(script.HasComment);
    }

    [Fact]
    public void Assignments_and_sudo_are_looked_through_for_the_program()
    {
        var command = ShellScript.Parse("DEBIAN_FRONTEND=noninteractive sudo -E apt install -y x").Commands[0];
        Assert.Equal(("sudo", "apt"), (command.Program, command.EffectiveProgram));
        Assert.Equal(["install", "-y", "x"], command.Arguments.Select(w => w.Value));
    }

    [Fact]
    public void Word_positions_point_into_the_text()
    {
        const string text = "cd /src && make";
        var cd = ShellScript.Parse(text).Commands[0].Words[1];
        Assert.Equal("/src", text[cd.Start..cd.End]);
    }
}
