using System.Globalization;
using System.Text;

namespace Fluent.Docker.Linting;

/// <summary>
/// What a lint found: the diagnostics in file order, the ones suppressed on purpose (with their reasons), and the
/// rules that ran. Renders as text (one line per diagnostic) or as a SARIF 2.1.0 log.
/// </summary>
public sealed record LintReport(IReadOnlyList<Problem> Diagnostics, IReadOnlyList<Problem> Suppressed, IReadOnlyList<LintRule> Rules)
{
    /// <summary>The rule a finding of this report comes from.</summary>
    public LintRule RuleOf(Problem diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Rules.FirstOrDefault(r => r.Id == diagnostic.Code) ?? Linter.Rules.FirstOrDefault(r => r.Id == diagnostic.Code)
            ?? throw new ArgumentException($"{diagnostic.Code} is not a lint rule.", nameof(diagnostic));
    }

    public IEnumerable<Problem> Errors => Diagnostics.Where(d => d.Severity == ProblemSeverity.Error);

    /// <summary>Where BuildKit would stop reading a linted text (<see cref="Linter.LintText"/>), or null.</summary>
    public Problem? ReadProblem { get; init; }

    public bool HasErrors => ReadProblem is not null || Errors.Any();

    /// <summary>One line per diagnostic (<see cref="Problem.Format"/>), then a count line.</summary>
    public string ToText(string file = "Dockerfile")
    {
        var text = new StringBuilder();
        foreach (var diagnostic in Diagnostics) text.Append(diagnostic.Format(file)).Append('\n');
        if (ReadProblem is { } problem) text.Append(problem.Format(file)).Append('\n');
        int Count(ProblemSeverity severity) => Diagnostics.Count(d => d.Severity == severity);
        text.Append(CultureInfo.InvariantCulture, $"{file}: {Count(ProblemSeverity.Error)} error(s), {Count(ProblemSeverity.Warning)} warning(s), {Count(ProblemSeverity.Info)} info, {Suppressed.Count} suppressed\n");
        return text.ToString();
    }

    /// <summary>The report as a SARIF 2.1.0 log; <paramref name="artifactUri"/> names the Dockerfile the lines refer to.</summary>
    public string ToSarif(string artifactUri = "Dockerfile") => SarifLog.Write(this, artifactUri);
}
