using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0012 (extends hadolint DL3002): the final stage, and every stage it builds on, sets no USER. Quiet when the
/// base image says it is non-root by its tag (<c>:nonroot</c>, <c>-chiseled</c>), and when any part of the stage is
/// not visible.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FinalStageWithoutUserAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.FinalStageWithoutUser;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        if (dockerfile.FinalStage is not { } final || final.Chain.EffectiveCalls() is not { } calls) return;
        foreach (var call in calls)
            if (call.TargetMethod.Name is "User" or "Append") return;
        if (final.Chain.RootImageOperand()?.ConstantString() is { } image
            && DockerfileFacts.LooksNonRoot(image))
            return;
        context.ReportDiagnostic(Create(final.Argument, final.Chain.DisplayName));
    }
}
