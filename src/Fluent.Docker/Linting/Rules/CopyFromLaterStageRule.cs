using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0022 (hadolint DL3022): FROM, COPY --from or a RUN mount that names its own stage or a later one.</summary>
internal sealed class CopyFromLaterStageRule() : LintRule(RuleIds.CopyFromLaterStage)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var stage in context.Stages)
        {
            if (stage.Stage.Base is BaseImage.OfStage parent && Later(context, stage, parent.Stage.Name))
                yield return AtFrom(stage, stage.DisplayName, parent.Stage.Name);
            foreach (var at in stage.Instructions)
                foreach (var name in LintContext.StagesUsedBy(at.Instruction).Where(n => Later(context, stage, n)))
                    yield return At(at, stage.DisplayName, name);
        }
    }

    private static bool Later(LintContext context, StageContext stage, string name) => DockerfileFacts.IsLaterOrSameStage(BuildStates.IndexOf(context.File, name), stage.Index);
}
