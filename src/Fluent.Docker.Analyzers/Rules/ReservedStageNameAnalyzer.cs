using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0009 (hadolint DL3063, BuildKit ReservedStageName): <c>Stage.Named("scratch")</c> or <c>"context"</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReservedStageNameAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.ReservedStageName;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            if (StageNames.Declared((IInvocationOperation)operation.Operation, types) is ({ } at, { } name)
                && name.ToLowerInvariant() is "scratch" or "context")
                operation.ReportDiagnostic(Create(at, name.ToLowerInvariant()));
        }, OperationKind.Invocation);
}
