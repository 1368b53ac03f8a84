using System.Xml.Linq;
using Fluent.Docker.Tests.Examples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluent.Docker.Tests.Cake;

/// <summary>
/// The addin's public surface, read from its built assembly through Roslyn (Cake.Core is not loaded): every alias is a
/// [CakeMethodAlias] extension of ICakeContext, comes with a settings overload, and has XML docs.
/// </summary>
public class AddinSurfaceTests
{
    private static readonly string AddinDirectory = Path.Combine(RepositoryLayout.Root, "src/Fluent.Docker.Cake/bin/Release/net10.0");

    private static IReadOnlyList<(string Name, string[] Parameters, string[] Attributes)> Aliases()
    {
        var path = Path.Combine(AddinDirectory, "Fluent.Docker.Cake.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution in Release first (./build.sh does).");
        var cakeCore = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget/packages/cake.tool/7.0.0/tools/net10.0/any/Cake.Core.dll");
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform.Concat(Directory.GetFiles(AddinDirectory, "*.dll")).Append(cakeCore)
            .DistinctBy(Path.GetFileName).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("addin-probe", references: references);
        var type = compilation.GetTypeByMetadataName("Fluent.Docker.Cake.FluentDockerAliases")!;
        return type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.StartsWith("FluentDocker", StringComparison.Ordinal))
            .Select(m => (m.Name, m.Parameters.Select(p => p.Type.Name).ToArray(), m.GetAttributes().Select(a => a.AttributeClass!.Name).ToArray()))
            .ToList();
    }

    [Fact]
    public void Every_alias_is_a_cake_method_alias_on_i_cake_context()
    {
        var aliases = Aliases();
        Assert.NotEmpty(aliases);
        Assert.All(aliases, a =>
        {
            Assert.Contains("CakeMethodAliasAttribute", a.Attributes);
            Assert.Equal("ICakeContext", a.Parameters[0]);
        });
    }

    [Theory]
    [InlineData("FluentDockerGenerate")]
    [InlineData("FluentDockerLock")]
    [InlineData("FluentDockerLint")]
    [InlineData("FluentDockerBuild")]
    [InlineData("FluentDockerBake")]
    [InlineData("FluentDockerPush")]
    [InlineData("FluentDockerInspect")]
    public void Each_alias_has_a_settings_overload(string alias)
    {
        var overloads = Aliases().Where(a => a.Name == alias).ToList();
        Assert.True(overloads.Count >= 2, $"{alias}: {overloads.Count} overload(s)");
        Assert.Contains(overloads, o => o.Parameters[^1].EndsWith("Settings", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_alias_has_xml_docs()
    {
        var docs = XDocument.Load(Path.Combine(AddinDirectory, "Fluent.Docker.Cake.xml"));
        var documented = docs.Descendants("member").Select(m => (string?)m.Attribute("name") ?? "").Where(n => n.StartsWith("M:Fluent.Docker.Cake.FluentDockerAliases.", StringComparison.Ordinal)).ToList();
        foreach (var alias in Aliases().Select(a => a.Name).Distinct())
            Assert.Equal(Aliases().Count(a => a.Name == alias), documented.Count(d => d.StartsWith($"M:Fluent.Docker.Cake.FluentDockerAliases.{alias}(", StringComparison.Ordinal)));
    }
}
