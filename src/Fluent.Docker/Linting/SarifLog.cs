using System.Text;
using System.Text.Json;

namespace Fluent.Docker.Linting;

/// <summary>
/// Writes a <see cref="LintReport"/> as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
/// format code-scanning services read: one run, the rules that ran with their help pages and default levels, one
/// result per diagnostic with its line (when known) and its stage/instruction as a logical location. Suppressed
/// findings are kept as results with their justification.
/// </summary>
internal static class SarifLog
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string InformationUri = "https://github.com/fluent-docker/Fluent.Docker";

    public static string Write(LintReport report, string artifactUri) => Write([(report, artifactUri)]);

    /// <summary>
    /// One run for several linted files: the union of their rules (in first-seen order), each result pointing at its
    /// own file, one invocation noting every file BuildKit would stop reading.
    /// </summary>
    public static string Write(IReadOnlyList<(LintReport Report, string ArtifactUri)> files)
    {
        var rules = files.SelectMany(f => f.Report.Rules).DistinctBy(r => r.Id).ToList();
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartArray("results");
            var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var (report, artifactUri) in files)
                foreach (var diagnostic in report.Diagnostics.Concat(report.Suppressed))
                    WriteResult(json, diagnostic, index[diagnostic.Code], artifactUri);
            json.WriteEndArray();
            WriteInvocation(json, [.. files.Where(f => f.Report.ReadProblem is not null).Select(f => (f.Report.ReadProblem!, f.ArtifactUri))]);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Whether every text was read; where BuildKit would stop, as an error notification per file.</summary>
    private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<(Problem Problem, string ArtifactUri)> problems)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", problems.Count == 0);
        if (problems.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var (problem, artifactUri) in problems)
            {
                json.WriteStartObject();
                json.WriteString("level", "error");
                json.WriteStartObject("message");
                json.WriteString("text", problem.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                WritePhysicalLocation(json, artifactUri, problem.Location.Line, problem.Location.Column);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<LintRule> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Fluent.Docker");
        json.WriteString("informationUri", InformationUri);
        json.WriteString("semanticVersion", typeof(SarifLog).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            if (rule.BuildKitCheck is { } check) json.WriteString("buildKitCheck", check);
            if (rule.HadolintRule is { } hadolint) json.WriteString("hadolintRule", hadolint);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Problem diagnostic, int ruleIndex, string artifactUri)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, artifactUri, diagnostic.Location.Line, null);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", diagnostic.Location.ModelPlace is { Length: > 0 } place ? place : "file");
        json.WriteString("kind", diagnostic.Location.InstructionNumber is null ? "module" : "member");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (diagnostic.SuppressedBecause is { } because)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", because);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>The Dockerfile, and the line (and column) when known.</summary>
    private static void WritePhysicalLocation(Utf8JsonWriter json, string artifactUri, int? line, int? column)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", artifactUri);
        json.WriteEndObject();
        if (line is { } startLine)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", startLine);
            if (column is { } startColumn) json.WriteNumber("startColumn", startColumn);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static string Level(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.Error => "error",
        ProblemSeverity.Warning => "warning",
        _ => "note",
    };
}
