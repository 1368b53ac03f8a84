using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Analyzers.CodeFixes;

/// <summary>
/// Base of the code fixes: each turns one diagnostic, with the properties its analyzer computed, into a new
/// syntax root, or offers nothing when the code is not in the shape the fix understands.
/// </summary>
public abstract class FluentDockerCodeFix : CodeFixProvider
{
    private protected FluentDockerCodeFix() { }

    public sealed override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Fix(root, node, diagnostic) is not ({ } title, { } fixedRoot)) continue;
            var document = context.Document.WithSyntaxRoot(fixedRoot);
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(document), diagnostic.Id), diagnostic);
        }
    }

    /// <summary>The fix's title and the fixed root, or nulls when no mechanical fix applies.</summary>
    private protected abstract (string? Title, SyntaxNode? FixedRoot) Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic);

    private protected static string? Property(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    private protected static LiteralExpressionSyntax StringLiteral(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    private protected static ImmutableArray<string> Ids(params string[] ids) => ImmutableArray.Create(ids);
}
