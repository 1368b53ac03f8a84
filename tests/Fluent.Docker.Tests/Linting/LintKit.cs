using Fluent.Docker.Linting;

namespace Fluent.Docker.Tests.Linting;

/// <summary>Small helpers for lint tests: lint a model and keep the findings of one rule.</summary>
internal static class LintKit
{
    public static IReadOnlyList<Problem> Findings(Dockerfile file, string ruleId, LintOptions? options = null) =>
        Linter.Lint(file, options).Diagnostics.Where(d => d.Code == ruleId).ToList();

    public static IReadOnlyList<Problem> Findings(Stage final, string ruleId, LintOptions? options = null) =>
        Findings(Dockerfile.Create(final), ruleId, options);

    /// <summary>Lints a model as if it had been read from text laid out as <paramref name="source"/> says.</summary>
    internal static IReadOnlyList<Problem> FindingsWithSource(Dockerfile file, DockerfileSource source, string ruleId, LintOptions? options = null) =>
        Linter.Run(file, options ?? LintOptions.Default, source).Diagnostics.Where(d => d.Code == ruleId).ToList();

    /// <summary>A final stage that keeps the stage-level rules (USER, HEALTHCHECK) quiet, so a test sees only what it looks at.</summary>
    public static Stage Quiet(this Stage stage) =>
        stage.User(UserSpec.Id(10001)).Healthcheck(Healthcheck.None);
}

/// <summary>The lint rule behind a finding, for tests that ask about its BuildKit check or hadolint rule.</summary>
internal static class ProblemRules
{
    public static LintRule Rule(this Problem finding) => Linter.Rules.Single(r => r.Id == finding.Code);
}
