using System.Reflection;
using System.Runtime.Loader;
using Fluent.Docker.Import;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fluent.Docker.Conformance;

/// <summary>
/// Real-world Dockerfiles (tests/corpora/official and advanced) imported to C#: the generated code compiles with no
/// error or warning against Fluent.Docker, runs, and builds a model equal to the parsed file, whose emitted text
/// reads back to that model again.
/// </summary>
public sealed class ImportCorpus : ICorpus
{
    public string Name => "dockerfile-import";

    public CorpusResult Run(string corporaRoot)
    {
        var files = RoundTripCorpus.Files(corporaRoot);
        var texts = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(corporaRoot, f)));
        var sources = files.Select((file, i) => CSharpSyntaxTree.ParseText(
            DockerfileImporter.ToCSharp(texts[file], new ImportOptions { Namespace = "Imported", ClassName = $"File{i}" }),
            new CSharpParseOptions(LanguageVersion.Latest), path: $"File{i}.cs")).ToList();
        var compilation = CSharpCompilation.Create("ImportedDockerfiles", sources, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();

        var context = new AssemblyLoadContext("imported-dockerfiles", isCollectible: true);
        try
        {
            var assembly = emitted.Success ? context.LoadFromStream(new MemoryStream(image.ToArray())) : null;
            return CorpusResult.From(files.Select((file, index) => (File: file, Index: index)), c => c.File, c =>
            {
                var own = problems.Where(d => d.Location.SourceTree?.FilePath == $"File{c.Index}.cs").Take(5).ToList();
                if (own.Count > 0) return "the generated C# does not compile cleanly: " + string.Join("; ", own);
                if (assembly is null) return "the generated C# does not compile: " + string.Join("; ", problems.Take(5));
                var built = (Dockerfile)assembly.GetType($"Imported.File{c.Index}")!.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
                var expected = Dockerfile.Parse(texts[c.File]);
                if (!expected.Equals(built)) return "the generated code builds another model: " + ModelDifference.Describe(expected, built);
                // Layout-insensitive: a wrapped shell-form command reads back with the continuation indentation inside it.
                return Fluent.Docker.Emit.ShellWords.LayoutInsensitive(expected).Equals(Fluent.Docker.Emit.ShellWords.LayoutInsensitive(Dockerfile.Parse(built.Emit())))
                    ? null : "the emitted Dockerfile reads back differently";
            });
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>What a user project compiles against: the .NET runtime assemblies and Fluent.Docker.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Dockerfile).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p))]);
}
