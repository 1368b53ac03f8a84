using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0103 (BuildKit ConsistentInstructionCasing): a keyword written in mixed case, or in the casing fewer FROM and
/// stage instructions use (global ARGs are not counted, as in BuildKit).
/// </summary>
internal sealed class ConsistentInstructionCasingRule() : LintRule(RuleIds.ConsistentInstructionCasing)
{
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
