using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0017 (hadolint DL3015): <c>apt-get install</c> without <c>--no-install-recommends</c>; the code fix adds it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallRecommendsAnalyzer : AptGetInstallFlagAnalyzer
{
    public AptGetInstallRecommendsAnalyzer() : base(RunText.HasNoInstallRecommends, "--no-install-recommends") { }

    public override string RuleId => RuleIds.AptGetInstallRecommends;
}
