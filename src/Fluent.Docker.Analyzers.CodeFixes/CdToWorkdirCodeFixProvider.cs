using System.Collections.Immutable;
using System.Composition;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Analyzers.CodeFixes;

/// <summary>FD0014: <c>.Run("cd /app &amp;&amp; make")</c> becomes <c>.Workdir("/app").Run("make")</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdToWorkdirCodeFixProvider)), Shared]
public sealed class CdToWorkdirCodeFixProvider : FluentDockerCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.RunCd);

    private protected override (string? Title, SyntaxNode? FixedRoot) Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (Property(diagnostic, FixProperties.Directory) is not { } directory || Property(diagnostic, FixProperties.Rest) is not { } rest
            || node is not LiteralExpressionSyntax literal
            || literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation } })
            return (null, null);

        var withRest = invocation.ReplaceNode(literal, StringLiteral(rest).WithTriviaFrom(literal));
        var run = (MemberAccessExpressionSyntax)withRest.Expression;
        // receiver.Workdir("dir") keeps the receiver's layout: the new '.' takes the trivia of the '.' before Run…
        var workdir = SyntaxFactory.InvocationExpression(
                run.WithName(SyntaxFactory.IdentifierName("Workdir")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StringLiteral(directory)))))
            // …and when the receiver ends its line (one call per line), so does the new call.
            .WithTrailingTrivia(run.Expression.GetTrailingTrivia());
        return ($"Use .Workdir(\"{directory}\")", root.ReplaceNode(invocation, withRest.WithExpression(run.WithExpression(workdir))));
    }
}
