using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0011 (hadolint DL3002): the last USER the final stage (or a stage it builds on) sets is root.</summary>
internal sealed class FinalStageRunsAsRootRule() : LintRule(RuleIds.FinalStageRunsAsRoot)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Stages.Count == 0 || LastUser(context.Stages[^1]) is not { } at) yield break;
        var user = at.After.Config.User;
        if (DockerfileFacts.IsRootUser(user.Split(':')[0])) yield return At(at, context.Stages[^1].DisplayName, user);
    }

    /// <summary>The USER instruction that decides the final user: the last one along the stage chain.</summary>
    internal static InstructionContext? LastUser(StageContext final) =>
        final.Chain().Select(stage => stage.Instructions.LastOrDefault(i => i.Instruction is UserInstruction)).FirstOrDefault(i => i is not null);
}
