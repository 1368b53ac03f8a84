using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0011 (hadolint DL3002): the last USER of the final stage is root (<c>"root"</c>, <c>0</c>, <c>UserSpec.Root</c>, <c>UserSpec.Id(0)</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FinalStageRunsAsRootAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.FinalStageRunsAsRoot;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        if (dockerfile.FinalStage is not { } final) return;
        // The last USER decides, wherever it is: in the final stage, or in a stage it builds on.
        for (var chain = final.Chain; chain is not null; chain = chain.BaseStage)
        {
            for (var i = chain.Calls.Length - 1; i >= 0; i--)
            {
                var call = chain.Calls[i];
                if (call.TargetMethod.Name != "User") continue;
                if (call.ArgumentFor("user") is { } user && RootName(user.Unwrap(), dockerfile.Types) is { } root)
                    context.ReportDiagnostic(Create(user, final.Chain.DisplayName, root));
                return;
            }
            if (!chain.IsComplete) return;
        }
    }

    private static string? RootName(IOperation user, FluentDockerTypes types)
    {
        if (user.ConstantValue.HasValue)
            return user.ConstantValue.Value switch
            {
                0 => "0",
                string text when DockerfileFacts.IsRootUser(text.Split(':')[0]) => text,
                _ => null,
            };
        switch (user)
        {
            case IPropertyReferenceOperation property when FluentDockerTypes.Is(property.Property.ContainingType, types.UserSpec) && property.Property.Name == "Root":
                return "root";
            case IInvocationOperation invocation when FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.UserSpec):
                if (invocation.TargetMethod.Name == "Id" && invocation.ArgumentFor("uid").ConstantInt() == 0) return "0";
                if (invocation.TargetMethod.Name == "Named" && invocation.ArgumentFor("user").ConstantString() is { } name && DockerfileFacts.IsRootUser(name)) return name;
                return null;
            default:
                return null;
        }
    }
}
