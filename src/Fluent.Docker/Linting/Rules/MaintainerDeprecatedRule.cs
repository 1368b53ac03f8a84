using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0104 (BuildKit MaintainerDeprecated, hadolint DL4000): MAINTAINER in the text. The model has no MAINTAINER (the
/// reader turns it into the maintainer label), so only a parsed file can have one.
/// </summary>
internal sealed class MaintainerDeprecatedRule() : LintRule(RuleIds.MaintainerDeprecated)
{
    internal override RulePhase Phase => RulePhase.Read;

    internal override IEnumerable<Finding> Check(LintContext context) =>
        context.Stages.SelectMany(s => s.Instructions)
            .Where(at => string.Equals(at.Source?.Keyword, "MAINTAINER", StringComparison.OrdinalIgnoreCase))
            .Select(at => At(at));
}
