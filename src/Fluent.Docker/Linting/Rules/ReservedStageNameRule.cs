using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0009 (BuildKit ReservedStageName, hadolint DL3063): a stage named <c>scratch</c> or <c>context</c>.</summary>
internal sealed class ReservedStageNameRule() : StageRule(RuleIds.ReservedStageName)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Name?.ToLowerInvariant() is "scratch" or "context") yield return AtFrom(stage, stage.Stage.Name.ToLowerInvariant()); // as BuildKit names it
    }
}
