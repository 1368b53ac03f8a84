using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// Finds the stacks of a project directory from the files at its top: <c>*.csproj</c>, <c>go.mod</c>, <c>pom.xml</c> /
/// <c>build.gradle</c> (or Java sources under <c>src/</c>), <c>requirements.txt</c> / <c>pyproject.toml</c>,
/// <c>package.json</c>, a static <c>index.html</c>. Each comes with the template options its files tell (project file,
/// main package, start command, build script, main class).
/// </summary>
public static partial class StackDetector
{
    public static IReadOnlyList<DetectedStack> Detect(string directory)
    {
        var found = new List<DetectedStack>();
        string? Has(params string[] names) => names.FirstOrDefault(n => File.Exists(Path.Combine(directory, n)));

        var projects = Directory.EnumerateFiles(directory, "*.csproj").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var project in projects) found.Add(DotNet(directory, project!));

        if (Has("go.mod") is { } goMod) found.Add(Go(directory, goMod));
        if (Has("pom.xml") is { } pom)
            found.Add(new DetectedStack(StackKind.Java, pom, [("Build", "new JavaBuild.Maven()")]));
        else if (Has("build.gradle", "build.gradle.kts") is { } gradle && JavaMainClass(directory) is { } gradleMain)
            found.Add(new DetectedStack(StackKind.Java, gradle, [("Build", $"new JavaBuild.Javac({CSharp.Literal(gradleMain.Class)}, {CSharp.Literal(gradleMain.SourceDirectory)})")]));
        else if (JavaMainClass(directory) is { } main)
            found.Add(new DetectedStack(StackKind.Java, main.File, [("Build", $"new JavaBuild.Javac({CSharp.Literal(main.Class)}, {CSharp.Literal(main.SourceDirectory)})")]));

        if (Has("requirements.txt", "pyproject.toml") is { } python) found.Add(Python(directory, python));
        if (Has("package.json") is { } package)
        {
            var node = Node(directory, package);
            if (node is not null) found.Add(node);
        }
        else if (Has("index.html") is { } index)
            found.Add(new DetectedStack(StackKind.Static, index, [("Build", "new StaticSiteBuild.Prebuilt(\".\")")]));
        return found;
    }

    private static DetectedStack DotNet(string directory, string project)
    {
        var sdk = "";
        try { sdk = XDocument.Load(Path.Combine(directory, project)).Root?.Attribute("Sdk")?.Value ?? ""; }
        catch (System.Xml.XmlException) { /* an unreadable project is still a .NET project; the SDK kind stays the default */ }
        var kind = sdk.Contains("Web", StringComparison.OrdinalIgnoreCase) ? "AspNetCore" : "Console";
        return new DetectedStack(StackKind.DotNet, project, [("Project", CSharp.Literal(project)), ("Kind", "DotNetAppKind." + kind)]);
    }

    private static DetectedStack Go(string directory, string goMod)
    {
        var package = File.Exists(Path.Combine(directory, "main.go")) ? "."
            : Directory.Exists(Path.Combine(directory, "cmd"))
                ? Directory.EnumerateDirectories(Path.Combine(directory, "cmd")).Select(d => "./cmd/" + Path.GetFileName(d)).Order(StringComparer.Ordinal).FirstOrDefault() ?? "."
                : ".";
        return new DetectedStack(StackKind.Go, goMod, [("Package", CSharp.Literal(package))]);
    }

    private static readonly string[] PythonEntryFiles = ["app.py", "main.py", "server.py"];
    private static readonly string[] StaticSiteIndexFiles = ["index.html", "src/index.html", "public/index.html"];

    private static DetectedStack Python(string directory, string evidence)
    {
        var entry = PythonEntryFiles.FirstOrDefault(f => File.Exists(Path.Combine(directory, f))) ?? "app.py";
        return new DetectedStack(StackKind.Python, evidence, [("Command", CSharp.List(["python", entry]))]);
    }

    /// <summary>A Node app, or a static site built with npm: a site has an index.html and no server entry (no "main").</summary>
    private static DetectedStack? Node(string directory, string package)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, package))).RootElement.Clone(); }
        catch (JsonException e) { throw CliException.Usage($"{package} is not valid JSON ({e.Message}); fix it or pass --template."); }
        var scripts = root.TryGetProperty("scripts", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        string? Script(string name) => scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var main = root.TryGetProperty("main", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var hasBuild = Script("build") is not null;

        var site = StaticSiteIndexFiles.FirstOrDefault(f => File.Exists(Path.Combine(directory, f)));
        if (site is not null && main is null)
            return new DetectedStack(StackKind.Static, site, hasBuild
                ? [("Build", "new StaticSiteBuild.Npm(\"build\", \"dist\")")]
                : [("Build", $"new StaticSiteBuild.Prebuilt({CSharp.Literal(Path.GetDirectoryName(site)!.Length == 0 ? "." : Path.GetDirectoryName(site)!)})")]);

        var start = Script("start") is { } startScript && StartCommand().Match(startScript) is { Success: true } match
            ? new[] { match.Groups[1].Value, match.Groups[2].Value }
            : ["node", main ?? "server.js"];
        var options = new List<(string, string)>();
        if (hasBuild) options.Add(("BuildScript", "\"build\""));
        options.Add(("Command", CSharp.List(start)));
        return new DetectedStack(StackKind.Node, package, options);
    }

    /// <summary>The class declaring <c>static void main</c> under src/ (Maven's layout or a plain tree).</summary>
    private static (string Class, string SourceDirectory, string File)? JavaMainClass(string directory)
    {
        foreach (var root in new[] { "src/main/java", "src" })
        {
            var path = Path.Combine(directory, root);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*.java", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                if (!MainMethod().IsMatch(text)) continue;
                var package = PackageDeclaration().Match(text) is { Success: true } p ? p.Groups[1].Value + "." : "";
                return (package + Path.GetFileNameWithoutExtension(file), root, Path.GetRelativePath(directory, file).Replace('\\', '/'));
            }
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(node|python3?|bun|deno)\s+([\w./-]+)\s*$")]
    private static partial Regex StartCommand();

    [GeneratedRegex(@"static\s+void\s+main\s*\(")]
    private static partial Regex MainMethod();

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageDeclaration();
}
