namespace Fluent.Docker.Tests.Examples;

/// <summary>Finds the checkout the tests run from (the folder holding FluentDocker.sln).</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string ExamplesDirectory => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "FluentDocker.sln"))) return directory.FullName;
        throw new InvalidOperationException($"FluentDocker.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Copies an example's sources (not its generated files) into <paramref name="destinationRoot"/>.</summary>
    public static void CopyExampleSources(ImageDefinition definition, string destinationRoot)
    {
        var source = Path.Combine(ExamplesDirectory, definition.ContextDirectory);
        var target = Path.Combine(destinationRoot, definition.ContextDirectory);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative is "Dockerfile" or ".dockerignore") continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
