using System.Text.RegularExpressions;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// A Python app's entry and port: a top-level <c>__main__.py</c>, a package with one (<c>python -m pkg</c>),
/// <c>app.py</c>/<c>main.py</c>/<c>server.py</c>, else a module with <c>if __name__ == "__main__"</c>; a server when it
/// uses <c>http.server</c>, <c>socketserver</c>, Flask, FastAPI/uvicorn or aiohttp; the port from
/// <c>os.environ.get("PORT", "8000")</c>, <c>PORT = 8000</c>, <c>port=8000</c> or a <c>("", 8000)</c> address.
/// </summary>
internal static partial class PythonAppReader
{
    private static readonly string[] EntryFiles = ["app.py", "main.py", "server.py"];

    public static (DetectedApp App, string[] Command)? Read(string directory)
    {
        var why = new List<string>();
        string entry;
        string[] command;
        if (File.Exists(Path.Combine(directory, "__main__.py")))
            (entry, command) = ("__main__.py", ["python", "__main__.py"]);
        else if (Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal)
                     .FirstOrDefault(d => File.Exists(Path.Combine(d, "__main__.py")) && File.Exists(Path.Combine(d, "__init__.py"))) is { } package)
            (entry, command) = (Path.GetFileName(package) + "/__main__.py", ["python", "-m", Path.GetFileName(package)]);
        else if (EntryFiles.FirstOrDefault(f => File.Exists(Path.Combine(directory, f))) is { } file)
            (entry, command) = (file, ["python", file]);
        else if (Directory.EnumerateFiles(directory, "*.py").Order(StringComparer.Ordinal).FirstOrDefault(f => MainGuard().IsMatch(File.ReadAllText(f))) is { } guarded)
            (entry, command) = (Path.GetFileName(guarded), ["python", Path.GetFileName(guarded)]);
        else return null;
        why.Add(entry.EndsWith("__main__.py", StringComparison.Ordinal) || EntryFiles.Contains(entry)
            ? $"{entry} exists" : $"{entry}: if __name__ == \"__main__\"");

        var text = File.ReadAllText(Path.Combine(directory, entry));
        var server = Server().Match(text);
        var port = SourcePort.Find(text, EnvironmentPort(), PortAssignment(), AddressPort());
        if (!server.Success && port is null)
        {
            why.Add($"{entry}: no server (http.server, Flask, FastAPI…): runs without a port");
            return (new DetectedApp(AppKind.Console, entry, null, why), command);
        }
        if (server.Success) why.Add($"{entry}: {server.Value.Trim()}");
        if (port is { } found) why.Add($"{entry}: {found.Text}");
        return (new DetectedApp(AppKind.Web, entry, port?.Port, why), command);
    }

    [GeneratedRegex(@"^if\s+__name__\s*==\s*['""]__main__['""]\s*:", RegexOptions.Multiline)]
    private static partial Regex MainGuard();

    [GeneratedRegex(@"^\s*(import|from)\s+(http\.server|socketserver|flask|fastapi|uvicorn|aiohttp|waitress|bottle)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Server();

    [GeneratedRegex(@"environ(\.get\s*\(|\.setdefault\s*\()\s*['""]PORT['""]\s*,\s*['""]?(?<port>\d{1,5})")]
    private static partial Regex EnvironmentPort();

    [GeneratedRegex(@"\b(PORT|port)\s*=\s*(?<port>\d{1,5})\b")]
    private static partial Regex PortAssignment();

    [GeneratedRegex(@"\(\s*['""][\w.:]*['""]\s*,\s*(?<port>\d{2,5})\s*\)")]
    private static partial Regex AddressPort();
}
