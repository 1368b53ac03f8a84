using Fluent.Docker.Rules;

namespace Fluent.Docker;

/// <summary>
/// A lint rule turned off on purpose, with the reason: <c>stage.Suppress("FD0011", "the entrypoint drops to uid 1000 itself")</c>.
/// The rule may be named by its id, its BuildKit check (<c>JSONArgsRecommended</c>) or its hadolint rule (<c>DL3008</c>).
/// A suppression without a justification, or naming no rule, is refused when it is created.
/// </summary>
public sealed record RuleSuppression
{
    private RuleSuppression(string ruleId, string justification)
    {
        RuleId = ruleId;
        Justification = justification;
    }

    /// <summary>The rule's id (<c>FDxxxx</c>), whatever name it was given by.</summary>
    public string RuleId { get; }

    public string Justification { get; }

    public static RuleSuppression Create(string rule, string justification)
    {
        if (string.IsNullOrWhiteSpace(justification))
            throw new DockerValueException(Problem.InvalidValue($"The suppression of '{rule}' has no justification.",
                "say why the rule does not apply here, e.g. Suppress(\"FD0011\", \"the entrypoint drops privileges itself\")."));
        return new RuleSuppression(ResolveRuleId(rule), justification.Trim());
    }

    /// <summary>The id of the rule named <paramref name="name"/> by its id, BuildKit check or hadolint rule.</summary>
    internal static string ResolveRuleId(string name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            foreach (var rule in RuleCatalog.All)
                if (string.Equals(rule.Id, name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(rule.BuildKitCheck, name, StringComparison.Ordinal)
                    || (rule.HadolintRule?.Split(", ").Contains(name, StringComparer.OrdinalIgnoreCase) ?? false))
                    return rule.Id;
        }
        throw new DockerValueException(Problem.InvalidValue($"'{name}' names no lint rule.",
            "use a rule id such as FD0014, a BuildKit check such as JSONArgsRecommended, or a hadolint rule such as DL3008 (see docs/rules)."));
    }
}
