using System.Reflection;

namespace Fluent.Docker.Tests;

/// <summary>Proves the build → test → report pipeline runs; real tests live beside it.</summary>
public class InfraSmokeTests
{
    [Fact]
    public void Library_and_examples_assemblies_load_beside_the_tests()
    {
        var library = Assembly.Load(new AssemblyName("Fluent.Docker"));
        var examples = Assembly.Load(new AssemblyName("Fluent.Docker.Examples"));

        Assert.Equal("Fluent.Docker", library.GetName().Name);
        Assert.Equal("Fluent.Docker.Examples", examples.GetName().Name);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fluent.Docker.dll")));
    }
}
