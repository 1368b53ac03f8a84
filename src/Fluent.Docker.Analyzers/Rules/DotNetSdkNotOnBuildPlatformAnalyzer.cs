using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0024: in <c>Dockerfile.Create(…)</c>, a stage before the last one that starts <c>From("…/dotnet/sdk:…")</c>
/// without <c>Platform.BuildPlatform</c>. The final stage is left alone (a single-stage SDK image runs on the target).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DotNetSdkNotOnBuildPlatformAnalyzer : DockerfileAnalyzer
{
    public override string RuleId => RuleIds.DotNetSdkNotOnBuildPlatform;

    private protected override void Analyze(DockerfileChain dockerfile, OperationAnalysisContext context)
    {
        for (var index = 0; index < dockerfile.Stages.Count - 1; index++)
        {
            if (dockerfile.Stages[index]?.Chain is not { Origin: { TargetMethod.Name: "From" } from } chain) continue;
            if (from.ArgumentFor("image").ConstantString() is not { } image || !DockerfileFacts.IsDotNetSdkImage(image)) continue;
            if (IsBuildPlatform(from.ArgumentFor("platform"), dockerfile.Types)) continue;
            context.ReportDiagnostic(Create(from.ArgumentFor("image")!, chain.DisplayName, image));
        }
    }

    /// <summary><c>Platform.BuildPlatform</c> or <c>Platform.Parse("$BUILDPLATFORM")</c>; anything else not visibly so is reported.</summary>
    private static bool IsBuildPlatform(IOperation? platform, FluentDockerTypes types) =>
        platform?.Unwrap() switch
        {
            IPropertyReferenceOperation property => FluentDockerTypes.Is(property.Property.ContainingType, types.Platform) && property.Property.Name == "BuildPlatform",
            IInvocationOperation { TargetMethod.Name: "Parse" } parse => DockerfileFacts.IsBuildPlatform(parse.ArgumentFor("text").ConstantString()),
            null => false,
            // A platform computed elsewhere (a parameter, a field): not visibly wrong.
            _ => true,
        };
}
