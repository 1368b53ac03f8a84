using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Cli.Linting;

/// <summary>A Dockerfile on disk to lint: the name findings are reported under, its text, and the .dockerignore its build uses.</summary>
public sealed record LintTarget(string DisplayPath, string Text, string? DockerIgnore);

/// <summary>What the rule engine found in one file.</summary>
public sealed record LintedFile(string DisplayPath, LintReport Report);

/// <summary>
/// Runs the library's rule engine (<see cref="Linter"/>) and renders its reports: the library's text lines or SARIF log
/// (several files merged into one run), or JSON; the exit code follows <c>--fail-on</c>, and a file BuildKit would stop
/// reading is a usage error (2) after its findings are shown.
/// </summary>
public static class DockerfileLint
{
    // Messages quote names ('debian'): keep them readable rather than \u0027-escaped.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Lints Dockerfile text as BuildKit reads it (lines, casing and comments as written).</summary>
    public static LintedFile LintText(LintTarget target)
    {
        var options = LintOptions.Default;
        if (target.DockerIgnore is { } ignore) options = options.WithDockerIgnore(DockerIgnore.Parse(ignore));
        try
        {
            return new LintedFile(target.DisplayPath, Linter.LintText(target.Text, options));
        }
        catch (DockerfileParseException e)
        {
            throw CliException.Usage($"{target.DisplayPath}:{e.Line}:{e.Column}: {e.Reason}");
        }
    }

    /// <summary>Writes the reports in <paramref name="format"/> and returns the exit code.</summary>
    public static int Report(CliConsole console, IReadOnlyList<LintedFile> files, string format, string failOn)
    {
        console.Out.Write(format switch
        {
            "sarif" => Sarif(files),
            "json" => Json(files),
            _ => string.Concat(files.Select(f => f.Report.ToText(f.DisplayPath))),
        });
        var unreadable = files.Where(f => f.Report.ReadProblem is not null).ToList();
        foreach (var file in unreadable)
            console.Error.WriteLine($"error: {file.DisplayPath}:{file.Report.ReadProblem!.Line}:{file.Report.ReadProblem.Column}: {file.Report.ReadProblem.Reason}");
        if (unreadable.Count > 0) return ExitCodes.Usage;
        LintSeverity? threshold = failOn switch { "error" => LintSeverity.Error, "warning" => LintSeverity.Warning, "info" => LintSeverity.Info, _ => null };
        return threshold is { } at && files.Any(f => f.Report.Diagnostics.Any(d => d.Severity >= at)) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>One SARIF run for every file: the union of the rules, each result pointing at its own file.</summary>
    private static string Sarif(IReadOnlyList<LintedFile> files)
    {
        if (files.Count == 0) return new LintReport([], [], Linter.Rules).ToSarif() + "\n";
        var merged = JsonNode.Parse(files[0].Report.ToSarif(files[0].DisplayPath))!;
        var run = merged["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        foreach (var file in files.Skip(1))
        {
            var other = JsonNode.Parse(file.Report.ToSarif(file.DisplayPath))!["runs"]![0]!;
            var otherRules = other["tool"]!["driver"]!["rules"]!.AsArray();
            foreach (var result in other["results"]!.AsArray())
            {
                var id = result!["ruleId"]!.GetValue<string>();
                var index = IndexOf(rules, id);
                if (index < 0)
                {
                    rules.Add(otherRules[IndexOf(otherRules, id)]!.DeepClone());
                    index = rules.Count - 1;
                }
                var copy = result.DeepClone();
                copy["ruleIndex"] = index;
                results.Add(copy);
            }
        }
        return merged.ToJsonString(Indented) + "\n";
    }

    private static int IndexOf(JsonArray rules, string id)
    {
        for (var i = 0; i < rules.Count; i++)
            if (rules[i]!["id"]!.GetValue<string>() == id) return i;
        return -1;
    }

    /// <summary>One object per file: its findings (rule, severity, message, line, place in the model), suppressed ones counted.</summary>
    private static string Json(IReadOnlyList<LintedFile> files) => JsonSerializer.Serialize(new
    {
        files = files.Select(f => new
        {
            file = f.DisplayPath,
            findings = f.Report.Diagnostics.Select(d => new
            {
                rule = d.RuleId,
                severity = d.Severity.ToString().ToLowerInvariant(),
                message = d.Message,
                line = d.Line,
                stage = d.Stage,
                stageIndex = d.StageIndex,
                instruction = d.InstructionNumber,
                keyword = d.Keyword,
                help = d.Rule.HelpLink,
            }),
            suppressed = f.Report.Suppressed.Count,
            readProblem = f.Report.ReadProblem is { } p ? $"{p.Line}:{p.Column}: {p.Reason}" : null,
        }),
    }, Indented) + "\n";
}
