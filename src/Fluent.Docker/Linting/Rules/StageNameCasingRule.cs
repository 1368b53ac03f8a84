using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0008 (BuildKit StageNameCasing): a stage name, as written, that is not lowercase.</summary>
internal sealed class StageNameCasingRule() : StageRule(RuleIds.StageNameCasing)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        // The reader lowercases names as BuildKit does; the text keeps how it was written.
        var name = stage.FromSource is { Arguments: [_, _, var written] } ? written : stage.Stage.Name;
        if (name is not null && name != name.ToLowerInvariant()) yield return AtFrom(stage, name, name.ToLowerInvariant());
    }
}
