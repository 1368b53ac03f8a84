using System.Text.RegularExpressions;
using Fluent.Docker.Parsing;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Linting;

/// <summary>What <see cref="DockerfileFixer.Fix"/> applies: the lint's options (suppressions and checks hold), and a lock to pin base images with.</summary>
public sealed record DockerfileFixOptions
{
    public static DockerfileFixOptions Default { get; } = new();

    /// <summary>The lint the fixes answer to: a finding it does not report (suppressed, skipped by a check directive) is not fixed.</summary>
    public LintOptions Lint { get; init; } = LintOptions.Default;

    /// <summary>When set, <c>FROM image:tag</c> becomes <c>FROM image:tag@digest</c> for each image the lock holds.</summary>
    public ImageLock? Lock { get; init; }
}

/// <summary>
/// What the fixer did to one text: the fixed text, each fix applied (at its line in the text given), each finding of a
/// fixable rule it left and why, the base images the lock did not know, and the lint of the fixed text.
/// </summary>
public sealed record DockerfileFixResult(
    string Original,
    string Text,
    IReadOnlyList<AppliedFix> Applied,
    IReadOnlyList<RefusedFix> Refused,
    IReadOnlyList<ImageReference> Unlocked,
    LintReport Remaining)
{
    public bool Changed => !string.Equals(Original, Text, StringComparison.Ordinal);
}

/// <summary>
/// Applies the fixes of the fixable lint rules to a Dockerfile text, one at a time, re-reading the text after each,
/// until none applies. A fix rewrites one instruction's own lines (and may insert instructions beside it); every other
/// byte of the file stays as written. A fix whose text would not read back (or not as BuildKit reads the original) is
/// dropped and reported as refused.
/// </summary>
public static class DockerfileFixer
{
    /// <summary>The rule id <see cref="AppliedFix"/> gives a base image pinned from the lock (no lint rule asks for it).</summary>
    public const string LockFixId = "lock";

    /// <summary>More fixes than this in one file means a fix undoes another: stop rather than loop.</summary>
    private const int MaxFixes = 500;

    /// <summary>The rules whose findings <see cref="Fix"/> can fix.</summary>
    public static IReadOnlyList<LintRule> FixableRules { get; } = [.. Linter.Rules.Where(r => r is IFixableRule)];

    /// <summary>
    /// Fixes <paramref name="dockerfile"/> (see the class remarks). Throws <see cref="DockerfileParseException"/> when the
    /// parser cannot read the text at all; text after an instruction BuildKit would stop at is left as it is.
    /// </summary>
    public static DockerfileFixResult Fix(string dockerfile, DockerfileFixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        options ??= DockerfileFixOptions.Default;
        var text = dockerfile;
        var state = FixState.Read(text, options);
        var originalProblem = state.ReadProblem;
        var applied = new List<AppliedFix>();
        var moves = new List<LineMove>();
        var dropped = new Dictionary<(string Rule, string Own), string>();
        while (applied.Count < MaxFixes)
        {
            var next = NextFix(state, dropped);
            if (next is null) break;
            var (fix, node) = next.Value;
            fix = fix with { Replacement = WithLineEndingsOf(state.OwnText(node), fix.Replacement) };
            var fixedText = state.Replace(node, fix.Replacement);
            FixState? fixedState;
            string? failure = null;
            try
            {
                fixedState = FixState.Read(fixedText, options);
                if (originalProblem is null && fixedState.ReadProblem is { } problem) failure = $"the fixed text would not read: {problem.Message}";
            }
            catch (DockerfileParseException e)
            {
                fixedState = null;
                failure = $"the fixed text would not parse: {e.Message}";
            }
            if (failure is not null || fixedText == text)
            {
                dropped[(fix.RuleId, state.OwnText(node))] = failure ?? "the fix changes nothing";
                continue;
            }
            applied.Add(new AppliedFix(fix.RuleId, OriginalLine(node.StartLine, moves), fix.Description));
            moves.Add(new LineMove(node.StartLine, Lines(state.OwnText(node)), Lines(fix.Replacement)));
            text = fixedText;
            state = fixedState!;
        }
        var refused = state.Candidates().Select(c => new RefusedFix(c.Rule, c.Line, c.Outcome switch
        {
            FixRefusal refusal => refusal.Reason,
            LintFix when state.NodeOf(c) is { } node && dropped.TryGetValue((c.Rule, state.OwnText(node)), out var why) => why,
            _ => $"stopped after {MaxFixes} fixes",
        })).ToList();
        return new DockerfileFixResult(dockerfile, text, applied, refused, state.Unlocked(), state.Report);
    }

    /// <summary>The first fix that applies, in the rules' order then the file's, skipping fixes already dropped.</summary>
    private static (LintFix Fix, InstructionNode Node)? NextFix(FixState state, Dictionary<(string Rule, string Own), string> dropped)
    {
        foreach (var candidate in state.Candidates())
            if (candidate.Outcome is LintFix fix && state.NodeOf(candidate) is { } node && !dropped.ContainsKey((fix.RuleId, state.OwnText(node))))
                return (fix, node);
        return null;
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    /// <summary>Rendered lines end with a line feed; in an instruction written with CR LF they get CR LF too.</summary>
    private static string WithLineEndingsOf(string own, string replacement) =>
        own.Contains("\r\n", StringComparison.Ordinal)
            ? replacement.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)
            : replacement;

