using System.Text.Json;
using Fluent.Docker.Linting;
using NJsonSchema;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The SARIF log validates against the official SARIF 2.1.0 JSON schema and carries what code scanning needs.</summary>
public class SarifTests
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Linting", "sarif-2.1.0.json")));

    private static LintReport Report()
    {
        var app = Stage.Named("app").From("debian:latest")
            .Run("cd /src && apt-get install curl | tee log")
            .CmdShell("npm start")
            .Suppress("FD0023", "the orchestrator probes /healthz itself");
        return Linter.Lint(Dockerfile.Create(app), LintOptions.Default.WithSeverity("FD0002", ProblemSeverity.Error));
    }

    [Fact]
    public async Task The_log_validates_against_the_SARIF_2_1_0_schema()
    {
        var schema = await Schema.Value;
        var errors = schema.Validate(Report().ToSarif("examples/app/Dockerfile"));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task The_schema_check_catches_a_broken_log()
    {
        var schema = await Schema.Value;
        var broken = Report().ToSarif().Replace("\"level\": \"warning\"", "\"level\": \"loud\"", StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void Results_carry_rule_level_line_location_and_suppressions()
    {
        var report = Report();
        using var log = JsonDocument.Parse(report.ToSarif("examples/app/Dockerfile"));
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(report.Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(report.Diagnostics.Count + report.Suppressed.Count, results.Count);
        var latest = results.Single(r => r.GetProperty("ruleId").GetString() == "FD0002");
        Assert.Equal("error", latest.GetProperty("level").GetString());
        Assert.Equal("FD0002", rules[latest.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        var location = latest.GetProperty("locations")[0];
        Assert.Equal("examples/app/Dockerfile", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("stage 'app' (#1) FROM", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());

        var health = results.Single(r => r.GetProperty("ruleId").GetString() == "FD0023");
        Assert.Equal("the orchestrator probes /healthz itself", health.GetProperty("suppressions")[0].GetProperty("justification").GetString());
        var info = rules.Single(r => r.GetProperty("id").GetString() == "FD0023");
        Assert.Equal("note", info.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.EndsWith("docs/rules/FD0023.md", info.GetProperty("helpUri").GetString());
    }

    [Fact]
    public async Task A_text_BuildKit_stops_on_gives_an_unsuccessful_invocation_that_still_validates()
    {
        var sarif = Linter.LintText("FROM scratch AS Bad\nBADCMD\n").ToSarif();
        Assert.Empty((await Schema.Value).Validate(sarif));
        using var log = JsonDocument.Parse(sarif);
        var invocation = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("unknown instruction: BADCMD", notification.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(2, notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
