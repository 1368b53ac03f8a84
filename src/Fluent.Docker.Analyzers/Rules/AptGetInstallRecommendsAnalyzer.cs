using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0017 (hadolint DL3015): <c>apt-get install</c> without <c>--no-install-recommends</c>; the code fix adds it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallRecommendsAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.AptGetInstallRecommends;

    private protected override Diagnostic? Analyze(RunCall run)
    {
        bool Lacks(ShellCommand command) => !RunText.HasNoInstallRecommends(command);
        return RunText.AptGetInstalls(run.Script).Any(Lacks)
            ? Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.InsertAfterAptGetInstall(run.Script, Lacks, "--no-install-recommends")))
            : null;
    }
}
