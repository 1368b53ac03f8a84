using System.Globalization;
using System.Text;

namespace Fluent.Docker.Emit;

/// <summary>Where an emitted line belongs: stage -1 for global ARG number <c>Index</c>, else FROM (0) or instruction <c>Index</c> of the stage.</summary>
internal readonly record struct EmittedPosition(int Stage, int Index);

/// <summary>
/// Turns a validated <see cref="Dockerfile"/> into text. Deterministic: the same model always gives the same
/// bytes. Callers go through <see cref="Dockerfile.Emit"/>, which validates first.
/// </summary>
internal static class DockerfileEmitter
{
    /// <summary>BuildKit reads physical lines with a bufio.Scanner: at most 65535 bytes each.</summary>
    public const int MaxLineBytes = 65535;

    /// <summary>Where an over-long line is cut; well under the limit so the continuation character always fits.</summary>
    internal const int WrapBytes = 16384;

    public static string Emit(Dockerfile file) => Emit(file, null);

    /// <summary>
    /// The text, reporting where each global ARG, FROM and instruction landed (1-based first and last line) to
    /// <paramref name="placed"/>: the lint gives diagnostics on a C# model the lines of the file it will become.
    /// </summary>
    internal static string Emit(Dockerfile file, Action<EmittedPosition, int, int>? placed)
    {
        var syntax = new DockerfileSyntax(file.Escape);
        var output = new StringBuilder();
        var lines = 1;
        void Append(EmittedPosition at, string header, IReadOnlyList<string> body)
        {
            var first = lines;
            var start = output.Length;
            AppendLine(output, syntax, header);
            foreach (var line in body) output.Append(line).Append('\n');
            for (var i = start; i < output.Length; i++)
                if (output[i] == '\n') lines++;
            placed?.Invoke(at, first, lines - 1);
        }
        void Blank()
        {
            output.Append('\n');
            lines++;
        }

        if (file.Frontend.SyntaxDirective is { } frontend) output.Append("# syntax=").Append(frontend).Append('\n');
        if (file.Escape == EscapeToken.Backtick) output.Append("# escape=`\n");
        if (file.Checks is { } checks) output.Append("# check=").Append(CheckValue(checks)).Append('\n');
        lines += output.ToString().Count(c => c == '\n');
        if (output.Length > 0) Blank();

        for (var i = 0; i < file.GlobalArgs.Count; i++) Append(new EmittedPosition(-1, i), Arg(syntax, file.GlobalArgs[i]), []);
        if (file.GlobalArgs.Count > 0) Blank();

        for (var i = 0; i < file.Stages.Count; i++)
        {
            if (i > 0) Blank();
            var stage = file.Stages[i];
            Append(new EmittedPosition(i, 0), From(syntax, stage), []);
            for (var n = 0; n < stage.Instructions.Count; n++)
            {
                var (header, body) = Instruction(syntax, stage.Instructions[n]);
                Append(new EmittedPosition(i, n + 1), header, body);
            }
        }
        return output.ToString();
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
