using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0101 (BuildKit FromAsCasing): <c>FROM x as y</c> or <c>from x AS y</c> in the text (the emitter always writes FROM … AS).</summary>
internal sealed class FromAsCasingRule() : StageRule(RuleIds.FromAsCasing)
{
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
