using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0110 (BuildKit InvalidDefaultArgInFrom): a FROM that reads global ARGs names no valid image when the ARGs keep
/// their defaults (no --build-arg), e.g. <c>ARG VERSION</c> then <c>FROM busybox:$VERSION</c> gives <c>busybox:</c>.
/// </summary>
internal sealed class InvalidDefaultArgInFromRule() : StageRule(RuleIds.InvalidDefaultArgInFrom)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Base is not BaseImage.Expanded expanded) yield break;
        // As BuildKit: the global ARGs' defaults and the platform arguments, never the build's --build-arg values.
        var inputs = BuildInputs.For(stage.File.File, null, null);
        var scope = inputs.Automatic.Concat(inputs.Global).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var name = BuildState.Expand(expanded.Reference, scope);
        if (name.Length == 0 || !ImageReference.TryParse(name, out _)) yield return AtFrom(stage, stage.BaseAsWritten ?? expanded.Reference.ToString(), name);
    }
}
