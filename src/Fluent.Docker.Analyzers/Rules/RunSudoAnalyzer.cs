using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0013 (hadolint DL3004): a RUN that calls sudo.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunSudoAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.RunSudo;

    private protected override Diagnostic? Analyze(RunCall run) =>
        run.Script.Commands.Any(c => c.Program == "sudo") ? Create(run.TextOperand) : null;
}
