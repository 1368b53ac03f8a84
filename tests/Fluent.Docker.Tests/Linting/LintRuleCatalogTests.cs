using System.Reflection;
using System.Text.RegularExpressions;
using Fluent.Docker.Linting;
using Fluent.Docker.Rules;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The conventions every lint rule keeps: one class in its own file, the catalogue's metadata, tests both ways, a place in docs/rules.md.</summary>
public class LintRuleCatalogTests
{
    public static TheoryData<string> LintRuleIds => new(RuleCatalog.ReportedBy(RuleReporters.Lint).Select(r => r.Id));

    [Fact]
    public void Every_lint_rule_is_in_the_catalogue_as_a_lint_rule() =>
        Assert.Equal(RuleCatalog.ReportedBy(RuleReporters.Lint).Select(r => r.Id), Linter.Rules.Select(r => r.Id));

    [Fact]
    public void Linter_lists_every_rule_class_once()
    {
        var classes = typeof(LintRule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(LintRule).IsAssignableFrom(t))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(classes, Linter.Rules.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LintRuleIds))]
    public void Rule_is_one_class_in_its_own_file(string id)
    {
        var rule = Assert.Single(Linter.Rules, r => r.Id == id);
        var file = Path.Combine(RepositoryLayout.Root, "src", "Fluent.Docker", "Linting", "Rules", rule.GetType().Name + ".cs");
        Assert.True(File.Exists(file), $"{id}: expected {rule.GetType().Name} in {Path.GetRelativePath(RepositoryLayout.Root, file)}");
        var text = File.ReadAllText(file);
        Assert.Single(Regex.Matches(text, @"class \w+Rule\(\)"));
        Assert.Matches($@"/// <summary>(\s*///)?\s*{id}\b", text);
    }

    [Theory]
    [MemberData(nameof(LintRuleIds))]
    public void Rule_has_positive_and_negative_tests(string id) => RuleTestConventions.AssertTestedBothWays(typeof(LintRuleCatalogTests), id);

    [Fact]
    public void Every_BuildKit_check_has_a_lint_rule()
    {
        string[] checks =
        [
            "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing", "DuplicateStageName", "ReservedStageName",
            "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath", "UndefinedVar", "MultipleInstructionsDisallowed",
            "LegacyKeyValueFormat", "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed",
            "CopyIgnoredFile", "InvalidDefinitionDescription", "ExposeProtoCasing", "ExposeInvalidFormat", "InvalidBaseImagePlatform",
        ];
        Assert.Equal(checks.Order(), Linter.Rules.Select(r => r.BuildKitCheck).OfType<string>().Order());
    }

    [Fact]
    public void Every_hadolint_rule_of_the_issue_has_a_lint_rule()
    {
        string[] hadolint =
        [
            "DL3000", "DL3002", "DL3003", "DL3004", "DL3006", "DL3007", "DL3008", "DL3009", "DL3013", "DL3014", "DL3015", "DL3016", "DL3018",
            "DL3019", "DL3020", "DL3022", "DL3025", "DL3027", "DL3042", "DL3045", "DL3059", "DL4006",
        ];
        var covered = Linter.Rules.SelectMany(r => r.HadolintRule?.Split(", ") ?? []).ToHashSet();
        Assert.All(hadolint, h => Assert.Contains(h, covered));
    }

    [Fact]
    public void Rules_md_classes_every_rule_the_issue_lists_and_every_FD_rule()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "rules.md"));
        var section = text[text.IndexOf("## 6. Fluent.Docker rules", StringComparison.Ordinal)..];
        foreach (var rule in RuleCatalog.All)
            Assert.Matches($@"\| \[{rule.Id}\]\(rules/{rule.Id}\.md\) \|[^\n]*\| [ABCD](/[ABCD])* \|", section);
        foreach (var name in Linter.Rules.SelectMany(r => (r.HadolintRule?.Split(", ") ?? []).Append(r.BuildKitCheck)).OfType<string>())
            Assert.Contains(name, text);
    }
}
