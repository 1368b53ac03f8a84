using Fluent.Docker.Tests.Examples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Fluent.Docker.Tests.Codecs;

/// <summary>
/// Telling instruction records apart is the codecs' job (src/Fluent.Docker/Codecs, one file per instruction): anywhere
/// else in src/, no member may match two or more instruction types (a switch statement or expression, <c>is A or B</c>,
/// or an if-chain of <c>is</c> tests). A question about one record (<c>is HealthcheckInstruction</c> in the rule about
/// HEALTHCHECK) is not dispatch and is allowed; everything per-instruction is a codec member instead.
/// </summary>
public class InstructionDispatchTests
{
    private static readonly HashSet<string> InstructionTypes =
        [.. typeof(Instruction).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Instruction))).Select(t => t.Name)];

    [Fact]
    public void Only_the_codecs_dispatch_over_instruction_types()
    {
        var src = Path.Combine(RepositoryLayout.Root, "src");
        var codecs = Path.Combine(src, "Fluent.Docker", "Codecs") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(codecs, StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
            .ToList();

        var dispatch = files.SelectMany(f => Dispatches(File.ReadAllText(f)).Select(d => $"{Path.GetRelativePath(RepositoryLayout.Root, f)}: {d}")).ToList();

        Assert.True(files.Count > 100, $"only {files.Count} files scanned");
        Assert.True(dispatch.Count == 0, "Dispatch over instruction types outside src/Fluent.Docker/Codecs (make it a codec member):\n" + string.Join("\n", dispatch));
    }

    [Fact]
    public void Every_instruction_record_has_one_codec_and_every_run_option_one_flag_codec()
    {
        var records = typeof(Instruction).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Instruction)));
        var options = typeof(RunOption).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(RunOption))).ToList();

        Assert.Equal(records.Select(t => t.Name).Order(StringComparer.Ordinal), Fluent.Docker.Codecs.InstructionCodecs.InstructionTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(options, option => Assert.Single(Fluent.Docker.Codecs.RunFlagCodecs.All, codec => codec.OptionType.IsAssignableFrom(option)));
        Assert.Contains(typeof(RunDevice), options);
    }

    [Theory]
    [InlineData("switch (i) { case RunInstruction run: break; case CmdInstruction: break; }", true)]
    [InlineData("var x = i switch { EnvInstruction env => 1, LabelInstruction => 2, _ => 0 };", true)]
    [InlineData("var b = i is CmdInstruction or EntrypointInstruction;", true)]
    [InlineData("if (i is CopyInstruction c) { } if (i is RunInstruction r) { }", true)]
    [InlineData("var b = i is HealthcheckInstruction;", false)]
    [InlineData("var x = i switch { RunInstruction { Command: CommandLine.Shell s } => 1, RunInstruction => 2, _ => 0 };", false)]
    [InlineData("var x = o switch { CacheMount c => 1, BindMount b => 2, _ => 0 };", false)]
    public void The_scan_finds_type_dispatch_and_lets_a_single_type_question_pass(string body, bool dispatches)
    {
        Assert.Equal(dispatches, Dispatches($"class C {{ void M(Instruction i, RunOption o) {{ {body} }} }}").Any());
    }

    /// <summary>Members whose type tests (is, switch arms, case labels) name two or more instruction types.</summary>
    private static IEnumerable<string> Dispatches(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax))
        {
            var tested = member.DescendantNodes()
                .Where(n => n is PatternSyntax or CaseSwitchLabelSyntax || n is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression })
                .SelectMany(n => n.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                .Select(n => n.Identifier.Text)
                .Where(InstructionTypes.Contains)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            if (tested.Count >= 2)
                yield return $"line {member.GetLocation().GetLineSpan().StartLinePosition.Line + 1} tests {string.Join(", ", tested)}";
        }
    }
}
