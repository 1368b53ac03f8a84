using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0004: a literal ENV/LABEL value, ARG default or RUN text in a well-known credential format.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.SecretLiteral;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            foreach (var slot in NamedValues.Of(operation.Operation, types))
                Check(slot.Value, slot.Keyword == "ARG" ? "ARG default" : slot.Keyword + " value", operation);
            if (operation.Operation is IInvocationOperation invocation)
            {
                if (types.IsStageMethod(invocation.TargetMethod, "Run")) Check(invocation.ArgumentFor("command"), "RUN command", operation);
                else if (types.IsStageMethod(invocation.TargetMethod, "RunScript")) Check(invocation.ArgumentFor("script"), "RUN script", operation);
            }
        }, OperationKind.Invocation, OperationKind.ObjectCreation);

    private void Check(IOperation? value, string slot, OperationAnalysisContext context)
    {
        if (value?.ConstantString() is { } text && SecretPatterns.SecretKind(text) is { } kind)
            context.ReportDiagnostic(Create(value, slot, kind));
    }
}
