using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0122 (hadolint DL3059): a RUN right after another RUN with the same options (mounts, network, security).</summary>
internal sealed class ConsecutiveRunRule() : LintRule(RuleIds.ConsecutiveRun)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var stage in context.Stages)
            for (var i = 1; i < stage.Instructions.Count; i++)
                if (stage.Instructions[i].Instruction is RunInstruction run && stage.Instructions[i - 1].Instruction is RunInstruction previous
                    && run.Options.Equals(previous.Options))
                    yield return At(stage.Instructions[i]);
    }
}
