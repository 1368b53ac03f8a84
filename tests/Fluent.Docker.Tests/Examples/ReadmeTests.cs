using System.Text.RegularExpressions;
using Fluent.Docker.Examples;

namespace Fluent.Docker.Tests.Examples;

/// <summary>The README's example is real code: its C# is compiled in the examples project, its output is exact.</summary>
public partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));

    [Fact]
    public void Readme_opens_with_the_two_commands()
    {
        var firstBlock = FencedBlock("bash");

        Assert.Contains("./build.sh ", firstBlock);
        Assert.Contains("./build.sh --target=Test", firstBlock);
    }

    [Fact]
    public void Readme_csharp_example_is_the_compiled_example()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryLayout.ExamplesDirectory, "Fluent.Docker.Examples", "ReadmeExample.cs"));
        var compiled = Between(source, "// README:BEGIN", "// README:END");

        var readme = FencedBlock("csharp")
            .Replace("using Fluent.Docker;\n\n", "")
            .Replace("File.WriteAllText(\"Dockerfile\", Dockerfile.Create(build, runtime).Emit());", "return Dockerfile.Create(build, runtime);");

        Assert.Equal(Normalize(readme), Normalize(compiled));
    }

    [Fact]
    public void Readme_dockerfile_is_what_the_example_emits()
    {
        Assert.Equal(FencedBlock("dockerfile"), ReadmeExample.Create().Emit());
    }

    private static string FencedBlock(string language) =>
        Regex.Match(Readme, "```" + language + "\n(.*?)```", RegexOptions.Singleline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"README.md has no ```{language} block.");

    private static string Between(string text, string begin, string end)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
    }

    /// <summary>Indentation and blank lines differ between a README and a method body; the code must not.</summary>
    private static string Normalize(string code) =>
        string.Join("\n", code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
