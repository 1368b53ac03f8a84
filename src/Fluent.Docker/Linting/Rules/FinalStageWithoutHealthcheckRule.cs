using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0023 (hadolint DL3057): neither the final stage nor a stage it builds on has a HEALTHCHECK (<c>Healthcheck.None</c> counts: it says so on purpose).</summary>
internal sealed class FinalStageWithoutHealthcheckRule() : LintRule(RuleIds.FinalStageWithoutHealthcheck)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Stages.Count == 0) yield break;
        var final = context.Stages[^1];
        if (!final.Chain().SelectMany(s => s.Instructions).Any(i => i.Instruction is HealthcheckInstruction))
            yield return AtFrom(final, final.DisplayName);
    }
}
