using System.Runtime.Loader;
using Fluent.Docker.Tests.TypeSafety;

namespace Fluent.Docker.Tests.Import;

/// <summary>Compiles the C# the importer wrote, as a user project would, and runs it: the model it builds.</summary>
internal static class ImportedCode
{
    public static Dockerfile Build(string code, string name)
    {
        var (image, diagnostics) = SnippetCompiler.EmitAssembly(name, [(name + ".cs", code)]);
        Assert.True(image is not null, string.Join("\n", diagnostics) + "\n" + code);
        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            return (Dockerfile)context.LoadFromStream(new MemoryStream(image)).GetType("Imported.ImportedDockerfile")!
                .GetMethod("Create")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
