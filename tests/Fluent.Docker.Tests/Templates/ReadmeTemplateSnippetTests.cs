using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Examples;
using Fluent.Docker.Tests.TypeSafety;

namespace Fluent.Docker.Tests.Templates;

/// <summary>The README's template example compiles against the library as it is (no warning either).</summary>
public partial class ReadmeTemplateSnippetTests
{
    [Fact]
    public void Readme_template_example_compiles()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var block = CSharpBlocks().Matches(readme).Select(m => m.Groups[1].Value).Single(b => b.Contains("DotNetTemplate.Create", StringComparison.Ordinal));
        var lines = block.Split('\n');
        var usings = string.Join("\n", lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
        var body = string.Join("\n", lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal)));

        SnippetCompiler.CompileFile($$"""
            {{usings}}

            namespace Snippets;

            public static class ReadmeSnippet
            {
                public static void Body()
                {
            {{body}}
                }
            }
            """).AssertClean();
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();
}
