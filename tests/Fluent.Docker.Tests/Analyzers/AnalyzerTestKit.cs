using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>
/// Runs one analyzer (and optionally its code fix) over a snippet with Microsoft.CodeAnalysis.Testing:
/// <c>{|FD0001:…|}</c> marks where each diagnostic must be, and any diagnostic not marked fails the test.
/// The snippet compiles against the pinned net10.0 reference assemblies plus Fluent.Docker, like a user project.
/// </summary>
internal static class AnalyzerTestKit
{
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"), Path.Combine("ref", "net10.0"));

    /// <summary>Statements wrapped in a method of a file that uses Fluent.Docker.</summary>
    public static string InMethod(string statements) => $$"""
        using System;
        using System.Collections.Generic;
        using Fluent.Docker;

        namespace Snippets;

        public static class Snippet
        {
            public static void Body(Stage someStage, Stage[] someStages)
            {
        {{statements}}
            }
        }
        """;

    /// <summary>Asserts the analyzer reports exactly the marked diagnostics in <paramref name="statements"/>.</summary>
    public static Task VerifyAsync<TAnalyzer>(string statements)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        VerifyAsync<TAnalyzer>(statements, editorConfig: null);

    /// <summary>As above, with an <c>.editorconfig</c> and explicit expectations (for <c>{|#0:…|}</c> locations).</summary>
    public static Task VerifyAsync<TAnalyzer>(string statements, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = InMethod(statements) };
        test.ExpectedDiagnostics.AddRange(expected);
        Configure(test, editorConfig);
        return test.RunAsync();
    }

    /// <summary>Runs <paramref name="analyzer"/> over a whole file in a project that does not reference Fluent.Docker.</summary>
    public static Task VerifyWithoutFluentDockerAsync(DiagnosticAnalyzer analyzer, string source)
    {
        var test = new SingleAnalyzerTest(analyzer) { TestCode = source, ReferenceAssemblies = Net10 };
        return test.RunAsync();
    }

    private sealed class SingleAnalyzerTest(DiagnosticAnalyzer analyzer) : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => [analyzer];
    }

    /// <summary>Asserts the marked diagnostics in <paramref name="before"/>, and that the code fix turns it into <paramref name="after"/>.</summary>
    public static Task VerifyFixAsync<TAnalyzer, TCodeFix>(string before, string after)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = InMethod(before),
            FixedCode = InMethod(after),
        };
        Configure(test, null);
        return test.RunAsync();
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, string? editorConfig)
    {
        test.ReferenceAssemblies = Net10;
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Stage).Assembly.Location));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
    }
}
