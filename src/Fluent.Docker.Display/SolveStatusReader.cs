using System.Text;
using System.Text.Json;

namespace Fluent.Docker.Display;

/// <summary>
/// Reassembles buildx's <c>--progress=rawjson</c> output, which arrives line by line but is a stream of indented JSON
/// objects (BuildKit's SolveStatus), into whole documents. Lines outside any object (buildx's own <c>ERROR:</c> and
/// warning lines) come back as text.
/// </summary>
public sealed class SolveStatusReader
{
    private readonly StringBuilder _pending = new();
    private int _depth;
    private bool _inString;
    private bool _escaped;

    /// <summary>Feeds one line; returns a finished SolveStatus document, a plain text line, or nothing yet.</summary>
    public SolveStatusItem? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_depth == 0 && !line.TrimStart().StartsWith('{')) return line.Trim().Length == 0 ? null : new SolveStatusItem.Text(line);
        _pending.Append(line).Append('\n');
        foreach (var c in line)
        {
            if (_inString)
            {
                if (_escaped) _escaped = false;
                else if (c == '\\') _escaped = true;
                else if (c == '"') _inString = false;
            }
            else if (c == '"') _inString = true;
            else if (c == '{') _depth++;
            else if (c == '}') _depth--;
        }
        if (_depth > 0) return null;
        var json = _pending.ToString();
        _pending.Clear();
        _depth = 0;
        _inString = false;
        try
        {
            return new SolveStatusItem.Status(SolveStatus.Parse(json));
        }
        catch (JsonException)
        {
            return new SolveStatusItem.Text(json.TrimEnd());
        }
    }
}

/// <summary>What <see cref="SolveStatusReader.Feed"/> produced.</summary>
public abstract record SolveStatusItem
{
    private SolveStatusItem() { }

    public sealed record Status(SolveStatus Value) : SolveStatusItem;
    public sealed record Text(string Line) : SolveStatusItem;
}

/// <summary>One SolveStatus update: the build graph vertices whose state changed, and the log lines of RUN steps.</summary>
public sealed record SolveStatus(IReadOnlyList<SolveVertex> Vertexes, IReadOnlyList<string> Logs)
{
    public static SolveStatus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var vertexes = new List<SolveVertex>();
        if (root.TryGetProperty("vertexes", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var v in list.EnumerateArray())
                vertexes.Add(new SolveVertex(
                    Text(v, "digest") ?? "",
                    Text(v, "name") ?? "",
                    Time(v, "started"),
                    Time(v, "completed"),
                    v.TryGetProperty("cached", out var cached) && cached.ValueKind == JsonValueKind.True,
                    Text(v, "error")));
        var logs = new List<string>();
        if (root.TryGetProperty("logs", out var entries) && entries.ValueKind == JsonValueKind.Array)
            foreach (var entry in entries.EnumerateArray())
                if (Text(entry, "data") is { } data)
                    try { logs.Add(Encoding.UTF8.GetString(Convert.FromBase64String(data)).TrimEnd('\n')); }
                    catch (FormatException) { }
        return new SolveStatus(vertexes, logs);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}

/// <summary>A vertex of the build graph: a Dockerfile step (<c>[linux/arm64 2/5] RUN …</c>), an internal step, or the export.</summary>
public sealed record SolveVertex(string Digest, string Name, DateTimeOffset? Started, DateTimeOffset? Completed, bool Cached, string? Error);
