using System.Text.RegularExpressions;
using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0101 (BuildKit FromAsCasing): <c>FROM x as y</c> or <c>from x AS y</c> in the text (the emitter always writes FROM … AS).</summary>
internal sealed class FromAsCasingRule() : StageRule(RuleIds.FromAsCasing), IFixableRule
{
    /// <summary>The AS word takes the casing of the FROM keyword, where it is written.</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        if (finding.MessageArguments is not [string asWord, string from] || context.NodeOf(finding.Location) is not { } node)
            return new FixRefusal("the FROM's text is not known");
        var own = context.OwnText(node);
        var word = Regex.Matches(own, @"(?<=\s)" + Regex.Escape(asWord) + @"(?=\s)").LastOrDefault();
        if (word is null) return new FixRefusal("the AS word is not where the fix can find it");
        var cased = from == from.ToLowerInvariant() ? "as" : "AS";
        return new LintFix(Id, finding.Location, own[..word.Index] + cased + own[(word.Index + word.Length)..], $"'{asWord}' written as '{cased}'");
    }

    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.FromSource is not { Keyword: { } from, Arguments: [_, var asWord, _] }) yield break;
        // A keyword of mixed case is ConsistentInstructionCasing's; only a clean FROM or from is compared with AS.
        var lower = from == from.ToLowerInvariant();
        var upper = from == from.ToUpperInvariant();
        if ((lower && asWord != asWord.ToLowerInvariant()) || (upper && !lower && asWord != asWord.ToUpperInvariant()))
            yield return AtFrom(stage, asWord, from);
    }
}
