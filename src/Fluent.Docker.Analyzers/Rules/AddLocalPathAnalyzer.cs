using System;
using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0020 (hadolint DL3020): <c>new AddSource.Local("path")</c> for something that is not an archive to unpack.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AddLocalPathAnalyzer : FluentDockerAnalyzer
{
    // The archive formats ADD unpacks (hadolint accepts ADD for these).
    private static readonly string[] ArchiveSuffixes =
    {
        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.zst", ".tzst", ".tar.z", ".tz",
    };

    public override string RuleId => RuleIds.AddLocalPath;

    private protected override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var creation = (IObjectCreationOperation)operation.Operation;
            if (!FluentDockerTypes.Is(creation.Type, types.AddSourceLocal) || creation.Arguments.Length != 1) return;
            var path = creation.Arguments[0].Value;
            if (path.ConstantString() is { } text && !ArchiveSuffixes.Any(s => text.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
                operation.ReportDiagnostic(Create(path, text));
        }, OperationKind.ObjectCreation);
}
