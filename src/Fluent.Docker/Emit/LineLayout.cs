using System.Text;

namespace Fluent.Docker.Emit;

/// <summary>
/// How the emitter lays out one instruction's logical line within <see cref="EmitOptions.Width"/> columns, breaking
/// only where BuildKit reads the same instruction back: between flags, between the words of a shell-form command outside
/// quotes and brackets (before <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, after <c>;</c>), between exec-form JSON elements,
/// between ENV/LABEL pairs and COPY/ADD paths, and before a HEALTHCHECK's <c>CMD</c>.
/// <para>
/// BuildKit joins a continuation line keeping its leading blanks, so a wrapped shell-form command reads back with more
/// blanks between two words: the same command for the shell, not the same string (<see cref="ShellWords.SameCommand"/>).
/// Exec-form arrays, flags, ENV/LABEL pairs and paths read back identical. Continuation lines are indented
/// <see cref="Indent"/> spaces; the items of a long argument list (packages) one level more, one per line.
/// </para>
/// </summary>
internal static class LineLayout
{
    public const int Indent = 4;

    /// <summary>The fewest words after a command's last option that are laid out one per line (a package list).</summary>
    public const int MinListItems = 3;

    /// <summary>What the layout may do with a shell-form command.</summary>
    internal enum ShellCommands
    {
        /// <summary>Never touch it: the shell may not be POSIX sh (a SHELL instruction, a backquote escape file).</summary>
        Keep,

        /// <summary>Wrap it when the line is too long (a C# value is otherwise written as it is).</summary>
        Wrap,

        /// <summary>Make its blank runs one space, then wrap (canonical form: fmt is idempotent).</summary>
        Collapse,
    }

    /// <summary>
    /// The physical lines of <paramref name="header"/> (continuation characters included), or null to write the
    /// logical line as it is.
    /// </summary>
    public static IReadOnlyList<string>? Lines(DockerfileSyntax syntax, Instruction instruction, string header, int width, ShellCommands shell)
    {
        if (!Layable(header)) return null;
        var (keyword, flags, rest) = SplitFlags(header);
        if (keyword is null) return null;
        var layout = new Builder(syntax.EscapeChar, width);
        var ok = Codecs.InstructionCodecs.For(instruction).Shape(instruction) switch
        {
            LineShape.Command { Value: CommandLine.Script } => Script(layout, keyword, flags, rest),
            LineShape.Command command => Command(layout, keyword, flags, rest, command.Value, shell),
            LineShape.Probe { Test: { } test } => Healthcheck(layout, keyword, flags, rest, test, shell),
            LineShape.Items items when rest.StartsWith('[') => List(layout, keyword, flags, rest, PathWords(rest, syntax.EscapeChar), items.OnePerLine),
            LineShape.Items items => List(layout, keyword, flags, rest, Words(rest, syntax.EscapeChar), items.OnePerLine),
            _ => false,
        };
        return ok ? layout.Lines() : null;
    }

    /// <summary>Lines the layout leaves alone: very long ones (cut by the emitter past BuildKit's limit) and any with a line break.</summary>
    private static bool Layable(string header) =>
        Encoding.UTF8.GetByteCount(header) <= DockerfileEmitter.MaxLineBytes / 2 && !header.Contains('\n', StringComparison.Ordinal);

    /// <summary>A heredoc script: flags as many on a line as fit, the marker on its own line (BuildKit finds heredocs in the joined line).</summary>
    private static bool Script(Builder layout, string keyword, IReadOnlyList<string> flags, string marker)
    {
        if (flags.Count == 0 || Fits(layout, keyword, flags, marker)) return false;
        Flags(layout, keyword, flags);
        layout.Break(Indent);
        layout.Word(marker);
        return true;
    }

