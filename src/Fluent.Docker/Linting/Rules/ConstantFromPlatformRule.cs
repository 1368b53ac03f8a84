using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0007 (BuildKit FromPlatformFlagConstDisallowed, hadolint DL3029): FROM --platform with a constant, unless the
/// stage name says it is that platform's stage (it contains the OS or the architecture, as BuildKit allows).
/// </summary>
internal sealed class ConstantFromPlatformRule() : StageRule(RuleIds.ConstantFromPlatform)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Platform is not { IsConcrete: true } platform) yield break;
        var name = stage.Stage.Name?.ToLowerInvariant() ?? "";
        if (name.Contains(platform.Os, StringComparison.Ordinal) || name.Contains(platform.Architecture, StringComparison.Ordinal)) yield break;
        yield return AtFrom(stage, stage.DisplayName, stage.PlatformAsWritten ?? platform.ToString());
    }
}
