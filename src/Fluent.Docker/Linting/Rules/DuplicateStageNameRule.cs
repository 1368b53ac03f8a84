using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0010 (BuildKit DuplicateStageName, hadolint DL3024): a stage name used by an earlier stage (names compare case-insensitively).</summary>
internal sealed class DuplicateStageNameRule() : StageRule(RuleIds.DuplicateStageName)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Name is not { } name) yield break;
        var first = DockerfileFacts.EarlierStageNamed([.. stage.File.File.Stages.Select(s => s.Name)], name, stage.Index);
        // BuildKit names the stage as it compares names: lowercased.
        if (first >= 0) yield return AtFrom(stage, name.ToLowerInvariant(), first + 1);
    }
}
