using System;
using System.Collections.Generic;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0022 (hadolint DL3022): <c>CopyFrom(stage, …)</c> or <c>From(stage)</c> naming a stage that comes later in
/// <c>Dockerfile.Create(…)</c>. Only when every stage and both names are visible in the method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CopyFromLaterStageAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.CopyFromLaterStage;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        if (!dockerfile.AllStagesVisible) return;
        var position = new Dictionary<string, int>(DockerfileFacts.StageNames);
        for (var index = 0; index < dockerfile.Stages.Count; index++)
            if (dockerfile.Stages[index]!.Chain.Name is { } name && !position.ContainsKey(name)) position.Add(name, index);

        for (var index = 0; index < dockerfile.Stages.Count; index++)
        {
            var chain = dockerfile.Stages[index]!.Chain;
            if (!chain.NameKnown || chain.Name is not { } user) continue;
            var used = new List<IOperation>();
            if (chain.BaseStageOperand is { } baseStage) used.Add(baseStage);
            foreach (var call in chain.Calls)
                if (call.TargetMethod.Name == "CopyFrom" && call.ArgumentFor("from") is IConversionOperation { Operand: var operand } && IsStage(operand, call))
                    used.Add(operand);
            foreach (var operand in used)
            {
                var referenced = StageChain.Resolve(operand, dockerfile.Types);
                if (referenced.NameKnown && referenced.Name is { } name && position.TryGetValue(name, out var at) && DockerfileFacts.IsLaterOrSameStage(at, index))
                    context.ReportDiagnostic(Create(operand, user, name));
            }
        }
    }

    private static bool IsStage(IOperation operand, IInvocationOperation call) =>
        SymbolEqualityComparer.Default.Equals(operand.Type, call.TargetMethod.ContainingType);
}
