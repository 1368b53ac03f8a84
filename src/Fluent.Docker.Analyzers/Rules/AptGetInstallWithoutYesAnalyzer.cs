using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0016 (hadolint DL3014): <c>apt-get install</c> without <c>-y</c>; the code fix adds it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallWithoutYesAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.AptGetInstallWithoutYes;

    private protected override Diagnostic? Analyze(RunCall run)
    {
        bool Lacks(ShellCommand command) => !RunText.HasAssumeYes(command);
        return RunText.AptGetInstalls(run.Script).Any(Lacks)
            ? Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.InsertAfterAptGetInstall(run.Script, Lacks, "-y")))
            : null;
    }
}
