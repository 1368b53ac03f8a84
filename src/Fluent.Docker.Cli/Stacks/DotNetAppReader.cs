using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// A .NET project's kind, assembly and port from its files: the SDK (<c>Microsoft.NET.Sdk.Web</c> → web,
/// <c>Microsoft.NET.Sdk.Worker</c> → worker), a <c>Microsoft.AspNetCore.App</c> framework reference, <c>OutputType</c>,
/// <c>AssemblyName</c>; the port from <c>UseUrls</c>/<c>ASPNETCORE_URLS</c> in the code (they win over the image's
/// environment), else from <c>Properties/launchSettings.json</c> (its URL variables, then its first http application URL).
/// </summary>
internal static partial class DotNetAppReader
{
    /// <summary>The app, and the assembly its build writes (<c>AssemblyName</c>, else the project file's name).</summary>
    public static (DetectedApp App, string Assembly) Read(string directory, string project)
    {
        var why = new List<string>();
        XElement? root = null;
        try { root = XDocument.Load(Path.Combine(directory, project)).Root; }
        catch (System.Xml.XmlException e) { why.Add($"{project} is not readable XML ({e.Message}); taken as a console app"); }

        var sdks = root is null ? [] : new[] { root.Attribute("Sdk")?.Value }
            .Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => e.Attribute("Name")?.Value))
            .Concat(root.Elements().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Sdk")?.Value))
            .OfType<string>().SelectMany(s => s.Split(';', StringSplitOptions.TrimEntries)).ToList();
        string? Property(string name) => root?.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);
        bool References(string itemType, string include) => root?.Descendants().Any(e => e.Name.LocalName == itemType
            && string.Equals(e.Attribute("Include")?.Value, include, StringComparison.OrdinalIgnoreCase)) ?? false;

        var outputType = Property("OutputType");
        AppKind kind;
        if (sdks.FirstOrDefault(s => s.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)) is { } web)
            (kind, _) = (AppKind.Web, Say(why, $"{project}: Sdk=\"{web}\""));
        else if (References("FrameworkReference", "Microsoft.AspNetCore.App"))
            (kind, _) = (AppKind.Web, Say(why, $"{project}: FrameworkReference Microsoft.AspNetCore.App"));
        else if (sdks.FirstOrDefault(s => s.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)) is { } worker)
            (kind, _) = (AppKind.Worker, Say(why, $"{project}: Sdk=\"{worker}\""));
        else if (References("PackageReference", "Microsoft.Extensions.Hosting") && outputType is not null && outputType.EndsWith("Exe", StringComparison.OrdinalIgnoreCase))
            (kind, _) = (AppKind.Worker, Say(why, $"{project}: OutputType {outputType} with Microsoft.Extensions.Hosting"));
        else
            (kind, _) = (AppKind.Console, Say(why, outputType is null || !outputType.EndsWith("Exe", StringComparison.OrdinalIgnoreCase)
                ? $"{project}: OutputType {outputType ?? "Library (the default)"}: not a program; set <OutputType>Exe</OutputType> to run it"
                : $"{project}: OutputType {outputType}"));

        var assembly = Property("AssemblyName") is { } name && !name.Contains("$(", StringComparison.Ordinal) ? name : Path.GetFileNameWithoutExtension(project);
        if (assembly != Path.GetFileNameWithoutExtension(project)) why.Add($"{project}: AssemblyName {assembly}");
        var port = kind == AppKind.Web ? ReadPort(directory, project, why) : null;
        return (new DetectedApp(kind, project, port, why), assembly);
    }

    private static bool Say(List<string> why, string reason)
    {
        why.Add(reason);
        return true;
    }

    private static Port? ReadPort(string directory, string project, List<string> why)
    {
        var projectDirectory = Path.GetDirectoryName(Path.Combine(directory, project))!;
        foreach (var file in Directory.EnumerateFiles(projectDirectory, "*.cs").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (CodeUrls().Match(text) is { Success: true } match && PortOf(match.Groups["url"].Value) is { } port)
            {
                why.Add($"{Path.GetFileName(file)}: {match.Value.Trim()}");
                return port;
            }
        }

        var settings = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        if (!File.Exists(settings)) return null;
        JsonElement profiles;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(settings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("profiles", out var p) || p.ValueKind != JsonValueKind.Object) return null;
            profiles = p.Clone();
        }
        catch (JsonException) { return null; }

        var projectProfiles = profiles.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && String(p.Value, "commandName") is null or "Project").ToList();
        foreach (var profile in projectProfiles)
            if (profile.Value.TryGetProperty("environmentVariables", out var variables) && variables.ValueKind == JsonValueKind.Object)
                foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" })
                    if (String(variables, name) is { } value && (PortOf(value) ?? PortNumber(value.Split(';')[0])) is { } port)
                    {
                        why.Add($"Properties/launchSettings.json: profile '{profile.Name}' sets {name}={value}");
                        return port;
                    }
        foreach (var profile in projectProfiles)
            if (String(profile.Value, "applicationUrl") is { } urls && urls.Split(';').FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) is { } http && PortOf(http) is { } port)
            {
                why.Add($"Properties/launchSettings.json: profile '{profile.Name}' listens on {http}");
                return port;
            }
        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The port of the first http URL in a <c>;</c>-separated list (<c>http://+:5000;https://…</c>).</summary>
    private static Port? PortOf(string urls) =>
        urls.Split(';').Select(u => UrlPort().Match(u.Trim())).FirstOrDefault(m => m.Success) is { } match ? PortNumber(match.Groups[1].Value) : null;

    private static Port? PortNumber(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536 ? number : null;

    [GeneratedRegex(@"^http://[^/]*:(\d{1,5})(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPort();

    [GeneratedRegex(@"(UseUrls\s*\(\s*|""ASPNETCORE_URLS""\s*,\s*|\.Urls\.Add\s*\(\s*)""(?<url>http://[^""]+)""")]
    private static partial Regex CodeUrls();
}
