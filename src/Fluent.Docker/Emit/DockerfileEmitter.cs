using System.Globalization;
using System.Text;

namespace Fluent.Docker.Emit;

/// <summary>Where an emitted line belongs: stage -1 for global ARG number <c>Index</c>, else FROM (0) or instruction <c>Index</c> of the stage.</summary>
internal readonly record struct EmittedPosition(int Stage, int Index);

/// <summary>
/// Turns a validated <see cref="Dockerfile"/> into text. Deterministic: the same model always gives the same
/// bytes. Callers go through <see cref="Dockerfile.Emit()"/>, which validates first.
/// </summary>
internal static partial class DockerfileEmitter
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?i:syntax|escape|check)[\t\n\f\r ]*=")]
    private static partial System.Text.RegularExpressions.Regex DirectiveLike();

    /// <summary>BuildKit reads physical lines with a bufio.Scanner: at most 65535 bytes each.</summary>
    public const int MaxLineBytes = 65535;

    /// <summary>Where an over-long line is cut; well under the limit so the continuation character always fits.</summary>
    internal const int WrapBytes = 16384;

    public static string Emit(Dockerfile file) => Emit(file, null);

    /// <summary>
    /// The text, reporting where each global ARG, FROM and instruction landed (1-based line of its keyword and last line)
    /// to <paramref name="placed"/>: the lint gives diagnostics on a C# model the lines of the file it will become.
    /// <para>
    /// A part read from a file and unchanged since is written as it was read (<see cref="SourceText"/>): a parsed file
    /// emitted unchanged is the same bytes. A changed part is rendered alone (<see cref="Render"/>), and the blank and
    /// comment lines before it are kept while its comment is unchanged. <paramref name="keepSourceText"/> false renders
    /// every part afresh (the canonical form).
    /// </para>
    /// </summary>
    internal static string Emit(Dockerfile file, Action<EmittedPosition, int, int>? placed, bool keepSourceText = true, EmitOptions? options = null)
    {
        var syntax = new DockerfileSyntax(file.Escape);
        var width = (options ?? EmitOptions.Default).Width;
        var shell = !PosixShell(file) ? LineLayout.ShellCommands.Keep
            : keepSourceText ? LineLayout.ShellCommands.Wrap : LineLayout.ShellCommands.Collapse;
        var output = new Writer();
        var fileSource = keepSourceText ? file.Source.Value : null;
        // Text read with another escape character means something else here: none of it applies.
        bool Readable(SourcePart? part) => part is not null && part.Text.Escape == syntax.EscapeChar;
        bool Applies(SourcePart? part) => keepSourceText && Readable(part);
        // The blank and comment lines before a part, while its comment is the one read: as written, or in the canonical
        // form tidied (blank runs made one blank line, lines trimmed), so fmt keeps the author's comments and spacing.
        string? Leading(SourcePart? part, string? comment, bool first = true) =>
            Readable(part) && (!first || part!.Index == 0) && part!.Text.Comment == comment
                ? keepSourceText ? part.Text.Leading : TidyLeading(part.Text.Leading)
                : null;

        // ---- directives
        if (fileSource is not null && fileSource.Escape == file.Escape && fileSource.Frontend == file.Frontend && fileSource.Checks == file.Checks)
            output.Write(fileSource.Header);
        else
        {
            if (file.Frontend.SyntaxDirective is { } frontend) output.Write("# syntax=" + frontend + "\n");
            if (file.Escape == EscapeToken.Backtick) output.Write("# escape=`\n");
            if (file.Checks is { } checks) output.Write("# check=" + CheckValue(checks) + "\n");
            if (output.Length > 0) output.Separate(afterDirectives: true);
        }

        // ---- global ARGs
        var args = file.GlobalArgs.Select((arg, i) => (object)(arg, file.GlobalArgComments[i])).ToList();
        var parts = file.GlobalArgSources.Select(s => s.Value).ToList();
        for (var i = 0; i < args.Count;)
        {
            if (Applies(parts[i]) && Unchanged(args, parts, i) is var count and > 0)
            {
                output.Keep(parts[i]!.Text, (first, last) => { for (var k = 0; k < count; k++) placed?.Invoke(new EmittedPosition(-1, i + k), first, last); });
                i += count;
                continue;
            }
            var leading = Leading(parts[i], file.GlobalArgComments[i]);
            // One line read as several parts (ARG A B): the canonical form keeps it one line, as read, so BuildKit's
            // instructions (and the checks it reports on them) stay where they were.
            if (!keepSourceText && Readable(parts[i]) && Unchanged(args, parts, i) is var group and > 1)
            {
                var start = i;
                output.KeepOwn(leading, file.GlobalArgComments[i], parts[i]!.Text.Own,
                    (first, last) => { for (var k = 0; k < group; k++) placed?.Invoke(new EmittedPosition(-1, start + k), first, last); });
                i += group;
                continue;
            }
            output.Fresh(leading, leading is null ? file.GlobalArgComments[i] : null, [Arg(syntax, file.GlobalArgs[i])], syntax,
                (first, last) => placed?.Invoke(new EmittedPosition(-1, i), first, last));
            i++;
        }
        if (file.GlobalArgs.Count > 0) output.Separate();

        // ---- stages
        for (var s = 0; s < file.Stages.Count; s++)
        {
            var stage = file.Stages[s];
            if (s > 0) output.Separate();
            var stageIndex = s;
            if (Applies(stage.Source.Value) && stage.Source.Value!.Text.Values is [Stage read]
                && read.HeaderComment == stage.HeaderComment && From(syntax, read) == From(syntax, stage))
                output.Keep(stage.Source.Value.Text, (first, last) => placed?.Invoke(new EmittedPosition(stageIndex, 0), first, last));
            else
            {
                var leading = Leading(stage.Source.Value, stage.HeaderComment, first: false);
                var from = From(syntax, stage);
                output.Fresh(leading, leading is null ? stage.HeaderComment : null, [from], syntax,
                    (first, last) => placed?.Invoke(new EmittedPosition(stageIndex, 0), first, last), physical: LineLayout.FromLines(syntax, from, width));
            }

            var instructions = stage.Instructions.Cast<object>().ToList();
            var sources = stage.Instructions.Select(instruction => instruction.Source.Value).ToList();
            for (var n = 0; n < instructions.Count;)
            {
                var at = n;
                if (Applies(sources[n]) && Unchanged(instructions, sources, n) is var count and > 0)
                {
                    output.Keep(sources[n]!.Text, (first, last) => { for (var k = 0; k < count; k++) placed?.Invoke(new EmittedPosition(stageIndex, at + k + 1), first, last); });
                    n += count;
                    continue;
                }
                var instruction = stage.Instructions[n];
                var leading = Leading(sources[n], instruction.Comment);
                // The canonical form keeps a part's lines as written when it cannot lay them out safely (see KeepsLines), or
                // when one line was read as several parts (ARG A B): BuildKit's instructions stay the same ones.
                if (!keepSourceText && Readable(sources[n]) && Unchanged(instructions, sources, n) is var kept and > 0
                    && (kept > 1 || LineLayout.KeepsLines(instruction, sources[n]!.Text.Own, shell)))
                {
                    output.KeepOwn(leading, instruction.Comment, sources[n]!.Text.Own,
                        (first, last) => { for (var k = 0; k < kept; k++) placed?.Invoke(new EmittedPosition(stageIndex, at + k + 1), first, last); });
                    n += kept;
                    continue;
                }
                var (header, body) = Instruction(syntax, instruction);
                output.Fresh(leading, leading is null ? instruction.Comment : null, [header], syntax,
                    (first, last) => placed?.Invoke(new EmittedPosition(stageIndex, at + 1), first, last), body,
                    LineLayout.Lines(syntax, instruction, header, width, shell));
                n++;
            }
        }
        if (fileSource is not null && fileSource.Trailer.Length > 0)
        {
            output.EndLine();
            output.Write(fileSource.Trailer);
        }
        else if (!keepSourceText && file.Source.Value is { } read && TidyLeading(read.Trailer) is { Length: > 0 } trailer && trailer.Trim().Length > 0)
        {
            output.EndLine(); // comment lines after the last instruction belong to no part: kept, tidied
            output.Write(trailer.StartsWith('\n') ? trailer : "\n" + trailer);
        }
        if (!keepSourceText) output.EndLine();
        return output.ToString();
    }

    /// <summary>
    /// How many parts from <paramref name="index"/> on are exactly the parts one node was read as, unchanged (the node's
    /// text still says them); 0 when any differs, is missing or is in another place.
    /// </summary>
    private static int Unchanged(IReadOnlyList<object> values, IReadOnlyList<SourcePart?> parts, int index)
    {
        if (parts[index] is not { Index: 0 } first) return 0;
        var read = first.Text.Values;
        if (index + read.Count > values.Count) return 0;
        for (var k = 0; k < read.Count; k++)
            if (parts[index + k] is not { } part || !ReferenceEquals(part.Text, first.Text) || part.Index != k || !values[index + k].Equals(read[k])) return 0;
        return read.Count;
    }

    /// <summary>
    /// One instruction rendered afresh, as the emitter writes a changed instruction: its comment lines, its line (cut
    /// into continuation lines only past BuildKit's line limit) and its heredoc bodies, each line ending with a line feed.
    /// </summary>
    internal static string Render(EscapeToken escape, Instruction instruction)
    {
        var syntax = new DockerfileSyntax(escape);
        var (header, body) = Instruction(syntax, instruction);
        var output = new Writer();
        // Alone, the instruction's shell is unknown: its shell-form command is written as it is.
        output.Fresh(null, instruction.Comment, [header], syntax, (_, _) => { }, body,
            LineLayout.Lines(syntax, instruction, header, EmitOptions.Default.Width, LineLayout.ShellCommands.Keep));
        return output.ToString();
    }

    /// <summary>
    /// True when every shell-form command of the file runs in POSIX sh as far as the file says: backslash escapes and no
    /// SHELL instruction (a SHELL, or a Windows file's backquote escape, may mean cmd or PowerShell, where blanks can count).
    /// </summary>
    internal static bool PosixShell(Dockerfile file)
    {
        if (file.Escape == EscapeToken.Backtick) return false;
        return !file.Stages.SelectMany(s => s.Instructions).Any(i => Codecs.InstructionCodecs.For(i).ChangesShell(i));
    }

    /// <summary>Blank and comment lines tidied: each line trimmed, a run of blank lines made one, every line ended by a line feed.</summary>
    internal static string TidyLeading(string leading)
    {
        var text = new StringBuilder();
        var blank = false;
        var lines = leading.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (i == lines.Length - 1 && line.Length == 0) break; // after the last line feed
            if (line.Length == 0)
            {
                if (!blank) text.Append('\n');
                blank = true;
                continue;
            }
            text.Append(line).Append('\n');
            blank = false;
        }
        return text.ToString();
    }

    /// <summary>The emitted text and its line count; separators (blank lines) are only written before fresh text.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _line = 1;
        private Separator _separator;

        private enum Separator { None, BeforeFresh, AfterDirectives }

        public int Length => _text.Length;

        public void Write(string text)
        {
            _text.Append(text);
            foreach (var c in text)
                if (c == '\n') _line++;
        }

        /// <summary>A blank line before what comes next if it is rendered (kept text brings its own blank lines).</summary>
        public void Separate(bool afterDirectives = false)
        {
            if (_text.Length > 0) _separator = afterDirectives ? Separator.AfterDirectives : Separator.BeforeFresh;
        }

        /// <summary>Ends an unterminated last line (a kept file may end without a line break).</summary>
        public void EndLine()
        {
            if (_text.Length > 0 && _text[^1] != '\n') Write("\n");
        }

        /// <summary>Writes kept leading lines; after rendered directives, a blank line first unless the kept text starts with one.</summary>
        private void WriteLeading(string leading)
        {
            EndLine();
            if (_separator == Separator.AfterDirectives && !(leading.StartsWith('\n') || leading.StartsWith("\r\n", StringComparison.Ordinal))) Write("\n");
            _separator = Separator.None;
            Write(leading);
        }

        /// <summary>A node's text as read; <paramref name="placed"/> gets the line of its keyword and its last line.</summary>
        public void Keep(SourceText text, Action<int, int> placed)
        {
            WriteLeading(text.Leading);
            var first = _line;
            Write(text.Own);
            placed(first, LastLine());
        }

        /// <summary>
        /// A rendered part: the kept <paramref name="leading"/> lines, or a separator and the <paramref name="comment"/>
        /// lines; then its logical lines and heredoc body lines.
        /// </summary>
        public void Fresh(string? leading, string? comment, IReadOnlyList<string> lines, DockerfileSyntax syntax, Action<int, int> placed, IReadOnlyList<string>? body = null,
            IReadOnlyList<string>? physical = null)
        {
            if (leading is not null) WriteLeading(leading);
            else
            {
                EndLine();
                // A comment on the file's first line that reads as a parser directive (# check=…) would become one.
                if (_separator != Separator.None || (_text.Length == 0 && comment is not null && DirectiveLike().IsMatch(comment))) Write("\n");
                _separator = Separator.None;
                Write(CommentText.Lines(comment));
            }
            var first = _line;
            var text = new StringBuilder();
            if (physical is not null) foreach (var line in physical) text.Append(line).Append('\n');
            else foreach (var line in lines) AppendLine(text, syntax, line);
            foreach (var line in body ?? []) text.Append(line).Append('\n');
            Write(text.ToString());
            placed(first, LastLine());
        }

        /// <summary>A part's own lines as read, after its leading lines (or a separator and its comment), as <see cref="Fresh"/> does.</summary>
        public void KeepOwn(string? leading, string? comment, string own, Action<int, int> placed)
        {
            if (leading is not null) WriteLeading(leading);
            else
            {
                EndLine();
                if (_separator != Separator.None) Write("\n");
                _separator = Separator.None;
                Write(CommentText.Lines(comment));
            }
            var first = _line;
            Write(own);
            placed(first, LastLine());
        }

        private int LastLine() => _text.Length > 0 && _text[^1] == '\n' ? _line - 1 : _line;

        public override string ToString() => _text.ToString();
    }

    internal static string CheckValue(CheckDirective checks)
    {
        var parts = new List<string>();
        if (checks.SkipAll) parts.Add("skip=all");
        else if (checks.Skip.Count > 0) parts.Add("skip=" + string.Join(",", checks.Skip));
        if (checks.Error) parts.Add("error=true");
        if (checks.ExperimentalAll) parts.Add("experimental=all");
        else if (checks.Experimental.Count > 0) parts.Add("experimental=" + string.Join(",", checks.Experimental));
        return string.Join(";", parts);
    }

    internal static string From(DockerfileSyntax syntax, Stage stage)
    {
        var line = new StringBuilder("FROM ");
        if (stage.Platform is { } platform) line.Append("--platform=").Append(platform).Append(' ');
        line.Append(stage.Base switch
        {
            BaseImage.Image image => image.Reference.ToString(),
            BaseImage.OfStage s => s.Stage.Name,
            BaseImage.Scratch => "scratch",
            BaseImage.Expanded expanded => syntax.EscapedWord(expanded.Reference),
            _ => throw new InvalidOperationException("unknown base"),
        });
        if (stage.Name is not null) line.Append(" AS ").Append(stage.Name);
        return line.ToString();
    }

    internal static string Arg(DockerfileSyntax syntax, BuildArg arg) =>
        arg.DefaultValue is not { } value ? "ARG " + arg.Name : $"ARG {arg.Name}={syntax.Word(value)}";

    /// <summary>The logical line of an instruction, and the heredoc body lines that follow it (if any).</summary>
    internal static (string Header, IReadOnlyList<string> Body) Instruction(DockerfileSyntax syntax, Instruction instruction) =>
        Codecs.InstructionCodecs.Emit(syntax, instruction);

    internal static (string, IReadOnlyList<string>) Command(string prefix, CommandLine command) => command switch
    {
        CommandLine.Exec exec => (prefix + DockerfileSyntax.JsonArray(exec.Arguments), []),
        CommandLine.Shell shell => (prefix + shell.Command, []),
        CommandLine.Script script => HeredocScript(prefix, script.Text),
        _ => throw new InvalidOperationException("unknown command form"),
    };

    internal static (string, IReadOnlyList<string>) HeredocScript(string prefix, string script)
    {
        var delimiter = HeredocDelimiter(script);
        // A quoted delimiter: BuildKit passes the body as written; the shell does any expansion.
        return (prefix + "<<\"" + delimiter + "\"", HeredocBody(script, delimiter));
    }

    /// <summary>The body lines then the delimiter. The body always ends with a newline (a heredoc cannot express otherwise).</summary>
    internal static IReadOnlyList<string> HeredocBody(string content, string delimiter)
    {
        if (content.Length == 0) return [delimiter]; // an empty heredoc is an empty file
        var text = content.EndsWith('\n') ? content[..^1] : content;
        return [.. text.Split('\n'), delimiter];
    }

    /// <summary>EOF, or EOF1, EOF2… when a body line equals the candidate, so the body can never end early.</summary>
    internal static string HeredocDelimiter(string content)
    {
        var lines = new HashSet<string>(content.Split('\n'), StringComparer.Ordinal);
        var candidate = "EOF";
        for (var n = 1; lines.Contains(candidate); n++) candidate = "EOF" + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>Whitespace-separated escaped words, or the JSON form when a word has whitespace (the only way to keep it).</summary>
    internal static string Paths(DockerfileSyntax syntax, IReadOnlyList<Expandable> paths)
    {
        var words = paths.Select(syntax.EscapedWord).ToList();
        // JSON also when the first word starts with '[' (would read as JSON) or '-' (a leading --word is a flag).
        var needsJson = words.Any(w => w.Length == 0 || w.Any(char.IsWhiteSpace)) || words[0].StartsWith('[') || words[0].StartsWith('-');
        return needsJson ? DockerfileSyntax.JsonArray(words) : string.Join(" ", words);
    }

    internal static string FromText(ArtifactSource from) => from switch
    {
        ArtifactSource.FromStage stage => stage.Stage.Name,
        ArtifactSource.FromImage image => image.Image.ToString(),
        ArtifactSource.FromContext context => context.Context.Name,
        _ => throw new InvalidOperationException("unknown source"),
    };

    /// <summary>Appends a logical line, cut into continuation lines when it is longer than BuildKit reads.</summary>
    internal static void AppendLine(StringBuilder output, DockerfileSyntax syntax, string line)
    {
        var physical = PhysicalLines(syntax, line)
            ?? throw new InvalidOperationException("The line cannot be wrapped; DockerfileValidator reports this before emitting.");
        foreach (var part in physical) output.Append(part).Append('\n');
    }

    /// <summary>
    /// The physical lines of a logical line: itself when it fits, otherwise continuation lines each ending with the
    /// escape character. BuildKit joins continuation lines by plain concatenation, but drops a continuation line
    /// that is blank or starts (after blanks) with '#', and does not take a trailing escape character preceded by
    /// another escape character as a continuation; so a cut is only placed before a character that is neither
    /// blank nor '#', and never right after an escape character. Null when no such cut keeps every line within
    /// <see cref="MaxLineBytes"/> (a very long run of blanks, '#' or escape characters).
    /// </summary>
    internal static IReadOnlyList<string>? PhysicalLines(DockerfileSyntax syntax, string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineBytes) return [line];
        var lines = new List<string>();
        var start = 0;
        while (Encoding.UTF8.GetByteCount(line.AsSpan(start)) > MaxLineBytes)
        {
            int bytes = 0, cut = -1, lastCuttable = -1;
            for (var i = start; i < line.Length; i++)
            {
                var cuttable = i > start && !char.IsLowSurrogate(line[i]) && !char.IsWhiteSpace(line[i]) && line[i] != '#'
                               && line[i - 1] != syntax.EscapeChar;
                if (cuttable && bytes >= WrapBytes) { cut = i; break; }
                if (cuttable) lastCuttable = i;
                bytes += char.IsHighSurrogate(line[i]) ? 4 : char.IsLowSurrogate(line[i]) ? 0 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
                if (bytes > MaxLineBytes - 1) break; // no room left for the continuation character
            }
            if (cut < 0) cut = lastCuttable;
            if (cut < 0) return null;
            lines.Add(string.Concat(line.AsSpan(start, cut - start), syntax.EscapeChar.ToString()));
            start = cut;
        }
        lines.Add(line[start..]);
        return lines;
    }
}
