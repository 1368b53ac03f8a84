using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0021 (hadolint DL3011): a constant port outside 1-65535 (<c>Expose(0)</c>, <c>new Port(70000)</c>, <c>Port.Udp(-1)</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PortOutOfRangeAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.PortOutOfRange;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types)
    {
        if (types.Port is null) return;
        context.RegisterOperationAction(operation =>
        {
            var number = operation.Operation switch
            {
                IConversionOperation conversion when FluentDockerTypes.Is(conversion.OperatorMethod?.ContainingType, types.Port) => conversion.Operand,
                IObjectCreationOperation creation when FluentDockerTypes.Is(creation.Type, types.Port) => creation.Arguments.ArgumentFor("number"),
                IInvocationOperation invocation when FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.Port)
                                                     && invocation.TargetMethod.IsStatic => invocation.ArgumentFor("number"),
                _ => null,
            };
            if (number?.ConstantInt() is { } value && !DockerfileFacts.IsPortInRange(value))
                operation.ReportDiagnostic(Create(number, value));
        }, OperationKind.Conversion, OperationKind.ObjectCreation, OperationKind.Invocation);
    }
}
