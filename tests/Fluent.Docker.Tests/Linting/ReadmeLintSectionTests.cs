using System.Text.RegularExpressions;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The README's lint section shows what the linter really prints for its snippet.</summary>
public class ReadmeLintSectionTests
{
    private static readonly string Section = Regex.Match(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md")),
        "## Best practices at generation time\n(.*?)\n## ", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Readme_output_is_what_the_snippet_gets()
    {
        var snippet = Regex.Match(Section, "```csharp\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(".Copy(\".\", \"/app\")", snippet);
        Assert.Contains(".Run(\"pip install -r /app/requirements.txt\")", snippet);
        var app = Stage.Named("app").From("python:3.12-slim")
            .Copy(".", "/app")
            .Run("pip install -r /app/requirements.txt");
        var report = Linter.Lint(Dockerfile.Create(app), LintOptions.Default.Disable("FD0012").Disable("FD0023"));
        Assert.Equal(report.ToText(), Regex.Match(Section, "```text\n(.*?)```", RegexOptions.Singleline).Groups[1].Value);
    }
}
