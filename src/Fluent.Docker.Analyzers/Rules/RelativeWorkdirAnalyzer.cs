using System;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0005 (hadolint DL3000, BuildKit WorkdirRelativePath): <c>Workdir("relative")</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelativeWorkdirAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.RelativeWorkdir;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            if (types.IsStageMethod(invocation.TargetMethod, "Workdir")
                && invocation.ArgumentFor("path") is { } path
                && path.ConstantString() is { } text
                && DockerfileFacts.IsRelativePath(text))
                // The message quotes the path as BuildKit's does (Go's %q): backslashes and quotes escaped.
                operation.ReportDiagnostic(Create(path.Unwrap(), text.Replace("\\", "\\\\").Replace("\"", "\\\"")));
        }, OperationKind.Invocation);
}
