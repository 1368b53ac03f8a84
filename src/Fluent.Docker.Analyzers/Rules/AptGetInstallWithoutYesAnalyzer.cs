using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0016 (hadolint DL3014): <c>apt-get install</c> without <c>-y</c>; the code fix adds it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallWithoutYesAnalyzer : AptGetInstallFlagAnalyzer
{
    public AptGetInstallWithoutYesAnalyzer() : base(RunText.HasAssumeYes, "-y") { }

    public override string RuleId => RuleIds.AptGetInstallWithoutYes;
}