    /// <summary>
    /// True when the canonical form keeps an unchanged part's lines as read (<paramref name="own"/>) rather than render it:
    /// a shell-form command the layout may not touch (<paramref name="shell"/> Keep, or not understood by
    /// <see cref="ShellWords"/>), a raw or ONBUILD line, or lines BuildKit skips inside the instruction (comment or
    /// blank continuation lines, which a rendering would lose). Rendering would join such a part into one long line.
    /// </summary>
    public static bool KeepsLines(Instruction instruction, string own, ShellCommands shell)
    {
        var codec = Codecs.InstructionCodecs.For(instruction);
        var shape = codec.Shape(instruction);
        if (shape is LineShape.AsWritten) return true;
        var command = shape switch
        {
            LineShape.Command c => c.Value,
            LineShape.Probe p => p.Test,
            _ => null,
        };
        if (command is CommandLine.Shell shellForm && (shell == ShellCommands.Keep || ShellWords.Split(shellForm.Command) is null)) return true;
        if (command is CommandLine.Script || codec.Heredocs(instruction).Count > 0) return false;
        var lines = own.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return lines.Skip(1).Any(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#'));
    }

    /// <summary>The FROM line: flags, image and name are blank-separated words.</summary>
    public static IReadOnlyList<string>? FromLines(DockerfileSyntax syntax, string header, int width)
    {
        if (header.Length <= width || !Layable(header)) return null;
        var (keyword, flags, rest) = SplitFlags(header);
        if (keyword is null) return null;
        var layout = new Builder(syntax.EscapeChar, width);
        return List(layout, keyword, flags, rest, Words(rest, syntax.EscapeChar), onePerLine: false) ? layout.Lines() : null;
    }

    private static bool Command(Builder layout, string keyword, IReadOnlyList<string> flags, string rest, CommandLine command, ShellCommands shell)
    {
        switch (command)
        {
            case CommandLine.Exec exec when rest == DockerfileSyntax.JsonArray(exec.Arguments):
                if (Fits(layout, keyword, flags, rest)) return false;
                Flags(layout, keyword, flags);
                return Exec(layout, exec, Indent, startOnNewLine: flags.Count > 0);
            case CommandLine.Shell shellForm when shell != ShellCommands.Keep && rest == shellForm.Command:
                if (ShellWords.Split(rest) is not { Count: > 0 } words) return false;
                var collapsed = string.Join(" ", words);
                if (Fits(layout, keyword, flags, shell == ShellCommands.Collapse ? collapsed : rest))
                    return shell == ShellCommands.Collapse ? Single(layout, keyword, flags, collapsed) : false;
                Flags(layout, keyword, flags);
                return Shell(layout, words, Indent, startOnNewLine: flags.Count > 0);
            default:
                return false;
        }
    }

    private static bool Healthcheck(Builder layout, string keyword, IReadOnlyList<string> flags, string rest, CommandLine test, ShellCommands shell)
    {
        if (!rest.StartsWith("CMD ", StringComparison.Ordinal)) return false;
        var commandText = rest[4..];
        switch (test)
        {
            case CommandLine.Exec exec when commandText == DockerfileSyntax.JsonArray(exec.Arguments):
                if (Fits(layout, keyword, flags, rest)) return false;
                Flags(layout, keyword, flags);
                if (flags.Count > 0) layout.Break(Indent);
                layout.Word("CMD");
                return Exec(layout, exec, 2 * Indent, startOnNewLine: false);
            case CommandLine.Shell shellForm when shell != ShellCommands.Keep && commandText == shellForm.Command:
                if (ShellWords.Split(commandText) is not { Count: > 0 } words) return false;
                var collapsed = "CMD " + string.Join(" ", words);
                if (Fits(layout, keyword, flags, shell == ShellCommands.Collapse ? collapsed : rest))
                    return shell == ShellCommands.Collapse && Single(layout, keyword, flags, collapsed);
                Flags(layout, keyword, flags);
                if (flags.Count > 0) layout.Break(Indent);
                layout.Word("CMD");
                return Shell(layout, words, 2 * Indent, startOnNewLine: false);
            default:
                return false;
        }
    }

    private static bool Fits(Builder layout, string keyword, IReadOnlyList<string> flags, string rest) =>
        keyword.Length + flags.Sum(f => f.Length + 1) + 1 + rest.Length <= layout.Width;

    private static bool Single(Builder layout, string keyword, IReadOnlyList<string> flags, string rest)
    {
        layout.Word(keyword);
        foreach (var flag in flags) layout.Word(flag);
        layout.Word(rest);
        return true;
    }

    /// <summary>The keyword then the flags, as many on a line as fit.</summary>
    private static void Flags(Builder layout, string keyword, IReadOnlyList<string> flags)
    {
        layout.Word(keyword);
        foreach (var flag in flags) layout.Fill(flag, Indent);
    }

    /// <summary>JSON elements, as many on a line as fit, continuation lines at <paramref name="indent"/>.</summary>
    private static bool Exec(Builder layout, CommandLine.Exec exec, int indent, bool startOnNewLine)
    {
        var items = exec.Arguments.Select(a => DockerfileSyntax.JsonArray([a])[1..^1]).ToList();
        if (items.Count == 0) return false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = (i == 0 ? "[" : "") + items[i] + (i == items.Count - 1 ? "]" : ",");
            if (i == 0 && startOnNewLine) layout.Break(indent);
            if (i == 0) layout.Word(item);
            else layout.Fill(item, indent);
        }
        return true;
    }

