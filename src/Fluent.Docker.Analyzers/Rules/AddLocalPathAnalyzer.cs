using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0020 (hadolint DL3020): <c>new AddSource.Local("path")</c> for something that is not an archive to unpack.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AddLocalPathAnalyzer : FluentDockerAnalyzer
{
    public override string RuleId => RuleIds.AddLocalPath;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var creation = (IObjectCreationOperation)operation.Operation;
            if (!FluentDockerTypes.Is(creation.Type, types.AddSourceLocal) || creation.Arguments.Length != 1) return;
            var path = creation.Arguments[0].Value;
            if (path.ConstantString() is { } text && !DockerfileFacts.IsArchive(text))
                operation.ReportDiagnostic(Create(path, text));
        }, OperationKind.ObjectCreation);
}
