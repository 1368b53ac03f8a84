using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Analyzers.CodeFixes;

/// <summary>FD0006: <c>.CmdShell("npm start")</c> becomes <c>.Cmd("npm", "start")</c> when the command is plain words.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShellFormToExecFormCodeFixProvider)), Shared]
public sealed class ShellFormToExecFormCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ShellFormCommand);

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.ExecMethod, out var method) || method is null
                || !diagnostic.Properties.TryGetValue(FixProperties.ExecWords, out var words) || words is null)
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name
                || name.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access)
                continue;
            var literals = words.Split('\n').Select(w => SyntaxFactory.Argument(RunTextCodeFixProvider.StringLiteral(w))).ToList();
            var commas = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), literals.Count - 1);
            var arguments = SyntaxFactory.SeparatedList(literals, commas);
            var fixedCall = invocation
                .WithExpression(access.WithName(SyntaxFactory.IdentifierName(method).WithTriviaFrom(name)))
                .WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
            context.RegisterCodeFix(
                CodeAction.Create($"Use exec form: .{method}(…)", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, fixedCall))), diagnostic.Id),
                diagnostic);
        }
    }
}