    /// <summary>
    /// A shell-form command: each top-level command joined by an operator on its own line (at <paramref name="indent"/>,
    /// operator first; after a <c>;</c>), a command too long for its line broken between words, a long argument list one
    /// item per line.
    /// </summary>
    private static bool Shell(Builder layout, IReadOnlyList<string> words, int indent, bool startOnNewLine)
    {
        var segments = new List<List<string>> { new() };
        foreach (var word in words)
        {
            if (ShellWords.IsOperator(word) && word != ";" && segments[^1].Count > 0) segments.Add([]);
            segments[^1].Add(word);
            if (ShellWords.EndsCommand(word)) segments.Add([]);
        }
        segments.RemoveAll(s => s.Count == 0);
        for (var s = 0; s < segments.Count; s++)
        {
            if (s > 0 || startOnNewLine) layout.Break(indent);
            Segment(layout, segments[s], indent);
        }
        return true;
    }

    private static void Segment(Builder layout, List<string> words, int indent)
    {
        var text = string.Join(" ", words);
        if (layout.FitsOnLine(text))
        {
            layout.Word(text);
            return;
        }
        // An argument list after the last option (apt-get install -y … PACKAGES): one item per line. Two words after it
        // are as likely an option's value and an operand (--shell /usr/sbin/nologin app): those are filled instead.
        var lastOption = words.FindLastIndex(w => w.StartsWith('-') && w.Length > 1);
        var items = lastOption >= 0 ? words.Count - lastOption - 1 : 0;
        if (items < MinListItems) items = 0;
        var head = items > 0 ? words[..(lastOption + 1)] : words;
        for (var i = 0; i < head.Count; i++)
        {
            if (i == 0) layout.Word(head[i]);
            else layout.Fill(head[i], indent + Indent);
        }
        if (items == 0) return;
        foreach (var item in words[(lastOption + 1)..])
        {
            layout.Break(indent + Indent);
            layout.Word(item);
        }
    }

    /// <summary>ENV/LABEL pairs, COPY/ADD paths: all on the keyword line when they fit, else one per line (or as many as fit).</summary>
    private static bool List(Builder layout, string keyword, IReadOnlyList<string> flags, string rest, IReadOnlyList<string>? items, bool onePerLine)
    {
        // Breaks go only where the line has one blank between two items, so BuildKit reads the same items back.
        if (items is not { Count: > 0 } || string.Join(" ", items) != rest) return false;
        if (Fits(layout, keyword, flags, string.Join(" ", items))) return false; // nothing to wrap: the line as written
        Flags(layout, keyword, flags);
        for (var i = 0; i < items.Count; i++)
        {
            if (onePerLine && (i > 0 || flags.Count > 0)) layout.Break(Indent);
            if (onePerLine || i == 0) layout.Word(items[i]);
            else layout.Fill(items[i], Indent);
        }
        return true;
    }

