using System.Collections.Immutable;
using System.Composition;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Analyzers.CodeFixes;

/// <summary>
/// Rewrites the literal text of a RUN: apt → apt-get (FD0015), add -y (FD0016), add --no-install-recommends
/// (FD0017), append the apt list cleanup (FD0018), prepend set -o pipefail (FD0019). The analyzer computes the
/// fixed text (it knows the shell words); this provider only swaps the string literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RunTextCodeFixProvider)), Shared]
public sealed class RunTextCodeFixProvider : FluentDockerCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(
        RuleIds.RunApt, RuleIds.AptGetInstallWithoutYes, RuleIds.AptGetInstallRecommends, RuleIds.AptListsNotCleaned, RuleIds.PipeWithoutPipefail);

    private protected override (string? Title, SyntaxNode? FixedRoot) Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (Property(diagnostic, FixProperties.FixedText) is not { } fixedText
            || node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            return (null, null);
        return (Title(diagnostic.Id), root.ReplaceNode(literal, StringLiteral(fixedText).WithTriviaFrom(literal)));
    }

    private static string Title(string id) => id switch
    {
        RuleIds.RunApt => "Use apt-get",
        RuleIds.AptGetInstallWithoutYes => "Add -y",
        RuleIds.AptGetInstallRecommends => "Add --no-install-recommends",
        RuleIds.AptListsNotCleaned => "Remove /var/lib/apt/lists at the end",
        _ => "Add set -o pipefail",
    };
}
