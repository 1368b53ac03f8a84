using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0008 (BuildKit StageNameCasing): <c>Stage.Named("Build")</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StageNameCasingAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.StageNameCasing;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            if (StageNames.Declared((IInvocationOperation)operation.Operation, types) is ({ } at, { } name) && name != name.ToLowerInvariant())
                operation.ReportDiagnostic(Create(at, name, name.ToLowerInvariant()));
        }, OperationKind.Invocation);
}
