using System.Globalization;
using System.Text.RegularExpressions;
using Fluent.Docker.Analyzers;
using Fluent.Docker.Analyzers.CodeFixes;
using Fluent.Docker.Rules;
using Fluent.Docker.Tests.Examples;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>The README's analyzer section shows a real diagnostic and a real fix.</summary>
public class ReadmeAnalyzerSectionTests
{
    private static readonly string Section = Regex.Match(
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md")),
        "## Best practices at compile time\n(.*?)\n## ", RegexOptions.Singleline).Groups[1].Value;

    private static string Block(string language) =>
        Regex.Match(Section, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Readme_shows_the_catalogue_message()
    {
        var message = string.Format(CultureInfo.InvariantCulture, RuleCatalog.Get(RuleIds.RunCd).MessageFormat, "/src");
        Assert.Contains($"warning {RuleIds.RunCd}: {message}", Block("text"));
        Assert.Contains($"{RuleCatalog.ReportedBy(RuleReporters.Analyzer).Count} rules", Section);
    }

    [Fact]
    public Task Readme_snippet_gets_the_diagnostic_and_the_fix_it_describes()
    {
        var snippet = Block("csharp");
        Assert.Contains("\"cd /src && make\"", snippet);
        Assert.Contains(".Workdir(\"/src\").Run(\"make\")", Section);
        return VerifyFixAsync<RunCdAnalyzer, CdToWorkdirCodeFixProvider>(
            snippet.Replace("\"cd /src && make\"", "{|FD0014:\"cd /src && make\"|}"),
            snippet.Replace(".Run(\"cd /src && make\")", ".Workdir(\"/src\")\n    .Run(\"make\")"));
    }
}
