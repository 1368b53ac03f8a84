using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// Base of every rule: one rule per analyzer, its descriptor from the catalogue, and nothing registered in a
/// compilation that does not reference Fluent.Docker.
/// </summary>
public abstract class FluentDockerAnalyzer : DiagnosticAnalyzer
{
    private protected FluentDockerAnalyzer() { }

    /// <summary>The rule's id, a <see cref="Rules.RuleIds"/> constant.</summary>
    public abstract string RuleId { get; }

    private protected DiagnosticDescriptor Rule => Descriptors.For(RuleId);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (FluentDockerTypes.TryCreate(start.Compilation) is { } types) Register(start, types);
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, FluentDockerTypes types);

    private protected Diagnostic Create(IOperation at, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs) =>
        Diagnostic.Create(Rule, at.Syntax.GetLocation(), properties, messageArgs);

    private protected Diagnostic Create(IOperation at, params object?[] messageArgs) =>
        Diagnostic.Create(Rule, at.Syntax.GetLocation(), messageArgs);
}
