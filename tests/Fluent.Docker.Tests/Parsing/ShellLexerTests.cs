using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Parsing;

/// <summary>
/// BuildKit's shell lexer beyond the envVarTest/wordsTest corpus: lex_test.go's mandatory-variable cases, the
/// analysis the model reader uses (references kept symbolic), and parseWords (quotes kept for the lexer).
/// </summary>
public class ShellLexerTests
{
    private static readonly ShellLexer Lexer = new('\\');

    [Theory]
    [InlineData("${VAR:?message here$ARG}", "plain", "plain")]
    [InlineData("${VAR?message here$ARG}", "plain", "plain")]
    [InlineData("${VAR?message here$ARG}", "", "")]
    public void Mandatory_variables_expand_when_set(string word, string value, string expected) =>
        Assert.Equal(expected, Lexer.ProcessWord(word, new Dictionary<string, string> { ["VAR"] = value, ["ARG"] = "x" }));

    [Theory]
    [InlineData("${VAR:?message here$ARG}", "")]
    [InlineData("${VAR:?message here$ARG}", null)]
    [InlineData("${VAR?message here$ARG}", null)]
    public void Mandatory_variables_fail_with_their_message(string word, string? value)
    {
        var environment = new Dictionary<string, string> { ["ARG"] = "x" };
        if (value is not null) environment["VAR"] = value;

        var error = Assert.Throws<ShellLexerException>(() => Lexer.ProcessWord(word, environment));

        Assert.Contains("message herex", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${PATH#/usr}", "/usr/bin:/bin", "/bin:/bin")]
    [InlineData("${PATH##*:}", "/usr/bin:/bin", "/bin")]
    [InlineData("${PATH%:*}", "/usr/bin:/bin", "/usr/bin")]
    [InlineData("${PATH%%/*}", "/usr/bin:/bin", "")]
    [InlineData("${PATH/bin/sbin}", "/usr/bin:/bin", "/usr/sbin:/bin")]
    [InlineData("${PATH//bin/sbin}", "/usr/bin:/bin", "/usr/sbin:/sbin")]
    public void Pattern_modifiers(string word, string value, string expected) =>
        Assert.Equal(expected, Lexer.ProcessWord(word, new Dictionary<string, string> { ["PATH"] = value }));

    [Fact]
    public void Analysis_keeps_references_and_leaves_literal_text_literal()
    {
        var value = Lexer.Analyze("\"$HOME/a b\"'$NOT'\\$ESCAPED${V}x${V:-d}$1$é");

        Assert.Equal(
            Expandable.Variable("HOME") + "/a b$NOT$ESCAPED" + Expandable.Variable("V") + "x" + Expandable.Raw("${V:-d}") + Expandable.Raw("${1}") + Expandable.Raw("${é}"),
            value);
    }

    [Fact]
    public void The_backtick_escape_token_escapes_and_backslashes_are_literal()
    {
        Assert.Equal(Expandable.Literal("C:\\dir $HOME"), new ShellLexer('`').Analyze("\"C:\\dir `$HOME\""));
    }

    [Fact]
    public void Parse_words_keeps_quotes_for_the_lexer() =>
        Assert.Equal(["foo", "bar", "'abc xyz'", "a\\ b", "\"c d\""], InstructionLineParser.Words("foo bar 'abc xyz' a\\ b \"c d\"", '\\'));
}
