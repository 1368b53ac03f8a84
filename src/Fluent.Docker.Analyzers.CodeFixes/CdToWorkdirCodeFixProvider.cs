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

/// <summary>FD0014: <c>.Run("cd /app &amp;&amp; make")</c> becomes <c>.Workdir("/app").Run("make")</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdToWorkdirCodeFixProvider)), Shared]
public sealed class CdToWorkdirCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RunCd);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Directory, out var directory) || directory is null
                || !diagnostic.Properties.TryGetValue(FixProperties.Rest, out var rest) || rest is null)
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation } })
                continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Use .Workdir(\"{directory}\")", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, Rewrite(invocation, literal, directory, rest)))), diagnostic.Id),
                diagnostic);
        }
    }

    private static InvocationExpressionSyntax Rewrite(InvocationExpressionSyntax invocation, LiteralExpressionSyntax literal, string directory, string rest)
    {
        var withRest = invocation.ReplaceNode(literal, RunTextCodeFixProvider.StringLiteral(rest).WithTriviaFrom(literal));
        var run = (MemberAccessExpressionSyntax)withRest.Expression;
        // receiver.Workdir("dir") keeps the receiver's layout: the new '.' takes the trivia of the '.' before Run.
        var workdir = SyntaxFactory.InvocationExpression(
            run.WithName(SyntaxFactory.IdentifierName("Workdir")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(RunTextCodeFixProvider.StringLiteral(directory)))))
            // …and when the receiver ends its line (one call per line), so does the new call.
            .WithTrailingTrivia(run.Expression.GetTrailingTrivia());
        return withRest.WithExpression(run.WithExpression(workdir));
    }
}
