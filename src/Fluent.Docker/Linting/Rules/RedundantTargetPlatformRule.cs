using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0109 (BuildKit RedundantTargetPlatform): <c>FROM --platform=$TARGETPLATFORM</c>, which every stage gets anyway.</summary>
internal sealed class RedundantTargetPlatformRule() : StageRule(RuleIds.RedundantTargetPlatform)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Platform == Platform.TargetPlatform) yield return AtFrom(stage, stage.PlatformAsWritten ?? Platform.TargetPlatform.ToString());
    }
}
