using System.Text;
using Fluent.Docker.Emit;
using Fluent.Docker.Parsing;
using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting;

/// <summary>
/// What a rule's fix may look at: the lint's view (stages, instructions and the build state before each), and the text
/// each one was read from. Its helpers write replacement text: an instruction rendered fresh (keyword casing as
/// written), or a RUN whose shell command changes with its own layout (continuation lines, indentation) kept.
/// </summary>
internal sealed class FixContext
{
    private readonly DockerfileSyntaxTree _tree;
    private readonly IReadOnlyDictionary<(int Stage, int Instruction), InstructionNode> _nodes;

    internal FixContext(LintContext lint, DockerfileSyntaxTree tree, IReadOnlyDictionary<(int Stage, int Instruction), InstructionNode> nodes)
    {
        Lint = lint;
        _tree = tree;
        _nodes = nodes;
    }

    public LintContext Lint { get; }

    public EscapeToken Escape => _tree.EscapeToken == '`' ? EscapeToken.Backtick : EscapeToken.Backslash;

    /// <summary>The text node a finding points at (a FROM is instruction 0; a global ARG is stage -1), or null.</summary>
    public InstructionNode? NodeOf(ProblemLocation at) => at switch
    {
        { GlobalArgIndex: { } arg } => _nodes.GetValueOrDefault((-1, arg + 1)),
        { StageIndex: { } stage, InstructionNumber: { } number } => _nodes.GetValueOrDefault((stage, number)),
        _ => null,
    };

    /// <summary>The node's own lines as written: keyword line, continuation lines, heredoc bodies (each with its line ending).</summary>
    public string OwnText(InstructionNode node) => node.OwnText(_tree);

    public StageContext Stage(ProblemLocation at) => Lint.Stages[at.StageIndex ?? throw new ArgumentException("The finding is not in a stage.", nameof(at))];

    public InstructionContext Instruction(ProblemLocation at) =>
        Stage(at).Instructions[(at.InstructionNumber ?? 0) - 1];

    /// <summary>
    /// <paramref name="instruction"/> rendered as the emitter writes a changed instruction, without its comment (the
    /// comment lines above the node are kept text), with the keyword in the casing <paramref name="writtenKeyword"/> uses.
    /// </summary>
    public string Render(Instruction instruction, string? writtenKeyword = null)
    {
        var text = DockerfileEmitter.Render(Escape, instruction with { Comment = null });
        var keyword = instruction.Keyword;
        if (writtenKeyword is null || !text.StartsWith(keyword, StringComparison.Ordinal)) return text;
        var casing = writtenKeyword == writtenKeyword.ToLowerInvariant() ? keyword.ToLowerInvariant()
            : writtenKeyword == writtenKeyword.ToUpperInvariant() ? keyword : null;
        return casing is null ? text : casing + text[keyword.Length..];
    }

    /// <summary>Texts one after another, each on lines of its own (a node that ended the file without a line break gets one).</summary>
    public static string Lines(params string[] texts) =>
        string.Concat(texts.Select((text, i) => i < texts.Length - 1 && text.Length > 0 && !text.EndsWith('\n') ? text + "\n" : text));

    /// <summary>
    /// The fix of a rule that rewrites a RUN's shell command: <paramref name="rewrite"/> gives the new command (null:
    /// <paramref name="refusal"/>). A heredoc script or exec form is not rewritten.
    /// </summary>
    public FixOutcome FixRunCommand(string ruleId, Finding finding, Func<ShellScript, string?> rewrite, string description, string refusal)
    {
        var at = Instruction(finding.Location);
        if (at.Instruction is not RunInstruction { Command: CommandLine.Shell shell } run)
            return new FixRefusal("the RUN is a heredoc script or in exec form: not rewritten");
        if (NodeOf(finding.Location) is not { } node) return new FixRefusal("the RUN's text is not known");
        if (rewrite(ShellScript.Parse(shell.Command)) is not { } command) return new FixRefusal(refusal);
        return RunWithCommand(node, run, command) is { } text
            ? new LintFix(ruleId, finding.Location, text, description)
            : new FixRefusal("the RUN has comment lines inside it that rewriting it would drop");
    }

    /// <summary>
    /// The own text of the RUN at <paramref name="node"/> with its shell command replaced by <paramref name="command"/>:
    /// only the part of the text that differs is rewritten, so continuation lines and indentation around it stay. The
    /// result is read back and must say the same RUN with the new command; when it does not (or the edit would remove a
    /// comment line inside the instruction), the RUN is rendered fresh, unless comment lines inside it would be lost:
    /// then null.
    /// </summary>
    public string? RunWithCommand(InstructionNode node, RunInstruction run, string command)
    {
        var own = OwnText(node);
        var expected = run with { Command = new CommandLine.Shell(command), Comment = null };
        if (EditCommand(own, run, command) is { } edited && ReadsAs(edited, expected)) return edited;
        if (HasCommentLines(own)) return null;
        return Render(expected, node.Keyword);
    }

