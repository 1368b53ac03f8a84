using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0121 (hadolint DL3045): COPY or ADD to a relative destination before any WORKDIR of the stage (or the stages it builds on).</summary>
internal sealed class RelativeCopyWithoutWorkdirRule() : LintRule(RuleIds.RelativeCopyWithoutWorkdir)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions).Where(i => !i.Before.WorkdirSet))
        {
            var destination = Codecs.InstructionCodecs.For(at.Instruction).Destination(at.Instruction);
            // A destination starting with a variable may well be absolute.
            if (destination is { Value.Parts: [{ IsVariable: false, Text: var first }, ..] } path && !first.StartsWith('/'))
                yield return At(at, at.Instruction.Keyword, path.ToString());
        }
    }
}
