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
        // BuildKit compares stage names without regard to case.
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < dockerfile.Stages.Count; index++)
        {
            var chain = dockerfile.Stages[index]!.Chain;
            if (chain.Name is not { } name) continue;
            if (first.TryGetValue(name, out var earlier)) context.ReportDiagnostic(Create(dockerfile.Stages[index]!.Argument, name, earlier + 1));
            else first.Add(name, index);
        }
    }
}