    /// <summary>Replaces the differing middle of the old and new command in the raw text, through the logical line's offsets.</summary>
    private string? EditCommand(string own, RunInstruction run, string command)
    {
        if (run.Command is not CommandLine.Shell { Command: var old }) return null;
        var logical = LogicalLine.Of(own, _tree.EscapeToken);
        if (logical is null) return null;
        var at = logical.Text.LastIndexOf(old, StringComparison.Ordinal);
        if (at < 0 || logical.Text[(at + old.Length)..].Trim().Length > 0) return null;
        var prefix = 0;
        while (prefix < old.Length && prefix < command.Length && old[prefix] == command[prefix]) prefix++;
        var suffix = 0;
        while (suffix < old.Length - prefix && suffix < command.Length - prefix && old[^(suffix + 1)] == command[^(suffix + 1)]) suffix++;
        var start = at + prefix;
        var end = at + old.Length - suffix;
        if (EditWords(own, logical, start, old[prefix..(old.Length - suffix)], command[prefix..(command.Length - suffix)]) is { } byWord)
            return byWord;
        int rawStart, rawEnd;
        if (start < end)
        {
            rawStart = logical.Offsets[start];
            rawEnd = logical.Offsets[end - 1] + 1;
        }
        else
        {
            // An insertion stays on the line of the character before it (after "install", not before the next line's word).
            rawStart = rawEnd = start > 0 ? logical.Offsets[start - 1] + 1 : logical.Offsets[0];
        }
        if (HasCommentLines(own[rawStart..rawEnd])) return null;
        return own[..rawStart] + command[prefix..(command.Length - suffix)] + own[rawEnd..];
    }

    /// <summary>
    /// When the old and new middles are words with the same blanks between them (words reordered or respelled in place)
    /// and the old one spans lines, replaces word by word, so the line breaks and indentation between them stay.
    /// </summary>
    private static string? EditWords(string own, LogicalLine logical, int start, string oldMiddle, string newMiddle)
    {
        var oldWords = WordSpans(oldMiddle);
        var newWords = WordSpans(newMiddle);
        if (oldWords.Count < 2 || oldWords.Count != newWords.Count) return null;
        for (var i = 1; i < oldWords.Count; i++)
            if (oldMiddle[oldWords[i - 1].End..oldWords[i].Start] != newMiddle[newWords[i - 1].End..newWords[i].Start]) return null;
        if (oldMiddle[..oldWords[0].Start] != newMiddle[..newWords[0].Start]) return null;
        var rawSpans = oldWords.Select(w => (Start: logical.Offsets[start + w.Start], End: logical.Offsets[start + w.End - 1] + 1)).ToList();
        if (!own[rawSpans[0].Start..rawSpans[^1].End].Contains('\n', StringComparison.Ordinal)) return null;
        var text = new System.Text.StringBuilder(own);
        for (var i = oldWords.Count - 1; i >= 0; i--)
            text.Remove(rawSpans[i].Start, rawSpans[i].End - rawSpans[i].Start)
                .Insert(rawSpans[i].Start, newMiddle[newWords[i].Start..newWords[i].End]);
        return text.ToString();
    }

    /// <summary>The runs of non-blank characters of <paramref name="text"/>.</summary>
    private static List<(int Start, int End)> WordSpans(string text)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            spans.Add((begin, i));
        }
        return spans;
    }

    /// <summary>True when the text holds a comment line (one that continues an instruction: BuildKit drops it).</summary>
    private static bool HasCommentLines(string text) =>
        text.Split('\n').Skip(1).Any(line => GoText.TrimLeftSpace(line).StartsWith('#'));

    /// <summary>True when <paramref name="text"/>, read as the only instruction of a stage, is <paramref name="expected"/>.</summary>
    private bool ReadsAs(string text, Instruction expected)
    {
        var header = _tree.EscapeToken == '`' ? "# escape=`\n" : "";
        try
        {
            var read = DockerfileReader.Read(header + "FROM scratch\n" + text);
            return read.Stages is [{ Instructions: [var only] }] && only with { Comment = null } == expected;
        }
        catch (DockerfileParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// An instruction's logical line as BuildKit's parser joins it (continuations removed, comment and blank lines
    /// inside it skipped), with each character's offset in the raw text.
    /// </summary>
    private sealed record LogicalLine(string Text, IReadOnlyList<int> Offsets)
    {
        public static LogicalLine? Of(string own, char escape)
        {
            var text = new StringBuilder();
            var offsets = new List<int>();
            var position = 0;
            var first = true;
            var ended = false;
            while (!ended && position < own.Length)
            {
                var lineEnd = own.IndexOf('\n', position);
                var next = lineEnd < 0 ? own.Length : lineEnd + 1;
                var raw = DockerfileSyntaxParser.TrimNewline(own[position..next]);
                var skip = 0;
                if (first)
                {
                    skip = raw.Length - GoText.TrimLeftSpace(raw).Length;
                    first = false;
                }
                else if (DockerfileSyntaxParser.IsComment(raw) || GoText.TrimLeftSpace(raw).Length == 0)
                {
                    position = next;
                    continue;
                }
                (var line, ended) = DockerfileSyntaxParser.TrimContinuation(raw[skip..], escape);
                for (var i = 0; i < line.Length; i++)
                {
                    text.Append(line[i]);
                    offsets.Add(position + skip + i);
                }
                position = next;
            }
            // What follows the logical line is heredoc bodies: no command text there.
            return text.Length == 0 ? null : new LogicalLine(text.ToString(), offsets);
        }
    }
}
