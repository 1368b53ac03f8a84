using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0121 (hadolint DL3045): COPY or ADD to a relative destination before any WORKDIR of the stage (or the stages it builds on).</summary>
internal sealed class RelativeCopyWithoutWorkdirRule() : LintRule(RuleIds.RelativeCopyWithoutWorkdir)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions).Where(i => !i.Before.WorkdirSet))
        {
            ContainerPath? destination = at.Instruction switch
            {
                CopyInstruction copy => copy.Destination,
                CopyContentInstruction content => content.Destination,
                AddInstruction add => add.Destination,
                _ => (ContainerPath?)null,
            };
            // A destination starting with a variable may well be absolute.
            if (destination is { Value.Parts: [{ IsVariable: false, Text: var first }, ..] } path && !first.StartsWith('/'))
                yield return At(at, at.Instruction.Keyword, path.ToString());
        }
    }
}
