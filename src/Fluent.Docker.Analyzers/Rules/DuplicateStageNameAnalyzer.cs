using System;
using System.Collections.Generic;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0010 (hadolint DL3024, BuildKit DuplicateStageName): two stages of one Dockerfile with the same name.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateStageNameAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.DuplicateStageName;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        if (!dockerfile.AllStagesVisible) return;
        var names = new List<string?>();
        foreach (var stage in dockerfile.Stages) names.Add(stage!.Chain.Name);
        for (var index = 0; index < names.Count; index++)
            if (names[index] is { } name && DockerfileFacts.EarlierStageNamed(names, name, index) is var earlier && earlier >= 0)
                context.ReportDiagnostic(Create(dockerfile.Stages[index]!.Argument, name.ToLowerInvariant(), earlier + 1));
    }
}
