using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0107 (BuildKit MultipleInstructionsDisallowed, hadolint DL4003/DL4004/DL3012): a CMD, ENTRYPOINT or HEALTHCHECK
/// that a later one of the same stage replaces; reported at the one that is lost. A stage built on another may
/// replace its parent's freely.
/// </summary>
internal sealed class MultipleInstructionsRule() : LintRule(RuleIds.MultipleInstructions)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var stage in context.Stages)
        {
            var last = new Dictionary<string, InstructionContext>(StringComparer.Ordinal);
            foreach (var at in stage.Instructions.Where(i => Codecs.InstructionCodecs.For(i.Instruction).OnlyLastTakesEffect))
            {
                if (last.TryGetValue(at.Instruction.Keyword, out var earlier)) yield return At(earlier, at.Instruction.Keyword, at.Number);
                last[at.Instruction.Keyword] = at;
            }
        }
    }
}
