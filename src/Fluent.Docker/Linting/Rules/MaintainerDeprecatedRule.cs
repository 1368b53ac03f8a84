using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0104 (BuildKit MaintainerDeprecated, hadolint DL4000): a MAINTAINER instruction, read from a file or appended in
/// C# (the fluent API has no method for it). BuildKit still runs it (it sets the image's Author), so it stays a warning.
/// </summary>
internal sealed class MaintainerDeprecatedRule() : LintRule(RuleIds.MaintainerDeprecated)
{
    internal override RulePhase Phase => RulePhase.Read;

    internal override IEnumerable<Finding> Check(LintContext context) =>
        context.Stages.SelectMany(s => s.Instructions)
            .Where(at => at.Instruction.Keyword == "MAINTAINER")
            .Select(at => At(at));
}
