using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class RunTextCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.RunApt, RuleIds.AptGetInstallWithoutYes, RuleIds.AptGetInstallRecommends, RuleIds.AptListsNotCleaned, RuleIds.PipeWithoutPipefail);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.FixedText, out var fixedText) || fixedText is null) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                continue;
            var title = Title(diagnostic.Id);
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, StringLiteral(fixedText).WithTriviaFrom(literal)))), diagnostic.Id),
                diagnostic);
        }
    }

    internal static LiteralExpressionSyntax StringLiteral(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private static string Title(string id) => id switch
    {
        RuleIds.RunApt => "Use apt-get",
        RuleIds.AptGetInstallWithoutYes => "Add -y",
        RuleIds.AptGetInstallRecommends => "Add --no-install-recommends",
        RuleIds.AptListsNotCleaned => "Remove /var/lib/apt/lists at the end",
        _ => "Add set -o pipefail",
    };
}
