using Fluent.Docker.Examples;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// What the benchmarks need to know about each example app: the file a code-only change edits (and how a comment is
/// written there), and which build steps are dependency work in the template image and in the naive one.
/// </summary>
public sealed record BenchApp(ImageDefinition Example, string Language, string CodeFile, string CommentPrefix, string CommentSuffix,
    IReadOnlyList<string> TemplateDependencySteps, IReadOnlyList<string> NaiveDependencySteps, string? DependencyNote = null)
{
    /// <summary>The app installs real packages from a registry (npm, NuGet) in its dependency step; the others are dependency-free.</summary>
    public bool RealDependencies { get; init; }

    public static IReadOnlyList<BenchApp> All { get; } =
    [
        new(GoHello.Definition, "Go", "main.go", "// ", "", ["go mod download"], ["go build"],
            "the naive image has no separate module step: `go build` resolves modules itself"),
        new(PythonApi.Definition, "Python", "app.py", "# ", "", ["pip --python"], ["pip install"]),
        new(NodeWeb.Definition, "Node", "src/server.js", "// ", "", ["npm ci"], ["npm ci"],
            "express and helmet (69 packages) from npm; the naive image downloads them again on every change") { RealDependencies = true },
        new(JavaWeb.Definition, "Java", "src/example/App.java", "// ", "", [], [],
            "plain javac: no dependency step in either image"),
        new(DotnetApi.Definition, ".NET", "Program.cs", "// ", "", ["dotnet restore"], ["dotnet publish"],
            "Cronos and Humanizer.Core from NuGet; the naive image restores them inside `dotnet publish`, which also compiles") { RealDependencies = true },
        new(StaticSite.Definition, "Static site", "src/index.html", "<!-- ", " -->", ["npm ci"], ["npm ci"]),
    ];

    /// <summary>The apps named in <paramref name="languages"/> (any case), or all of them when it is empty.</summary>
    public static IReadOnlyList<BenchApp> Selected(IReadOnlyList<string> languages) =>
        languages.Count == 0 ? All : All.Where(a => languages.Contains(a.Language, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Appends a comment to the code file: a change to the code only, nothing the dependency step reads.</summary>
    public void ChangeCode(string contextDirectory, string marker)
    {
        var path = Path.Combine(contextDirectory, CodeFile);
        File.AppendAllText(path, $"\n{CommentPrefix}bench change {marker}{CommentSuffix}\n");
    }

    /// <summary>How many of the steps matching <paramref name="markers"/> ran (were not cached).</summary>
    public static int DependencyStepsRun(Build.BuildLog log, IReadOnlyList<string> markers) =>
        DependencySteps(log, markers).Count(s => s.Ran);

    /// <summary>Time the steps matching <paramref name="markers"/> took (cached steps take none).</summary>
    public static TimeSpan DependencyStepTime(Build.BuildLog log, IReadOnlyList<string> markers) =>
        DependencySteps(log, markers).Where(s => s.Ran).Aggregate(TimeSpan.Zero, (total, s) => total + (s.Duration ?? TimeSpan.Zero));

    private static IEnumerable<Build.BuildStep> DependencySteps(Build.BuildLog log, IReadOnlyList<string> markers) =>
        markers.SelectMany(log.StepsRunning).Distinct();
}
