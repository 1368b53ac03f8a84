using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Parsing;

/// <summary>The syntax layer beyond BuildKit's goldens: line endings, warnings, comments, positions, directives.</summary>
public class DockerfileSyntaxTreeTests
{
    [Fact]
    public void Crlf_and_lf_files_give_the_same_tree()
    {
        const string text = "FROM a\nRUN echo \\\n  hi\nCOPY <<EOF /x\nbody\nEOF\n";

        var lf = DockerfileSyntaxTree.Parse(text);
        var crlf = DockerfileSyntaxTree.Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(lf.Dump(), crlf.Dump());
        Assert.Equal("body\r\n", crlf.Instructions[2].Heredocs[0].Content); // heredoc bodies keep their line endings, as in BuildKit
    }

    [Fact]
    public void An_empty_continuation_line_is_dropped_with_a_warning()
    {
        var tree = DockerfileSyntaxTree.Parse("FROM a\nRUN something \\\n\n    following \\\n\n    more\n");

        Assert.Equal("(from \"a\")\n(run \"something     following     more\")", tree.Dump());
        Assert.Equal(new ParserWarning("Empty continuation line found in: RUN something     following     more", 6), Assert.Single(tree.Warnings));
    }

    [Fact]
    public void Comments_inside_a_continuation_are_dropped_and_comments_before_are_kept()
    {
        var tree = DockerfileSyntaxTree.Parse("FROM a\n# builds it\n#  twice\nRUN make \\\n# not part of the command\n  all\n");

        var run = tree.Instructions[1];
        Assert.Equal(["make   all"], run.Arguments);
        Assert.Equal(["builds it", "twice"], run.Comments);
        Assert.Equal((4, 6, 1), (run.StartLine, run.EndLine, run.Column));
    }

    [Fact]
    public void Directives_are_read_only_at_the_top()
    {
        var tree = DockerfileSyntaxTree.Parse("# syntax=docker/dockerfile:1\n#check=error=true\n\n# escape=`\nFROM a\n");

        Assert.Equal([new ParserDirective("syntax", "docker/dockerfile:1", 1), new ParserDirective("check", "error=true", 2)], tree.Directives);
        Assert.Equal('\\', tree.EscapeToken); // after the blank line "# escape=`" is a comment
    }

    [Fact]
    public void Flags_and_keyword_case_are_kept_as_written()
    {
        var node = DockerfileSyntaxTree.Parse("from a\ncopy --from=\"b c\" --chmod=755 -- --x /y\n").Instructions[1];

        Assert.Equal("copy", node.Keyword);
        Assert.Equal(["--from=b c", "--chmod=755"], node.Flags);
        Assert.Equal(["--x", "/y"], node.Arguments);
    }

    [Fact]
    public void Onbuild_triggers_get_their_heredocs()
    {
        var node = DockerfileSyntaxTree.Parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\n").Instructions[1];

        Assert.Equal("(onbuild (run \"<<EOF\"))", "(" + node.Dump() + ")");
        Assert.Equal("echo hi\n", Assert.Single(node.Heredocs).Content);
    }

    [Theory]
    [InlineData("ENV A=1 \\\n", "\\", "(env \"A\" \"1\" \"=\")")]
    [InlineData("ENV A=1 `\n", "`", "(env \"A\" \"1\" \"=\")")]
    [InlineData("ENV A=\\\\\n", "\\", "(env \"A\" \"\\\\\\\\\" \"=\")")]
    public void A_continuation_at_the_end_of_the_file_ends_the_instruction(string body, string escape, string dump)
    {
        var tree = DockerfileSyntaxTree.Parse($"# escape={escape}\nFROM a\n" + body);

        Assert.Equal(dump, "(" + tree.Instructions[1].Dump() + ")");
    }
}
