using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0012 (extends hadolint DL3002): neither the final stage nor a stage it builds on sets a USER, so the base image's
/// user (usually root) runs. Quiet when the base image says by its tag that it is non-root (<c>:nonroot</c>, <c>-chiseled</c>).
/// </summary>
internal sealed class FinalStageWithoutUserRule() : LintRule(RuleIds.FinalStageWithoutUser)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (context.Stages.Count == 0) yield break;
        var final = context.Stages[^1];
        if (FinalStageRunsAsRootRule.LastUser(final) is not null) yield break;
        if (final.Chain().Last().Stage.Base is BaseImage.Image image && DockerfileFacts.LooksNonRoot(image.Reference.ToString())) yield break;
        yield return AtFrom(final, final.DisplayName);
    }
}
