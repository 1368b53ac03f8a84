using System.Globalization;
using System.Text;

namespace Fluent.Docker.Linting;

/// <summary>
/// What a lint found: the diagnostics in file order, the ones suppressed on purpose (with their reasons), and the
/// rules that ran. Renders as text (one line per diagnostic) or as a SARIF 2.1.0 log.
/// </summary>
public sealed record LintReport(IReadOnlyList<LintDiagnostic> Diagnostics, IReadOnlyList<LintDiagnostic> Suppressed, IReadOnlyList<LintRule> Rules)
{
    public IEnumerable<LintDiagnostic> Errors => Diagnostics.Where(d => d.Severity == LintSeverity.Error);

    /// <summary>Where BuildKit would stop reading a linted text (<see cref="Linter.LintText"/>), or null.</summary>
    public Parsing.DockerfileParseException? ReadProblem { get; init; }

    public bool HasErrors => ReadProblem is not null || Errors.Any();

    /// <summary>One line per diagnostic (<see cref="LintDiagnostic.Format"/>), then a count line.</summary>
    public string ToText(string file = "Dockerfile")
    {
        var text = new StringBuilder();
        foreach (var diagnostic in Diagnostics) text.Append(diagnostic.Format(file)).Append('\n');
        if (ReadProblem is { } problem) text.Append(CultureInfo.InvariantCulture, $"{file}:{problem.Line}: error: {problem.Reason}\n");
        int Count(LintSeverity severity) => Diagnostics.Count(d => d.Severity == severity);
        text.Append(CultureInfo.InvariantCulture, $"{file}: {Count(LintSeverity.Error)} error(s), {Count(LintSeverity.Warning)} warning(s), {Count(LintSeverity.Info)} info, {Suppressed.Count} suppressed\n");
        return text.ToString();
    }

    /// <summary>The report as a SARIF 2.1.0 log; <paramref name="artifactUri"/> names the Dockerfile the lines refer to.</summary>
    public string ToSarif(string artifactUri = "Dockerfile") => SarifLog.Write(this, artifactUri);
}
