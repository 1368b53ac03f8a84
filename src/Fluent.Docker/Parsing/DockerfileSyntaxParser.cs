using System.Text;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Parsing;

/// <summary>
/// BuildKit's Dockerfile parser (frontend/dockerfile/parser/parser.go), rule for rule: physical lines of at most
/// 65,535 bytes; a byte-order mark dropped; parser directives only before anything else; comment lines dropped,
/// also inside continuations; the escape character at the end of a line joins the next one (not when it is itself
/// escaped); empty continuation lines dropped with a warning; heredoc bodies read after RUN/COPY/ADD lines.
/// </summary>
internal static partial class DockerfileSyntaxParser
{
    /// <summary>bufio.Scanner's limit: a line, without its newline, of at most 65,535 bytes.</summary>
    public const int MaxLineBytes = 65535;

    private static readonly HashSet<string> HeredocCommands = ["add", "copy", "run"];

    public static DockerfileSyntaxTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var byteOrderMark = text.StartsWith('\uFEFF');
        var body = byteOrderMark ? text[1..] : text;
        var lines = new LineReader(body);
        var directives = new DirectiveReader();
        var instructions = new List<InstructionNode>();
        var warnings = new List<ParserWarning>();
        var comments = new List<string>();
        var joined = new StringBuilder();
        // Where the text not yet owned by a node starts: after the directives, then after each node.
        var unowned = 0;

        while (true)
        {
            var lineStart = lines.Position;
            if (!lines.TryRead(out var raw)) break;
            var lineNumber = lines.LineNumber;
            if (IsComment(raw))
            {
                // As BuildKit: the first character of the raw line is dropped, whatever it is.
                var comment = GoText.TrimSpace(raw[1..]);
                if (comment.Length == 0) comments.Clear();
                else comments.Add(comment);
            }
            var first = GoText.TrimLeftSpace(TrimNewline(raw));
            if (directives.Read(first, lineNumber, escape => SetEscape(escape, lineNumber)))
            {
                comments.RemoveAt(comments.Count - 1);
                unowned = lines.Position;
            }
            var processed = IsComment(first) ? "" : first;

            var startLine = lineNumber;
            var column = 1 + TrimNewline(raw).Length - first.Length;
            var (line, ended) = TrimContinuation(processed, directives.Escape);
            if (ended && line.Length == 0) continue;
            joined.Clear().Append(line);

            var hasEmptyContinuation = false;
            while (!ended && lines.TryRead(out raw))
            {
                var continuation = TrimNewline(raw);
                directives.Read(continuation, lines.LineNumber, escape => SetEscape(escape, lines.LineNumber));
                if (IsComment(raw)) continue;
                if (GoText.TrimLeftSpace(continuation).Length == 0)
                {
                    hasEmptyContinuation = true;
                    continue;
                }
                (line, ended) = TrimContinuation(continuation, directives.Escape);
                joined.Append(line);
            }
            var logical = joined.ToString();
            if (hasEmptyContinuation)
                warnings.Add(new ParserWarning("Empty continuation line found in: " + logical, lines.LineNumber));

            InstructionNode node;
            try
            {
                node = InstructionLineParser.Parse(logical, directives.Escape) with
                {
                    Comments = [.. comments],
                    StartLine = startLine,
                    Column = column,
                };
            }
            catch (InstructionSyntaxException e)
            {
                throw new DockerfileParseException(startLine, column, e.Message);
            }

            if (CanContainHeredoc(node) && logical.Contains("<<", StringComparison.Ordinal))
            {
                var heredocs = new List<Heredoc>();
                foreach (var heredoc in HeredocsFromLine(logical, startLine, column))
                {
                    var content = new StringBuilder();
                    var terminated = false;
                    while (lines.TryRead(out raw))
                    {
                        var candidate = TrimNewline(raw);
                        if (heredoc.Chomp) candidate = candidate.TrimStart('\t');
                        if (candidate == heredoc.Name)
                        {
                            terminated = true;
                            break;
                        }
                        content.Append(raw);
                    }
                    if (!terminated)
                        throw new DockerfileParseException(startLine, column, $"unterminated heredoc {heredoc.Name} (no line '{heredoc.Name}' before the end of the file)");
                    heredocs.Add(heredoc with { Content = content.ToString() });
                }
                node = node with { Heredocs = heredocs };
            }

            instructions.Add(node with { EndLine = lines.LineNumber, Span = new SourceSpan(unowned, lineStart, lines.Position) });
            comments.Clear();
            unowned = lines.Position;
        }

