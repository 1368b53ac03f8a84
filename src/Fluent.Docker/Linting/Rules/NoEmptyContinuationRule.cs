using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0102 (BuildKit NoEmptyContinuation): an empty line inside a continued instruction of the text.</summary>
internal sealed class NoEmptyContinuationRule() : LintRule(RuleIds.NoEmptyContinuation)
{
    internal override RulePhase Phase => RulePhase.Read;

    internal override IEnumerable<Finding> Check(LintContext context) =>
        (context.Source?.EmptyContinuations ?? []).Select(e => new Finding(LintLocation.AtLine(e.Line), [e.InstructionLine]));
}
