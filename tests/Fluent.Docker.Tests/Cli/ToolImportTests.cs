using Fluent.Docker.Import;
using Fluent.Docker.Parsing;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// <c>fluent-docker import</c> on every Dockerfile of the peer corpora, as a process: a file the parser reads gives
/// exactly the library importer's C# (exit 0); one it refuses gives one <c>path:line:col: reason</c> line (exit 2).
/// </summary>
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolImportTests(InstalledTool tool)
{
    [Fact]
    public void Every_corpus_dockerfile_imports_as_the_library_does()
    {
        var corpora = Path.Combine(RepositoryLayout.Root, "tests", "corpora");
        var files = Directory.EnumerateFiles(corpora, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith(".Dockerfile", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var imported = 0;
        var refused = 0;

        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var relative = Path.GetRelativePath(corpora, file).Replace('\\', '/');
            var run = tool.Run(corpora, "import", relative);
            string? expected = null;
            DockerfileParseException? parseError = null;
            try { expected = DockerfileImporter.ToCSharp(File.ReadAllText(file)); }
            catch (DockerfileParseException e) { parseError = e; }

            var ok = parseError is null
                ? run.ExitCode == 0 && run.Output == expected
                : run.ExitCode == 2 && run.Error == $"error: {relative}:{parseError.Line}:{parseError.Column}: {parseError.Reason}\n";
            lock (failures)
            {
                if (!ok) failures.Add($"{relative}: {run}");
                else if (parseError is null) imported++;
                else refused++;
            }
        });

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} differ:\n" + string.Join("\n", failures.Take(5)));
        Assert.True(files.Count > 100, $"only {files.Count} corpus Dockerfiles found");
        Assert.True(imported > refused, $"{imported} imported, {refused} refused");
    }

    [Fact]
    public void Import_writes_the_output_file_and_refuses_to_overwrite_it()
    {
        var repo = tool.NewRepository("import");
        File.WriteAllText(Path.Combine(repo, "Dockerfile"), "FROM busybox:1.36 AS app\nCMD [\"echo\", \"hi\"]\n");

        var first = tool.Run(repo, "import", "Dockerfile", "-o", "Imported.cs", "--class", "AppImage");
        var second = tool.Run(repo, "import", "Dockerfile", "-o", "Imported.cs");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("public static class AppImage", File.ReadAllText(Path.Combine(repo, "Imported.cs")));
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("Imported.cs already exists", second.Error);
    }
}
