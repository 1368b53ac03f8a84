using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Fluent.Docker.Analyzers;
using Fluent.Docker.Rules;
using Fluent.Docker.Tests.Examples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>The conventions every rule keeps: one id constant, one analyzer, a docs page, a help link, tests both ways.</summary>
public class RuleCatalogTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(FluentDockerAnalyzer).Assembly;

    /// <summary>Every analyzer the package ships.</summary>
    internal static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>The rules the analyzers report (the lint-only FD01xx rules have their meta-tests in Linting/).</summary>
    public static TheoryData<string> RuleIdsInCatalog => new(RuleCatalog.ReportedBy(RuleReporters.Analyzer).Select(r => r.Id));

    public static TheoryData<string> AllRuleIds => new(RuleCatalog.All.Select(r => r.Id));

    [Fact]
    public void Catalog_has_at_least_15_rules_with_unique_sequential_ids()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.True(ids.Count >= 15, $"{ids.Count} rules");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // FD00xx: analyzers (and lint); FD01xx: the lint only. Each block is numbered without gaps.
        var analyzer = RuleCatalog.All.Where(r => r.ReportedBy.HasFlag(RuleReporters.Analyzer)).Select(r => r.Id).ToList();
        var lintOnly = RuleCatalog.All.Where(r => r.ReportedBy == RuleReporters.Lint).Select(r => r.Id).ToList();
        Assert.Equal(Enumerable.Range(1, analyzer.Count).Select(n => $"FD{n:0000}"), analyzer);
        Assert.Equal(Enumerable.Range(101, lintOnly.Count).Select(n => $"FD{n:0000}"), lintOnly);
        Assert.Equal(ids, analyzer.Concat(lintOnly));
    }

    [Fact]
    public void Every_RuleIds_constant_is_in_the_catalog_and_back()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(x => x).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(x => x), constants);
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalog))]
    public void Rule_has_exactly_one_analyzer_in_its_own_file(string id)
    {
        var analyzers = Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToList();
        var analyzer = Assert.Single(analyzers);
        Assert.Single(analyzer.SupportedDiagnostics);
        var file = Path.Combine(RepositoryLayout.Root, "src", "Fluent.Docker.Analyzers", "Rules", analyzer.GetType().Name + ".cs");
        Assert.True(File.Exists(file), $"{id}: expected the analyzer in {Path.GetRelativePath(RepositoryLayout.Root, file)}");
        Assert.Single(Regex.Matches(File.ReadAllText(file), @"\[DiagnosticAnalyzer\("));
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Rule_has_a_docs_page_naming_its_hadolint_rule_and_BuildKit_check(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = Path.Combine(RepositoryLayout.Root, rule.DocumentationPath);
        Assert.True(File.Exists(page), $"{id}: missing {rule.DocumentationPath}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {rule.Title}", text);
        foreach (var mapped in new[] { rule.HadolintRule, rule.BuildKitCheck }.OfType<string>())
            Assert.Contains(mapped, text);
        Assert.Contains(rule.ReportedBy.HasFlag(RuleReporters.Analyzer) ? "| Code fix |" : "| Reported by | generation-time lint |", text);
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalog))]
    public void Analyzer_descriptor_has_the_catalogue_title_and_help_link(string id)
    {
        var rule = RuleCatalog.Get(id);
        var descriptor = Analyzers.SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.EndsWith("/" + rule.DocumentationPath, descriptor.HelpLinkUri);
        Assert.Equal(rule.Title, descriptor.Title.ToString(CultureInfo.InvariantCulture));
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(RuleIdsInCatalog))]
    public void Rule_has_positive_and_negative_tests(string id) => RuleTestConventions.AssertTestedBothWays(typeof(RuleCatalogTests), id);

    [Theory]
    [MemberData(nameof(RuleIdsInCatalog))]
    public Task Rule_is_silent_in_projects_without_Fluent_Docker(string id) =>
        // A look-alike API with every name the rules look for, outside Fluent.Docker: nothing may be reported.
        AnalyzerTestKit.VerifyWithoutFluentDockerAsync(Analyzers.Single(a => a.SupportedDiagnostics.Any(d => d.Id == id)), """
            namespace LookAlike
            {
                public sealed class Stage
                {
                    public static Stage Named(string name) => new();
                    public Stage From(string image, string? platform = null) => this;
                    public Stage Run(string command) => this;
                    public Stage CmdShell(string command) => this;
                    public Stage Workdir(string path) => this;
                    public Stage Env(string name, string value) => this;
                    public Stage User(string user) => this;
                    public Stage Expose(params int[] ports) => this;
                }

                public static class Dockerfile
                {
                    public static object Create(params Stage[] stages) => stages;
                }

                public static class Use
                {
                    public static object Body() => Dockerfile.Create(
                        Stage.Named("Build").From("debian:latest", "linux/amd64")
                            .Run("cd /src && sudo apt install curl | tee log")
                            .CmdShell("npm start").Workdir("app").Env("API_TOKEN", "ghp_0123456789abcdefghijABCDEFGHIJ012345")
                            .User("root").Expose(0),
                        Stage.Named("scratch").From("debian"));
                }
            }
            """);

    [Fact]
    public void Every_docs_page_belongs_to_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "docs", "rules"), "FD*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(x => x), pages.OrderBy(x => x));
    }

    [Fact]
    public void Analyzers_are_built_against_Roslyn_4_8_so_SDK_compilers_load_them()
    {
        foreach (var assembly in new[] { AnalyzerAssembly, typeof(Fluent.Docker.Analyzers.CodeFixes.RunTextCodeFixProvider).Assembly })
        {
            var roslyn = assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.Equal(new Version(4, 8, 0, 0), r.Version));
        }
    }
}