        if (instructions.Count == 0)
            throw new DockerfileParseException(Math.Max(lines.LineNumber, 1), 1, "file with no instructions");
        return new DockerfileSyntaxTree(directives.All, directives.Escape, instructions, warnings)
        {
            Text = body,
            HasByteOrderMark = byteOrderMark,
            HeaderEnd = instructions[0].Span.LeadingStart,
        };

        void SetEscape(string value, int line)
        {
            if (value is not ("`" or "\\"))
                throw new DockerfileParseException(line, 1, $"invalid escape token '{value}' does not match ` or \\");
        }
    }

    /// <summary>
    /// The delimiters of the heredocs BuildKit would open on this logical line (none for instructions that take no
    /// heredoc, or exec form). Throws <see cref="DockerfileParseException"/> for a malformed marker.
    /// </summary>
    internal static IReadOnlyList<string> HeredocMarkers(string line, char escape)
    {
        if (!line.Contains("<<", StringComparison.Ordinal)) return [];
        InstructionNode node;
        try
        {
            node = InstructionLineParser.Parse(line, escape);
        }
        catch (InstructionSyntaxException e)
        {
            throw new DockerfileParseException(1, 1, e.Message);
        }
        return CanContainHeredoc(node) ? [.. HeredocsFromLine(line).Select(h => h.Name)] : [];
    }

    /// <summary>RUN, COPY and ADD in shell form (also as ONBUILD triggers) read heredoc bodies; exec form never does.</summary>
    private static bool CanContainHeredoc(InstructionNode node)
    {
        if (node.Command == "onbuild" && node.Trigger is not null) node = node.Trigger;
        return HeredocCommands.Contains(node.Command) && !node.IsJson;
    }

    /// <summary>The heredocs a line opens, in order (BuildKit's heredocsFromLine: the line's shell words that are heredoc markers).</summary>
    internal static IReadOnlyList<Heredoc> HeredocsFromLine(string line, int lineNumber = 1, int column = 1)
    {
        var lexer = new ShellLexer('\\') { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true };
        IReadOnlyList<string> words;
        try
        {
            words = lexer.ProcessWords(line);
        }
        catch (ShellLexerException)
        {
            return []; // BuildKit ignores a line it cannot split: no heredocs
        }
        var heredocs = new List<Heredoc>();
        foreach (var word in words)
        {
            try
            {
                if (ParseHeredoc(word) is { } heredoc) heredocs.Add(heredoc);
            }
            catch (ShellLexerException e)
            {
                throw new DockerfileParseException(lineNumber, column, e.Message);
            }
        }
        return heredocs;
    }

    /// <summary>
    /// A heredoc marker word (<c>&lt;&lt;EOF</c>, <c>3&lt;&lt;-'EOF'</c>), or null. The delimiter is the word after
    /// quote processing; any quoting turns expansion of the body off. Throws for unbalanced quotes.
    /// </summary>
    internal static Heredoc? ParseHeredoc(string word)
    {
        var match = HeredocMarker().Match(word);
        if (!match.Success) return null;
        var rest = match.Groups[3].Value;
        if (rest.Length == 0) return null;
        var words = new ShellLexer('\\') { SkipUnsetEnv = true }.ProcessWords(rest);
        if (words.Count != 1) return null;
        var raw = new ShellLexer('\\') { SkipUnsetEnv = true, RawQuotes = true }.ProcessWords(rest);
        if (raw.Count != words.Count) throw new ShellLexerException($"internal lexing of heredoc produced inconsistent results: {rest}");
        static int Quotes(string text) => text.Count(c => c is '\'' or '"');
        var fileDescriptor = match.Groups[1].Value.Length == 0 ? 0 : int.TryParse(match.Groups[1].Value, out var fd) ? fd : 0;
        return new Heredoc(words[0], "", Expand: Quotes(words[0]) == Quotes(raw[0]), Chomp: match.Groups[2].Value == "-", fileDescriptor);
    }

    [GeneratedRegex(@"^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)\z")]
    private static partial Regex HeredocMarker();

    /// <summary>BuildKit's ChompHeredocContent: leading tabs removed from every line.</summary>
    internal static string ChompTabs(string content) => LeadingTabs().Replace(content, "");

    [GeneratedRegex(@"(?m)^\t+")]
    private static partial Regex LeadingTabs();

    internal static bool IsComment(string line)
    {
        var trimmed = GoText.TrimLeftSpace(line);
        return trimmed.Length > 0 && trimmed[0] == '#';
    }

    internal static string TrimNewline(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is '\r' or '\n') end--;
        return end == line.Length ? line : line[..end];
    }

    /// <summary>
    /// Removes a trailing line-continuation escape character (blanks after it allowed): BuildKit's
    /// <c>([^E])E[ \t]*$|^E[ \t]*$</c>, so an escape preceded by another escape does not continue the line.
    /// </summary>
    internal static (string Line, bool Ended) TrimContinuation(string line, char escape)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t') end--;
        if (end == 0 || line[end - 1] != escape) return (line, true);
        if (end == 1) return ("", false);
        if (line[end - 2] == escape) return (line, true);
        return (line[..(end - 1)], false);
    }

    /// <summary>Physical lines with their line endings, numbered from 1, each at most <see cref="MaxLineBytes"/> bytes.</summary>
    private sealed class LineReader(string text)
    {
        private int _position;

        public int LineNumber { get; private set; }

        /// <summary>The offset of the next line to read.</summary>
        public int Position => _position;

        public bool TryRead(out string line)
        {
            if (_position >= text.Length)
            {
                line = "";
                return false;
            }
            var newline = text.IndexOf('\n', _position);
            var end = newline < 0 ? text.Length : newline + 1;
            line = text[_position..end];
            _position = end;
            LineNumber++;
            var content = newline < 0 ? line : line[..^1];
            if (content.Length > MaxLineBytes / 3 && Encoding.UTF8.GetByteCount(content) > MaxLineBytes)
                throw new DockerfileParseException(LineNumber, 1, $"dockerfile line greater than max allowed size of {MaxLineBytes}");
            return true;
        }
    }

    /// <summary>
    /// BuildKit's DirectiveParser: <c># name=value</c> lines for syntax, escape and check, only at the very top;
    /// the first other line (blank, comment or instruction) ends them. Each directive may appear once.
    /// </summary>
    private sealed partial class DirectiveReader
    {
        private readonly List<ParserDirective> _directives = [];
        private bool _done;

        public char Escape { get; private set; } = '\\';
        public IReadOnlyList<ParserDirective> All => _directives;

        /// <summary>True when <paramref name="line"/> is a directive.</summary>
        public bool Read(string line, int lineNumber, Action<string> validateEscape)
        {
            if (_done) return false;
            if (!line.StartsWith('#'))
            {
                _done = true;
                return false;
            }
            var match = DirectivePattern().Match(GoText.TrimLeftSpace(line[1..]));
            var name = match.Success ? match.Groups[1].Value.ToLowerInvariant() : "";
            if (name is not ("syntax" or "escape" or "check"))
            {
                _done = true;
                return false;
            }
            if (_directives.Any(d => d.Name == name))
                throw new DockerfileParseException(lineNumber, 1, $"only one {name} parser directive can be used");
            var value = match.Groups[2].Value;
            if (name == "escape")
            {
                validateEscape(value);
                Escape = value[0];
            }
            _directives.Add(new ParserDirective(name, value, lineNumber));
            return true;
        }

        [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\z")]
        private static partial Regex DirectivePattern();
    }
}
