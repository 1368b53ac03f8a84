using System;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0007 (hadolint DL3029, BuildKit FromPlatformFlagConstDisallowed): <c>From(…, Platform.LinuxAmd64)</c> and other
/// constant platforms. Like BuildKit, quiet when the stage name contains the platform's OS or architecture
/// (a stage made for that platform on purpose, e.g. "build-arm64").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantFromPlatformAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.ConstantFromPlatform;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            if (!FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.StageDeclaration)) return;
            if (invocation.ArgumentFor("platform") is not { } platform || ConstantPlatform(platform.Unwrap(), types) is not { } constant) return;
            var (nameKnown, name) = invocation.Instance is { } declaration ? StageChain.DeclaredName(declaration) : (false, null);
            if (name is not null && (Contains(name, constant.Os) || Contains(name, constant.Architecture))) return;
            operation.ReportDiagnostic(Create(platform, nameKnown ? name ?? "(unnamed)" : "(unknown)", constant.Text));
        }, OperationKind.Invocation);

    private static bool Contains(string name, string part) => part.Length > 0 && name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

    private static (string Os, string Architecture, string Text)? ConstantPlatform(IOperation platform, FluentDockerTypes types)
    {
        switch (platform)
        {
            case IPropertyReferenceOperation property when FluentDockerTypes.Is(property.Property.ContainingType, types.Platform):
                return property.Property.Name switch
                {
                    "LinuxAmd64" => ("linux", "amd64", "linux/amd64"),
                    "LinuxArm64" => ("linux", "arm64", "linux/arm64"),
                    "LinuxArmV7" => ("linux", "arm", "linux/arm/v7"),
                    _ => null,
                };
            case IInvocationOperation invocation when FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.Platform):
                if (invocation.TargetMethod.Name == "Parse" && invocation.ArgumentFor("text").ConstantString() is { } text && !text.StartsWith("$", StringComparison.Ordinal))
                {
                    var parts = text.Split('/');
                    return parts.Length >= 2 ? (parts[0], parts[1], text) : null;
                }
                if (invocation.TargetMethod.Name == "Of"
                    && invocation.ArgumentFor("os").ConstantString() is { } os
                    && invocation.ArgumentFor("architecture").ConstantString() is { } architecture)
                    return (os, architecture, os + "/" + architecture);
                return null;
            default:
                return null;
        }
    }
}
