using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// A Node package's start command, kind and port: the <c>start</c> script (<c>node ./bin/www</c>), else <c>main</c>,
/// else the first of <c>bin/www</c>, <c>server.js</c>, <c>app.js</c>, <c>index.js</c>; a server when its code calls
/// <c>listen(</c> or reads <c>PORT</c>; the port from <c>process.env.PORT || 3000</c> or <c>listen(3000</c>. Null when
/// the package has no entry at all (a front-end project: the static-site template serves it).
/// </summary>
internal static partial class NodeAppReader
{
    private static readonly string[] ConventionalEntries = ["bin/www", "server.js", "app.js", "index.js", "server.mjs", "index.mjs"];

    public static (DetectedApp App, string[] Command)? Read(string directory, JsonElement package)
    {
        var why = new List<string>();
        var scripts = package.TryGetProperty("scripts", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var start = scripts.ValueKind == JsonValueKind.Object && scripts.TryGetProperty("start", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var main = package.TryGetProperty("main", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

        string[] command;
        string entry;
        if (start is not null && StartCommand().Match(start) is { Success: true } match)
        {
            command = [match.Groups[1].Value, match.Groups[2].Value];
            entry = match.Groups[2].Value;
            why.Add($"package.json: \"start\": \"{start}\"");
        }
        else if (main is not null && File.Exists(Path.Combine(directory, main)))
        {
            command = ["node", main];
            entry = main;
            why.Add($"package.json: \"main\": \"{main}\"");
        }
        else if (ConventionalEntries.FirstOrDefault(f => File.Exists(Path.Combine(directory, f))) is { } conventional)
        {
            command = ["node", conventional];
            entry = conventional;
            why.Add($"{conventional} exists" + (start is null ? "" : $" (the start script '{start}' is not a plain node command)"));
        }
        else return null;

        var entryPath = Path.Combine(directory, entry);
        var sources = new[] { entryPath }
            .Concat(Directory.EnumerateFiles(directory, "*.js").Concat(Directory.EnumerateFiles(directory, "*.mjs")).Order(StringComparer.Ordinal))
            .Where(File.Exists).Distinct().ToList();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var shown = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (SourcePort.Find(text, PortDefault(), ListenNumber()) is { } port)
            {
                why.Add($"{shown}: {port.Text}");
                return (new DetectedApp(AppKind.Web, entry, port.Port, why), command);
            }
            if (Listen().Match(text) is { Success: true } listen)
            {
                why.Add($"{shown}: {listen.Value.Trim()} (port not written as a number: the template's default)");
                return (new DetectedApp(AppKind.Web, entry, null, why), command);
            }
        }
        why.Add($"{entry}: no listen( call: runs without a port");
        return (new DetectedApp(AppKind.Console, entry, null, why), command);
    }

    [GeneratedRegex(@"^\s*(node|bun|deno)\s+([\w./-]+)\s*$")]
    private static partial Regex StartCommand();

    /// <summary><c>process.env.PORT || '3000'</c>, <c>process.env.PORT ?? 3000</c>.</summary>
    [GeneratedRegex(@"process\.env\.PORT\s*(\|\||\?\?)\s*['""]?(?<port>\d{1,5})['""]?")]
    private static partial Regex PortDefault();

    [GeneratedRegex(@"\.listen\s*\(\s*(?<port>\d{1,5})\b")]
    private static partial Regex ListenNumber();

    [GeneratedRegex(@"\.listen\s*\(")]
    private static partial Regex Listen();
}