    /// <summary>
    /// The keyword, the leading <c>--flag</c> words (split as BuildKit's extractBuilderFlags splits them: quotes and
    /// backslashes group) and the rest; keyword null when the line has no blank after the keyword.
    /// </summary>
    private static (string? Keyword, IReadOnlyList<string> Flags, string Arguments) SplitFlags(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0) return (null, [], "");
        var keyword = header[..space];
        var flags = new List<string>();
        var pos = space;
        while (true)
        {
            while (pos < header.Length && header[pos] == ' ') pos++;
            if (pos + 1 >= header.Length || header[pos] != '-' || header[pos + 1] != '-') break;
            var start = pos;
            var quote = '\0';
            for (; pos < header.Length; pos++)
            {
                var c = header[pos];
                if (quote != '\0')
                {
                    if (c == '\\') pos++;
                    else if (c == quote) quote = '\0';
                }
                else if (c == '\\') pos++;
                else if (c is '\'' or '"') quote = c;
                else if (char.IsWhiteSpace(c)) break;
            }
            if (quote != '\0' || pos > header.Length) return (null, [], "");
            var flag = header[start..Math.Min(pos, header.Length)];
            if (flag == "--") return (null, [], "");
            flags.Add(flag);
        }
        return (keyword, flags, header[Math.Min(pos, header.Length)..]);
    }

    /// <summary>Blank-separated words, quotes and the escape character grouping (BuildKit's parseWords); null when unbalanced.</summary>
    private static List<string>? Words(string rest, char escape)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == escape && quote != '\'')
            {
                if (i + 1 == rest.Length) return null;
                word.Append(c).Append(rest[++i]);
                continue;
            }
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
                continue;
            }
            if (quote == '\0' && c is '\'' or '"') quote = c;
            else if (c == quote) quote = '\0';
            word.Append(c);
        }
        if (quote != '\0') return null;
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>COPY/ADD/VOLUME/EXPOSE arguments: JSON elements (each but the last with its comma), else blank-separated words.</summary>
    private static IReadOnlyList<string>? PathWords(string rest, char escape)
    {
        if (!rest.StartsWith('[')) return Words(rest, escape);
        try
        {
            if (Parsing.InstructionLineParser.TryJson(rest) is not { Count: > 0 } elements || rest != DockerfileSyntax.JsonArray(elements)) return null;
            return [.. elements.Select((e, i) => (i == 0 ? "[" : "") + DockerfileSyntax.JsonArray([e])[1..^1] + (i == elements.Count - 1 ? "]" : ","))];
        }
        catch (Parsing.InstructionSyntaxException)
        {
            return null;
        }
    }

    /// <summary>Physical lines under construction; a piece that cannot start a continuation line (a <c>#</c>) fails the layout.</summary>
    private sealed class Builder(char escape, int width)
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _line = new();
        private bool _failed;
        private int _lineIndent;

        public int Width { get; } = width;

        /// <summary>True once a line was broken.</summary>
        public bool Broke => _lines.Count > 0;

        /// <summary>The piece fits after what the line holds, leaving room for the continuation characters.</summary>
        public bool FitsOnLine(string piece) => _line.Length + (AtLineStart ? 0 : 1) + piece.Length + 2 <= Width;

        private bool AtLineStart => _line.Length == _lineIndent;

        public void Word(string piece)
        {
            if (!AtLineStart) _line.Append(' ');
            else if (_lines.Count > 0 && piece.StartsWith('#')) _failed = true; // BuildKit would drop the line as a comment
            _line.Append(piece);
        }

        /// <summary>
        /// The piece on this line when it fits, else on a new line at <paramref name="indent"/>; the first piece after
        /// the keyword always stays with it (<c>COPY \</c> alone on a line reads worse than one long first line).
        /// </summary>
        public void Fill(string piece, int indent)
        {
            if (!AtLineStart && !FitsOnLine(piece) && !OnlyKeyword) Break(indent);
            Word(piece);
        }

        /// <summary>The first line holds the keyword and nothing else yet.</summary>
        private bool OnlyKeyword => _lines.Count == 0 && !_line.ToString().Contains(' ', StringComparison.Ordinal);

        public void Break(int indent)
        {
            if (AtLineStart && _lines.Count == 0 && _line.Length == 0) return;
            _lines.Add(_line.Append(' ').Append(escape).ToString());
            _line.Clear().Append(' ', indent);
            _lineIndent = indent;
        }

        public IReadOnlyList<string>? Lines() => _failed ? null : [.. _lines, _line.ToString()];
    }
}
