using System.Reflection;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.TypeSafety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>
/// One case table through both hosts of the FD00xx rules: the Roslyn analyzers read the C# of each case, the lint
/// reads the model the same C# builds when it runs. Both must report the same rules; for a blocking rule (the emitter
/// refuses what it finds), the validator must report that rule's id exactly when the lint does.
/// </summary>
public sealed class RuleParityTests
{
    private const string Quiet = ".User(UserSpec.Id(10001)).Healthcheck(Healthcheck.None)";

    /// <summary>Statements ending in <c>return Dockerfile.Create(…);</c>, and the rules they must raise.</summary>
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "clean", $"""var app = Stage.Named("app").From("busybox:1.36").Workdir("/app").Expose(8080){Quiet}; return Dockerfile.Create(app);""", [] },
        { "duplicate stage name", $"""
            var first = Stage.Named("build").From("busybox:1.36").Run("true");
            var second = Stage.Named("build").From("busybox:1.36"){Quiet};
            return Dockerfile.Create(first, second);
            """, ["FD0010"] },
        { "port out of range", $"""var app = Stage.Named("app").From("busybox:1.36").Expose(70000){Quiet}; return Dockerfile.Create(app);""", ["FD0021"] },
        { "port zero", $"""var app = Stage.Named("app").From("busybox:1.36").Expose(Port.Udp(0)){Quiet}; return Dockerfile.Create(app);""", ["FD0021"] },
        { "relative workdir", $"""var app = Stage.Named("app").From("busybox:1.36").Workdir("app"){Quiet}; return Dockerfile.Create(app);""", ["FD0005"] },
        { "copy from a later stage", $"""
            var assets = Stage.Named("assets").From("busybox:1.36").Run("mkdir /out");
            var app = Stage.Named("app").From("busybox:1.36").CopyFrom(assets, "/out", "/srv"){Quiet};
            return Dockerfile.Create(app, assets);
            """, ["FD0012", "FD0022", "FD0023"] },
        { "image without tag", $"""var app = Stage.Named("app").From("busybox"){Quiet}; return Dockerfile.Create(app);""", ["FD0001"] },
        { "latest tag", $"""var app = Stage.Named("app").From("busybox:latest"){Quiet}; return Dockerfile.Create(app);""", ["FD0002"] },
        { "run cd and sudo", $"""var app = Stage.Named("app").From("busybox:1.36").Run("cd /tmp && sudo make"){Quiet}; return Dockerfile.Create(app);""", ["FD0013", "FD0014"] },
        { "final stage as root", """var app = Stage.Named("app").From("busybox:1.36").User("root").Healthcheck(Healthcheck.None); return Dockerfile.Create(app);""", ["FD0011"] },
        { "stage name casing", $"""var app = Stage.Named("App").From("busybox:1.36"){Quiet}; return Dockerfile.Create(app);""", ["FD0008"] },
        { "dotnet sdk on the target", $"""
            var build = Stage.Named("build").From("mcr.microsoft.com/dotnet/sdk:10.0").Run("dotnet publish -o /out");
            var app = Stage.Named("app").From("mcr.microsoft.com/dotnet/aspnet:10.0").CopyFrom(build, "/out", "/app"){Quiet};
            return Dockerfile.Create(build, app);
            """, ["FD0024"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Analyzers_and_lint_report_the_same_rules_and_the_validator_refuses_the_blocking_ones(string name, string statements, string[] expected)
    {
        var source = $$"""
            namespace Parity;

            public static class Case
            {
                public static Dockerfile Build()
                {
            {{statements}}
                }
            }
            """;
        var compilation = SnippetCompiler.Compilation("Parity" + Math.Abs(name.GetHashCode(StringComparison.Ordinal)), [("Case.cs", source)]);
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, string.Join("\n", compileErrors));

        var analyzerIds = await AnalyzerRuleIdsAsync(compilation);
        var file = Run(compilation);
        var lintIds = Linter.Lint(file).Diagnostics.Select(d => d.Code).Where(BothHosts.Contains).ToHashSet();
        var validatorIds = file.Validate().Select(p => p.Code).ToHashSet();

        Assert.Equal(expected.Order(StringComparer.Ordinal), lintIds.Order(StringComparer.Ordinal));
        Assert.Equal(lintIds.Order(StringComparer.Ordinal), analyzerIds.Order(StringComparer.Ordinal));
        foreach (var rule in Linter.Rules.Where(r => r.IsBlocking))
            Assert.True(lintIds.Contains(rule.Id) == validatorIds.Contains(rule.Id),
                $"{rule.Id} is blocking: lint {(lintIds.Contains(rule.Id) ? "reports" : "does not report")} it, the validator {(validatorIds.Contains(rule.Id) ? "does" : "does not")}.");
    }

    [Fact]
    public void Blocking_rules_are_errors_reported_by_both_hosts() =>
        Assert.All(Linter.Rules.Where(r => r.IsBlocking), rule =>
        {
            Assert.Equal(ProblemSeverity.Error, rule.DefaultSeverity);
            Assert.Contains(rule.Id, BothHosts);
        });

    /// <summary>The FD00xx rules: the ones both the analyzers and the lint report (src/Shared/RuleCatalog.cs).</summary>
    private static readonly HashSet<string> BothHosts =
        [.. Linter.Rules.Select(r => r.Id).Where(id => id.StartsWith("FD00", StringComparison.Ordinal))];

    private static async Task<HashSet<string>> AnalyzerRuleIdsAsync(Compilation compilation)
    {
        var diagnostics = await compilation.WithAnalyzers([.. RuleCatalogTests.Analyzers]).GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.Select(d => d.Id).Where(BothHosts.Contains)];
    }

    private static Dockerfile Run(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        return (Dockerfile)assembly.GetType("Parity.Case")!.GetMethod("Build")!.Invoke(null, null)!;
    }
}
