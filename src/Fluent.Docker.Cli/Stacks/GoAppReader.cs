using System.Text.RegularExpressions;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// A Go module's main package and port: the root when its files say <c>package main</c>, else <c>cmd/&lt;module
/// name&gt;</c>, else the first <c>cmd/*</c> holding a main package; a server when it calls <c>ListenAndServe</c>,
/// <c>net.Listen</c> or <c>http.Serve</c>; the port from <c>":8080"</c> in those calls or the default beside
/// <c>os.Getenv("PORT")</c>.
/// </summary>
internal static partial class GoAppReader
{
    public static DetectedApp Read(string directory, string goMod)
    {
        var why = new List<string>();
        var module = ModuleLine().Match(File.ReadAllText(Path.Combine(directory, goMod))) is { Success: true } m ? m.Groups[1].Value : "";
        var commands = Directory.Exists(Path.Combine(directory, "cmd"))
            ? Directory.EnumerateDirectories(Path.Combine(directory, "cmd")).Where(IsMainPackage).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        string package;
        if (IsMainPackage(directory))
        {
            package = ".";
            why.Add("package main at the module root");
        }
        else if (commands.Count > 0)
        {
            var name = commands.Contains(module.Split('/')[^1]) ? module.Split('/')[^1] : commands[0];
            package = "./cmd/" + name;
            why.Add(commands.Count == 1 ? $"cmd/{name} is the main package" : $"cmd/{name} of {string.Join(", ", commands.Select(c => "cmd/" + c))} (set Package for another)");
        }
        else
        {
            package = ".";
            why.Add("no package main found: building the module root");
        }

        var packageDirectory = Path.Combine(directory, package);
        foreach (var file in GoFiles(packageDirectory))
        {
            var text = File.ReadAllText(file);
            var shown = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (SourcePort.Find(text, ListenAddress(), GetenvDefault()) is { } port)
            {
                why.Add($"{shown}: {port.Text}");
                return new DetectedApp(AppKind.Web, package, port.Port, why);
            }
            if (Listen().Match(text) is { Success: true } listen)
            {
                why.Add($"{shown}: {listen.Value.Trim()} (port not written as a number: the template's default)");
                return new DetectedApp(AppKind.Web, package, null, why);
            }
        }
        why.Add($"{package}: no ListenAndServe/net.Listen: runs without a port");
        return new DetectedApp(AppKind.Console, package, null, why);
    }

    private static IEnumerable<string> GoFiles(string directory) => Directory.Exists(directory)
        ? Directory.EnumerateFiles(directory, "*.go").Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
        : [];

    private static bool IsMainPackage(string directory) => GoFiles(directory).Any(f => PackageMain().IsMatch(File.ReadAllText(f)));

    [GeneratedRegex(@"^module\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();

    [GeneratedRegex(@"(ListenAndServe(TLS)?|net\.Listen|Addr\s*:)\s*\(?\s*(""tcp""\s*,\s*)?""[\w.\-\[\]:]*:(?<port>\d{1,5})""")]
    private static partial Regex ListenAddress();

    /// <summary><c>os.Getenv("PORT")</c> followed within a few lines by a quoted default (<c>port = "8080"</c>).</summary>
    [GeneratedRegex(@"Getenv\(\s*""PORT""\s*\)[\s\S]{0,160}?""\:?(?<port>\d{1,5})""")]
    private static partial Regex GetenvDefault();

    [GeneratedRegex(@"(ListenAndServe(TLS)?|net\.Listen|http\.Serve)\s*\(")]
    private static partial Regex Listen();
}
