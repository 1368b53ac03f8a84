using Fluent.Docker.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>
/// Severities come from the catalogue and yield to <c>.editorconfig</c>, like any Roslyn rule. Raising a rule to
/// error is proven by the real build in <see cref="PackageTests"/> (the test harness reports default severities).
/// </summary>
public class SeverityConfigurationTests
{
    [Fact]
    public Task Default_severity_is_the_catalogue_one() => VerifyAsync<ImageLatestTagAnalyzer>(
        """var s = Stage.Named("a").From({|#0:"node:latest"|});""",
        null,
        new DiagnosticResult("FD0002", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("node:latest"));

    [Fact]
    public Task Editorconfig_none_silences_a_rule() => VerifyAsync<ImageLatestTagAnalyzer>(
        """var s = Stage.Named("a").From("node:latest");""",
        """
        root = true

        [*.cs]
        dotnet_diagnostic.FD0002.severity = none
        """);
}
