using System;
using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0018 (hadolint DL3009): <c>apt-get install</c> in a RUN that neither removes /var/lib/apt/lists nor mounts a
/// cache or tmpfs there. Quiet when the RUN's options are not visible. The code fix appends the cleanup.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptListsNotCleanedAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.AptListsNotCleaned;

    private protected override Diagnostic? Analyze(RunCall run)
    {
        if (!RunText.AptGetInstalls(run.Script).Any() || RunText.CleansAptLists(run.Script)) return null;
        if (run.Options is not { } options || options.Any(o => MountsAptLists(o, run.Types) ?? true)) return null;
        return Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.AppendListCleanup(run.Script)));
    }

    /// <summary>True for a cache/tmpfs mount on /var/lib/apt(/lists); false for another option; null when unknown.</summary>
    private static bool? MountsAptLists(IOperation option, FluentDockerTypes types)
    {
        var value = option.Unwrap();
        if (value is IPropertyReferenceOperation) return false;
        if (value is not IInvocationOperation invocation || !FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.Mount)) return null;
        if (invocation.TargetMethod.Name is not ("Cache" or "Tmpfs")) return false;
        return invocation.ArgumentFor("target").ConstantString() is { } target
            ? target.StartsWith("/var/lib/apt", StringComparison.Ordinal)
            : null;
    }
}
