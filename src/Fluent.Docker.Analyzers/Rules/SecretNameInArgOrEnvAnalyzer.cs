using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0003 (BuildKit SecretsUsedInArgOrEnv, hadolint DL3064): an ARG or ENV name that looks like a secret.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretNameInArgOrEnvAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.SecretNameInArgOrEnv;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            foreach (var slot in NamedValues.Of(operation.Operation, types))
                if (slot.Keyword != "LABEL" && slot.Name?.ConstantString() is { } name && SecretPatterns.IsSecretName(name))
                    operation.ReportDiagnostic(Create(slot.Name, slot.Keyword, name));
        }, OperationKind.Invocation, OperationKind.ObjectCreation);
}
