using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// Finds the stacks of a project directory from the files at its top: <c>*.csproj</c>, <c>go.mod</c>, <c>pom.xml</c> /
/// <c>build.gradle</c> (or Java sources under <c>src/</c>), <c>requirements.txt</c> / <c>pyproject.toml</c>,
/// <c>package.json</c>, Python entry modules, a static <c>index.html</c>. Each comes with what the app's own files tell
/// (<see cref="DetectedApp"/>: web, worker or console, the entry, the port) and the template options that follow.
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

        if (Python(directory, Has("requirements.txt", "pyproject.toml")) is { } python) found.Add(python);
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
        var (app, assembly) = DotNetAppReader.Read(directory, project);
        List<(string, string)> options = [("Project", CSharp.Literal(project)), ("Kind", "DotNetAppKind." + (app.Kind == AppKind.Web ? "AspNetCore" : "Console"))];
        if (app is { Kind: AppKind.Web, Port: { } port }) options.Add(("Port", PortLiteral(port)));
        // The reader has said why (its AssemblyName line).
        if (Path.GetFileNameWithoutExtension(project) != assembly) options.Add(("AssemblyName", CSharp.Literal(assembly)));
        return new DetectedStack(StackKind.DotNet, project, options) { App = app };
    }

    private static DetectedStack Go(string directory, string goMod)
    {
        var app = GoAppReader.Read(directory, goMod);
        return new DetectedStack(StackKind.Go, goMod, [("Package", CSharp.Literal(app.Entry)), .. PortOption(app)]) { App = app };
    }

    private static readonly string[] StaticSiteIndexFiles = ["index.html", "src/index.html", "public/index.html"];

    /// <summary>
    /// A Python app: a requirements file or pyproject.toml, or an entry module alone. Its dependencies come from
    /// requirements.txt (the template's default), else from pyproject.toml's [project] dependencies, else there are none.
    /// </summary>
    private static DetectedStack? Python(string directory, string? manifest)
    {
        var read = PythonAppReader.Read(directory);
        if (read is null && manifest is null) return null;
        var (app, command) = read ?? (new DetectedApp(AppKind.Web, "app.py", null, [$"{manifest} and no entry module: the template's default app.py"]), ["python", "app.py"]);
        List<(string, string)> options = [("Command", CSharp.List(command)), .. PortOption(app)];
        if (!File.Exists(Path.Combine(directory, "requirements.txt")))
        {
            var pyProject = File.Exists(Path.Combine(directory, "pyproject.toml"));
            options.Insert(0, ("Dependencies", pyProject ? "PythonDependencies.PyProject()" : "PythonDependencies.None"));
            app = app with { Why = [.. app.Why, pyProject ? "no requirements.txt: dependencies from pyproject.toml's [project] dependencies" : "no requirements.txt or pyproject.toml: the standard library only"] };
        }
        return new DetectedStack(StackKind.Python, manifest ?? app.Entry, options) { App = app };
    }

    /// <summary>
    /// A Node app, or a static site built with npm: a site has an index.html and no server entry (no start command,
    /// main or conventional server file); a server with a <c>public/</c> folder (express-generator) is still a Node app.
    /// </summary>
    private static DetectedStack? Node(string directory, string package)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, package))).RootElement.Clone(); }
        catch (JsonException e) { throw CliException.Usage($"{package} is not valid JSON ({e.Message}); fix it or pass --template."); }
        var scripts = root.TryGetProperty("scripts", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var hasBuild = scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty("build", out var b) && b.ValueKind == JsonValueKind.String;

        var read = NodeAppReader.Read(directory, root);
        var site = StaticSiteIndexFiles.FirstOrDefault(f => File.Exists(Path.Combine(directory, f)));
        if (read is null && site is not null)
            return new DetectedStack(StackKind.Static, site, hasBuild
                ? [("Build", "new StaticSiteBuild.Npm(\"build\", \"dist\")")]
                : [("Build", $"new StaticSiteBuild.Prebuilt({CSharp.Literal(Path.GetDirectoryName(site)!.Length == 0 ? "." : Path.GetDirectoryName(site)!)})")])
            { App = new DetectedApp(AppKind.StaticSite, site, null, [$"{site} and no server entry in {package}"]) };

        var (app, command) = read ?? (new DetectedApp(AppKind.Web, "server.js", null, [$"{package} names no entry: the template's default server.js"]), ["node", "server.js"]);
        var options = new List<(string, string)>();
        if (hasBuild) options.Add(("BuildScript", "\"build\""));
        options.Add(("Command", CSharp.List(command)));
        options.AddRange(PortOption(app));
        var warnings = File.Exists(Path.Combine(directory, "package-lock.json")) ? new List<string>()
            : ["no package-lock.json: the Node template installs with 'npm ci', which needs it. Fix: run 'npm install' and commit package-lock.json."];
        return new DetectedStack(StackKind.Node, package, options) { App = app, Warnings = warnings };
    }

    /// <summary>The Port option: the port the app declares; null for an app that listens on none (no EXPOSE, no probe); nothing (the template's default) otherwise.</summary>
    private static IEnumerable<(string, string)> PortOption(DetectedApp app) => app switch
    {
        { Kind: AppKind.Web, Port: { } port } => [("Port", PortLiteral(port))],
        { Kind: AppKind.Worker or AppKind.Console } => [("Port", "null")],
        _ => [],
    };

    private static string PortLiteral(Port port) => port.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    [GeneratedRegex(@"static\s+void\s+main\s*\(")]
    private static partial Regex MainMethod();

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageDeclaration();
}
