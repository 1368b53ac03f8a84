using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// A builder as buildx reports it (<c>docker buildx ls --format json</c>): name, driver, whether it is the current
/// one, and its nodes. <see cref="Buildx.ListBuildersAsync"/> and <see cref="Buildx.InspectBuilderAsync"/> return it.
/// </summary>
/// <param name="Name">The builder's name.</param>
/// <param name="DriverName">The driver as buildx names it (<c>docker</c>, <c>docker-container</c>, …).</param>
/// <param name="IsCurrent">The builder builds run on when none is named.</param>
/// <param name="Nodes">Its nodes.</param>
public sealed record BuilderInfo(string Name, string DriverName, bool IsCurrent, IReadOnlyList<BuilderNodeInfo> Nodes)
{
    /// <summary>The driver, typed; null for one this library does not know.</summary>
    public BuilderDriver? Driver => BuilderArguments.ParseDriver(DriverName);

    /// <summary>True when every node runs (a docker-container builder is inactive until its first build or <c>--bootstrap</c>).</summary>
    public bool IsRunning => Nodes.Count > 0 && Nodes.All(n => n.Status == "running");

    /// <summary>Every node's platforms, each once.</summary>
    public IReadOnlyList<Platform> Platforms => [.. Nodes.SelectMany(n => n.Platforms).Distinct()];

    /// <summary>Parses <c>ls --format json</c> output: one builder object per line.</summary>
    public static IReadOnlyList<BuilderInfo> ParseList(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var builders = new List<BuilderInfo>();
        foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                builders.Add(Parse(document.RootElement));
            }
            catch (JsonException e)
            {
                throw new FormatException($"docker buildx ls printed a line that is not a builder object: {Clip(line)} ({e.Message})", e);
            }
        }
        return builders;
    }

    private static BuilderInfo Parse(JsonElement builder)
    {
        var nodes = builder.TryGetProperty(nameof(Nodes), out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(BuilderNodeInfo.Parse).ToList()
            : [];
        return new BuilderInfo(Text(builder, "Name") ?? throw new FormatException("A builder object has no Name."), Text(builder, "Driver") ?? "",
            builder.TryGetProperty("Current", out var current) && current.ValueKind == JsonValueKind.True, nodes);
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string text) => text.Length > 120 ? text[..120] + "…" : text;

    public override string ToString() =>
        $"{Name} ({DriverName}{(IsCurrent ? ", current" : "")}): " + string.Join("; ", Nodes.Select(n => n.ToString()));
}

/// <summary>One node of a builder: its name, endpoint, status, platforms, BuildKit version, driver options and daemon flags.</summary>
public sealed record BuilderNodeInfo(string Name, string Endpoint, string Status, IReadOnlyList<Platform> Platforms)
{
    /// <summary>The node's BuildKit version; null while it is not running.</summary>
    public string? BuildkitVersion { get; init; }

    /// <summary>Its driver options (<c>--driver-opt</c>), as buildx stored them.</summary>
    public IReadOnlyDictionary<string, string> DriverOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Its BuildKit daemon flags.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The BuildKit daemon configuration buildx keeps for the node (<c>buildkitd.toml</c>, as buildx re-wrote it); null without one.</summary>
    public string? BuildkitdConfig { get; init; }

    /// <summary>buildx's error for the node (it could not be reached), when it reports one.</summary>
    public string? Error { get; init; }

    internal static BuilderNodeInfo Parse(JsonElement node)
    {
        var platforms = node.TryGetProperty(nameof(Platforms), out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => PlatformOrNull(p.GetString())).OfType<Platform>().ToList()
            : [];
        var options = node.TryGetProperty("DriverOpts", out var opts) && opts.ValueKind == JsonValueKind.Object
            ? opts.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.String).ToDictionary(o => o.Name, o => o.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = node.TryGetProperty(nameof(Flags), out var flagList) && flagList.ValueKind == JsonValueKind.Array
            ? flagList.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToList()
            : [];
        string? config = null;
        if (node.TryGetProperty("Files", out var files) && files.ValueKind == JsonValueKind.Object
            && BuilderInfo.Text(files, "buildkitd.toml") is { } encoded)
        {
            try { config = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
            catch (FormatException) { config = null; }
        }
        return new BuilderNodeInfo(BuilderInfo.Text(node, "Name") ?? "", BuilderInfo.Text(node, "Endpoint") ?? "", BuilderInfo.Text(node, "Status") ?? "", platforms)
        {
            BuildkitVersion = BuilderInfo.Text(node, "Version"),
            DriverOptions = options,
            Flags = flags,
            BuildkitdConfig = config,
            Error = BuilderInfo.Text(node, "Err") ?? BuilderInfo.Text(node, "Error"),
        };
    }

    // A platform this library cannot read is left out rather than failing the whole listing.
    private static Platform? PlatformOrNull(string? text)
    {
        try { return text is null ? null : Platform.Parse(text); }
        catch (FormatException) { return null; }
    }

    public override string ToString() =>
        $"{Name} at {Endpoint}, {(Status.Length == 0 ? "unknown" : Status)}" + (Platforms.Count > 0 ? ", " + string.Join(",", Platforms) : "");
}