    /// <summary>One applied fix's lines: <see cref="Old"/> lines from <see cref="Start"/> became <see cref="New"/> lines.</summary>
    private readonly record struct LineMove(int Start, int Old, int New);

    /// <summary>The line in the original text of line <paramref name="line"/> of the text after <paramref name="moves"/>.</summary>
    private static int OriginalLine(int line, IReadOnlyList<LineMove> moves)
    {
        for (var i = moves.Count - 1; i >= 0; i--)
        {
            var move = moves[i];
            if (line >= move.Start + move.New) line = line - move.New + move.Old;
            else if (line >= move.Start) line = move.Start;
        }
        return line;
    }

    /// <summary>A finding of a fixable rule that the lint reports, with what its rule decided.</summary>
    private sealed record Candidate(string Rule, int Order, int Line, ProblemLocation At, FixOutcome Outcome);

    /// <summary>One reading of the text: the syntax tree, the lint's context and report, and the fix context over them.</summary>
    private sealed class FixState
    {
        private readonly DockerfileSyntaxTree _tree;
        private readonly FixContext _fix;
        private readonly DockerfileFixOptions _options;
        private List<Candidate>? _candidates;

        private FixState(DockerfileSyntaxTree tree, FixContext fix, LintReport report, DockerfileFixOptions options)
        {
            _tree = tree;
            _fix = fix;
            Report = report;
            _options = options;
        }

        public LintReport Report { get; }
        public Problem? ReadProblem => Report.ReadProblem;

        public static FixState Read(string text, DockerfileFixOptions options)
        {
            var tree = DockerfileSyntaxTree.Parse(text);
            var import = DockerfileReader.ReadForLint(tree);
            var source = DockerfileSourceReader.From(tree, import);
            var report = Linter.Run(import.File, options.Lint, source) with { ReadProblem = import.Problem?.Problem };
            var context = LintContext.Create(import.File, options.Lint, source);
            return new FixState(tree, new FixContext(context, tree, import.Sources), report, options);
        }

        public InstructionNode? NodeOf(Candidate candidate) => _fix.NodeOf(candidate.At);

        public string OwnText(InstructionNode node) => _fix.OwnText(node);

        /// <summary>The text with <paramref name="node"/>'s own lines replaced (a byte-order mark kept).</summary>
        public string Replace(InstructionNode node, string replacement) =>
            (_tree.HasByteOrderMark ? "\uFEFF" : "") + _tree.Text[..node.Span.Start] + replacement + _tree.Text[node.Span.End..];

        /// <summary>Every reported finding of a fixable rule, and every base image the lock can pin, in the order they are tried.</summary>
        public IReadOnlyList<Candidate> Candidates() => _candidates ??= [.. FindCandidates().OrderBy(c => c.Order).ThenBy(c => c.Line).ThenBy(c => c.Rule, StringComparer.Ordinal)];

        private IEnumerable<Candidate> FindCandidates()
        {
            var reported = Report.Diagnostics.Select(d => (d.Code, d.Location.StageIndex, d.Location.InstructionNumber, d.Location.GlobalArgIndex)).ToHashSet();
            foreach (var rule in Report.Rules)
            {
                if (rule is not IFixableRule fixable) continue;
                foreach (var finding in rule.Check(_fix.Lint))
                {
                    var at = finding.Location;
                    if (!reported.Contains((rule.Id, at.StageIndex, at.InstructionNumber, at.GlobalArgIndex))) continue;
                    yield return new Candidate(rule.Id, fixable.Order, _fix.NodeOf(at)?.StartLine ?? at.Line ?? 0, at, fixable.FixFinding(_fix, finding));
                }
            }
            foreach (var pin in Pins()) yield return pin;
        }

        /// <summary><c>FROM image:tag</c> → <c>FROM image:tag@digest</c> for each image of the lock, the image word edited where it is written.</summary>
        private IEnumerable<Candidate> Pins()
        {
            if (_options.Lock is not { } imageLock) yield break;
            foreach (var stage in _fix.Lint.Stages)
            {
                if (stage.Stage.Base is not BaseImage.Image { Reference: { Problem: null, Digest: null } reference }
                    || imageLock.Find(reference) is not { } locked || stage.BaseAsWritten is not { } written
                    || written.Contains('$', StringComparison.Ordinal))
                    continue;
                var at = LintLocation.From(stage);
                if (_fix.NodeOf(at) is not { } node) continue;
                var own = _fix.OwnText(node);
                var word = Regex.Match(own, @"(?<=\s)" + Regex.Escape(written) + @"(?=\s|$)");
                if (!word.Success) continue;
                var replacement = own[..word.Index] + written + "@" + locked.Digest + own[(word.Index + word.Length)..];
                yield return new Candidate(LockFixId, 0, node.StartLine, at,
                    new LintFix(LockFixId, at, replacement, $"pinned {written} to {locked.Digest} from the lock"));
            }
        }

        /// <summary>The base images pulled by a tag that the lock does not hold (none without a lock).</summary>
        public IReadOnlyList<ImageReference> Unlocked() => _options.Lock is not { } imageLock ? [] :
            [.. _fix.Lint.Stages.Select(s => s.Stage.Base).OfType<BaseImage.Image>().Select(b => b.Reference)
                .Where(r => r.Problem is null && r.Digest is null && imageLock.Find(r) is null).Distinct()];
    }
}
