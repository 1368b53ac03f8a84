using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0023 (hadolint DL3057): the final stage, and every stage it builds on, has no HEALTHCHECK.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FinalStageWithoutHealthcheckAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.FinalStageWithoutHealthcheck;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        if (dockerfile.FinalStage is not { } final || final.Chain.EffectiveCalls() is not { } calls) return;
        foreach (var call in calls)
            if (call.TargetMethod.Name is "Healthcheck" or "Append") return;
        context.ReportDiagnostic(Create(final.Argument, final.Chain.DisplayName));
    }
}
