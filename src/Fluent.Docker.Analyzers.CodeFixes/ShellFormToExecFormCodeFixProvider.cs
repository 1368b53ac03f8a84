using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Analyzers.CodeFixes;

/// <summary>FD0006: <c>.CmdShell("npm start")</c> becomes <c>.Cmd("npm", "start")</c> when the command is plain words.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShellFormToExecFormCodeFixProvider)), Shared]
public sealed class ShellFormToExecFormCodeFixProvider : FluentDockerCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.ShellFormCommand);

    private protected override (string? Title, SyntaxNode? FixedRoot) Fix(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (Property(diagnostic, FixProperties.ExecMethod) is not { } method || Property(diagnostic, FixProperties.ExecWords) is not { } words
            || node is not SimpleNameSyntax name
            || name.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access)
            return (null, null);

        var literals = words.Split('\n').Select(w => SyntaxFactory.Argument(StringLiteral(w))).ToList();
        var commas = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), literals.Count - 1);
        var fixedCall = invocation
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName(method).WithTriviaFrom(name)))
            .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(literals, commas)));
        return ($"Use exec form: .{method}(…)", root.ReplaceNode(invocation, fixedCall));
    }
}
