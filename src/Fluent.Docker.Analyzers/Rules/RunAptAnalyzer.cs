using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0015 (hadolint DL3027): <c>apt</c> in a RUN; the code fix writes <c>apt-get</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunAptAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.RunApt;

    private protected override Diagnostic? Analyze(RunCall run) =>
        run.Script.Commands.Any(c => c.EffectiveProgram == "apt")
            ? Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.ReplaceAptWithAptGet(run.Script)))
            : null;
}
