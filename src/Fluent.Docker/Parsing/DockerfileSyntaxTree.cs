namespace Fluent.Docker.Parsing;

/// <summary>
/// A Dockerfile read the way BuildKit's parser reads it (frontend/dockerfile/parser): parser directives, then one
/// node per logical instruction, with continuation lines joined, comments dropped and heredoc bodies attached.
/// Values are still text: no quote processing or expansion has happened (that is <c>Dockerfile.Parse</c>'s job).
/// </summary>
public sealed record DockerfileSyntaxTree(
    IReadOnlyList<ParserDirective> Directives,
    char EscapeToken,
    IReadOnlyList<InstructionNode> Instructions,
    IReadOnlyList<ParserWarning> Warnings)
{
    /// <summary>The text that was parsed, without a leading byte-order mark: what the nodes' spans index.</summary>
    internal string Text { get; init; } = "";

    /// <summary>True when the text began with a byte-order mark (BuildKit drops it; a lossless emit writes it back).</summary>
    internal bool HasByteOrderMark { get; init; }

    /// <summary>Where the parser directive lines end in <see cref="Text"/> (0 without directives).</summary>
    internal int HeaderEnd { get; init; }

    /// <summary>The text after the last instruction (blank lines and comments up to the end of the file).</summary>
    internal string Trailer => Text[Instructions[^1].Span.End..];

    /// <summary>The first line of the first instruction.</summary>
    public int StartLine => Instructions[0].StartLine;

    /// <summary>The last line of the last instruction (heredoc bodies included).</summary>
    public int EndLine => Instructions[^1].EndLine;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="DockerfileParseException"/> where BuildKit's parser fails.</summary>
    public static DockerfileSyntaxTree Parse(string text) => DockerfileSyntaxParser.Parse(text);

    /// <summary>BuildKit's AST dump (Node.Dump): one S-expression per instruction, e.g. <c>(copy ["--from=a"] "x" "/y")</c>.</summary>
    public string Dump() => string.Join("\n", Instructions.Select(i => "(" + i.Dump() + ")"));
}

/// <summary>A parser directive (<c># syntax=…</c>, <c># escape=…</c>, <c># check=…</c>) and the line it is on.</summary>
public sealed record ParserDirective(string Name, string Value, int Line);

/// <summary>A problem BuildKit reports but accepts, such as an empty continuation line.</summary>
public sealed record ParserWarning(string Message, int Line);

/// <summary>A heredoc attached to an instruction: its delimiter, body (with line endings) and how it was written.</summary>
public sealed record Heredoc(string Name, string Content, bool Expand, bool Chomp, int FileDescriptor)
{
    /// <summary>The body with leading tabs removed from every line when written <c>&lt;&lt;-</c> (BuildKit's ChompHeredocContent).</summary>
    public string ChompedContent => Chomp ? DockerfileSyntaxParser.ChompTabs(Content) : Content;
}

/// <summary>
/// One logical instruction, as BuildKit's parser Node holds it: the keyword as written, the leading <c>--flags</c>,
/// the argument values its line parser produced, and for ONBUILD the trigger instruction.
/// </summary>
public sealed record InstructionNode
{
    /// <summary>The keyword as written (<c>RUN</c>, <c>run</c>…).</summary>
    public required string Keyword { get; init; }

    /// <summary>The keyword in lower case, as BuildKit dispatches on it.</summary>
    public string Command => Keyword.ToLowerInvariant();

    /// <summary>Leading flags, one level of quotes and backslashes removed: <c>--from=build</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The values of the node's argument chain (one string per word, pair part or JSON element).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>ONBUILD's trigger instruction, parsed from the rest of the line.</summary>
    public InstructionNode? Trigger { get; init; }

    /// <summary>True when the arguments came from a JSON array (exec form).</summary>
    public bool IsJson { get; init; }

    public IReadOnlyList<Heredoc> Heredocs { get; init; } = [];

    /// <summary>The logical line after joining continuation lines (leading blanks of the first line removed).</summary>
    public required string Original { get; init; }

    /// <summary>The text after the keyword and flags, trimmed: what the line parser received.</summary>
    public string Rest { get; init; } = "";

    /// <summary>Comment lines right before the instruction, without the <c>#</c>.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    public int StartLine { get; init; }
    public int EndLine { get; init; }

    /// <summary>1-based column of the keyword on <see cref="StartLine"/>.</summary>
    public int Column { get; init; } = 1;

    /// <summary>Where the node is in <see cref="DockerfileSyntaxTree.Text"/>, with the blank and comment lines before it.</summary>
    internal SourceSpan Span { get; init; }

    /// <summary>The blank and comment lines between the previous node (or the directives) and this one, exactly as written.</summary>
    internal string LeadingText(DockerfileSyntaxTree tree) => tree.Text[Span.LeadingStart..Span.Start];

    /// <summary>The node's own lines (continuations, comments inside them and heredoc bodies included), exactly as written.</summary>
    internal string OwnText(DockerfileSyntaxTree tree) => tree.Text[Span.Start..Span.End];

    /// <summary>The comment lines right before the node as one comment (lines joined by a line feed); null without any.</summary>
    internal string? Comment => Comments.Count == 0 ? null : string.Join("\n", Comments);

    internal string Dump()
    {
        var text = Command;
        if (Flags.Count > 0) text += " " + GoText.QuoteList(Flags);
        if (Trigger is not null) text += " (" + Trigger.Dump() + ")";
        foreach (var argument in Arguments) text += " " + GoText.Quote(argument);
        return text.Trim();
    }
}

/// <summary>
/// Offsets in the parsed text: <see cref="LeadingStart"/> where the lines before a node begin (the end of the previous
/// node), <see cref="Start"/> its first line, <see cref="End"/> just after its last line (line ending included).
/// </summary>
internal readonly record struct SourceSpan(int LeadingStart, int Start, int End);
