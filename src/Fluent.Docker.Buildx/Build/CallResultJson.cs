using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>Reading helpers shared by the <c>--call=…,format=json</c> results: strings, booleans and a location's first line.</summary>
internal static class CallResultJson
{
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>The first line of <c>location.ranges[0].start.line</c> in <paramref name="file"/>; null when the frontend gave none.</summary>
    public static SourceLine? Location(JsonElement element, string file)
    {
        if (!element.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object) return null;
        var range = Array(location, "ranges").FirstOrDefault();
        return range.ValueKind == JsonValueKind.Object && range.TryGetProperty("start", out var start) && start.TryGetProperty("line", out var line) && line.TryGetInt32(out var number)
            ? new SourceLine(file, number)
            : null;
    }

    /// <summary>Parses <paramref name="json"/> (buildx's stdout), naming the call when it is not JSON.</summary>
    public static JsonDocument Parse(string json, string call)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) throw new FormatException($"docker buildx build --call={call},format=json printed no JSON object.");
        try { return JsonDocument.Parse(json[start..]); }
        catch (JsonException e) { throw new FormatException($"docker buildx build --call={call},format=json printed JSON this library cannot read: {e.Message}", e); }
    }
}
