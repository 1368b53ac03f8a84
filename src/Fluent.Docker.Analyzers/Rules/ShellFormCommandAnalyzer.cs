using System.Collections.Immutable;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0006 (hadolint DL3025, BuildKit JSONArgsRecommended): <c>CmdShell</c>/<c>EntrypointShell</c>. Like BuildKit, quiet
/// when the stage visibly sets a SHELL. Plain words convert to exec form mechanically (the code fix).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShellFormCommandAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.ShellFormCommand;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            var method = invocation.TargetMethod;
            string keyword, execMethod;
            if (types.IsStageMethod(method, "CmdShell")) (keyword, execMethod) = ("CMD", "Cmd");
            else if (types.IsStageMethod(method, "EntrypointShell")) (keyword, execMethod) = ("ENTRYPOINT", "Entrypoint");
            else return;
            if (invocation.Instance is { } instance && StageChain.Resolve(instance, types).SetsShell()) return;

            var command = invocation.ArgumentFor("command")?.ConstantString();
            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.ExecMethod, execMethod);
            if (command is not null && RunText.ExecFormWords(command) is { } words)
                properties = properties.Add(FixProperties.ExecWords, string.Join("\n", words));
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            operation.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, keyword, command ?? "the command", execMethod));
        }, OperationKind.Invocation);
}
