using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0103 (BuildKit ConsistentInstructionCasing): a keyword written in mixed case, or in the casing fewer FROM and
/// stage instructions use (global ARGs are not counted, as in BuildKit).
/// </summary>
internal sealed class ConsistentInstructionCasingRule() : LintRule(RuleIds.ConsistentInstructionCasing), IFixableRule
{
    /// <summary>The keyword rewritten in the casing most instructions use; nothing else of the line changes.</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        if (finding.MessageArguments is not [string keyword, string casing] || context.NodeOf(finding.Location) is not { } node)
            return new FixRefusal("the instruction's text is not known");
        var own = context.OwnText(node);
        var start = own.Length - Parsing.GoText.TrimLeftSpace(own).Length;
        if (string.CompareOrdinal(own, start, keyword, 0, keyword.Length) != 0) return new FixRefusal("the keyword is not where the fix can find it");
        var cased = casing == "lowercase" ? keyword.ToLowerInvariant() : keyword.ToUpperInvariant();
        return new LintFix(Id, finding.Location, own[..start] + cased + own[(start + keyword.Length)..], $"{keyword} written as {cased}");
    }

    internal override RulePhase Phase => RulePhase.Read;

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        // One text instruction can become several model instructions (ARG a b): count and report it once.
        var written = new List<(ProblemLocation At, string Keyword)>();
        var seen = new HashSet<SourceInstruction>(ReferenceEqualityComparer.Instance);
        foreach (var stage in context.Stages)
        {
            if (stage.FromSource is { Keyword: { } from } fromSource && seen.Add(fromSource)) written.Add((LintLocation.From(stage), from));
            foreach (var at in stage.Instructions)
                if (at.Source is { Keyword: { } keyword } source && seen.Add(source)) written.Add((LintLocation.Of(at), keyword));
        }
        var lower = written.Count(w => w.Keyword == w.Keyword.ToLowerInvariant());
        var upper = written.Count(w => w.Keyword != w.Keyword.ToLowerInvariant() && w.Keyword == w.Keyword.ToUpperInvariant());
        var majorityLower = lower > upper;
        foreach (var (at, keyword) in written)
        {
            if (majorityLower && keyword != keyword.ToLowerInvariant()) yield return new Finding(at, [keyword, "lowercase"]);
            else if (!majorityLower && keyword != keyword.ToUpperInvariant()) yield return new Finding(at, [keyword, "uppercase"]);
        }
    }
}
