using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Build;

/// <summary>
/// Reads buildx's <c>--progress=rawjson</c> output, line by line, into <see cref="BuildEvent"/>s: the one place that
/// knows its shape. Each JSON object is a BuildKit SolveStatus (<c>client/graph.go</c>): vertexes whose state changed,
/// statuses (bytes transferred), logs (base64 output of RUN steps, by stream) and warnings. buildx prints one object
/// per line (older versions indent them over several lines; both are read). After the objects come buildx's own text
/// lines: on failure a Dockerfile excerpt headed <c>Dockerfile:4</c> and the <c>ERROR:</c> line.
/// </summary>
/// <remarks>
/// A failed step is reported when buildx's <c>ERROR:</c> line arrives (or at <see cref="Complete"/>), so that it can
/// carry the Dockerfile line of the excerpt. Not thread-safe: feed it from one thread at a time.
/// </remarks>
public sealed partial class BuildEventParser
{
    /// <summary>How many of its own output lines a failed step keeps.</summary>
    public const int LastOutputLines = 12;

    /// <summary>How many of buildx's text lines (outside the JSON) <see cref="TextTail"/> keeps.</summary>
    public const int TextTailLines = 40;

    private readonly bool _bake;
    private readonly StringBuilder _pendingJson = new();
    private int _depth;
    private bool _inString;
    private bool _escaped;

    private readonly Dictionary<string, BuildStep> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VertexOutput> _output = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contextReported = new(StringComparer.Ordinal);
    private readonly HashSet<(string Vertex, string Id, bool Completed)> _statusesReported = [];
    private readonly List<(BuildStep Step, string Error)> _pendingFailures = [];
    private readonly List<BuildEvent.StepFailed> _failures = [];
    private readonly Queue<string> _text = new();
    private SourceLine? _excerptLocation;
    private bool _inExcerpt;

    /// <param name="bake">True for <c>buildx bake</c> output, whose step labels start with the target's name.</param>
    public BuildEventParser(bool bake = false) => _bake = bake;

    /// <summary>The steps that failed so far (reported).</summary>
    public IReadOnlyList<BuildEvent.StepFailed> Failures => [.. _failures];

    /// <summary>buildx's last text lines outside the JSON stream (the excerpt and the <c>ERROR:</c> line on failure).</summary>
    public string TextTail => string.Join(Environment.NewLine, _text);

    /// <summary>Reads every line of <paramref name="lines"/>, then completes: all events, in order.</summary>
    public static IReadOnlyList<BuildEvent> ParseAll(IEnumerable<string> lines, bool bake = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parser = new BuildEventParser(bake);
        var events = new List<BuildEvent>();
        foreach (var line in lines) events.AddRange(parser.Feed(line));
        events.AddRange(parser.Complete());
        return events;
    }

    /// <summary>Reads one line of output; returns the events it completes (often none).</summary>
    public IReadOnlyList<BuildEvent> Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var events = new List<BuildEvent>();
        if (_depth == 0 && !line.TrimStart().StartsWith('{'))
        {
            Text(line, events);
            return events;
        }
        _pendingJson.Append(line).Append('\n');
        Scan(line);
        if (_depth > 0) return events;
        var json = _pendingJson.ToString();
        ResetJson();
        try
        {
            using var document = JsonDocument.Parse(json);
            SolveStatus(document.RootElement, events);
        }
        catch (JsonException)
        {
            foreach (var text in json.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Text(text, events);
        }
        return events;
    }

    /// <summary>The output ended: unfinished log lines, and failures buildx printed no <c>ERROR:</c> line for.</summary>
    public IReadOnlyList<BuildEvent> Complete()
    {
        var events = new List<BuildEvent>();
        if (_pendingJson.Length > 0)
        {
            var json = _pendingJson.ToString();
            ResetJson();
            foreach (var text in json.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Text(text, events);
        }
        foreach (var vertex in _output.Keys.ToList()) FlushOutput(vertex, events);
        ReportFailures(null, events);
        return events;
    }

    // ---- JSON framing: count braces outside strings, so an object may span lines and strings may hold braces.

    private void Scan(string line)
    {
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
        _escaped = false; // a JSON string never continues over a line break
    }

    private void ResetJson()
    {
        _pendingJson.Clear();
        _depth = 0;
        _inString = false;
        _escaped = false;
    }

    // ---- SolveStatus

    private void SolveStatus(JsonElement root, List<BuildEvent> events)
    {
        foreach (var vertex in ArrayOf(root, "vertexes")) Vertex(vertex, events);
        foreach (var status in ArrayOf(root, "statuses")) VertexStatus(status, events);
        foreach (var log in ArrayOf(root, "logs")) Log(log, events);
        foreach (var warning in ArrayOf(root, "warnings")) Warning(warning, events);
    }

    private void Vertex(JsonElement vertex, List<BuildEvent> events)
    {
        var digest = StringOf(vertex, "digest") ?? "";
        var started = TimeOf(vertex, "started");
        var completed = TimeOf(vertex, "completed");
        var cached = vertex.TryGetProperty("cached", out var c) && c.ValueKind == JsonValueKind.True;
        var error = StringOf(vertex, "error");
        if (started is null && !cached)
        {
            // Queued: known by name for the logs that follow, not yet an event.
            if (!_steps.ContainsKey(digest)) _steps[digest] = Step(digest, StringOf(vertex, "name") ?? "");
            return;
        }
        var state = error is { Length: > 0 } ? (IsCancellation(error) ? StepState.Canceled : StepState.Failed)
            : cached ? StepState.Cached
            : completed is not null ? StepState.Done
            : StepState.Running;
        // Only changes are events; a finished vertex that BuildKit starts again (shared by two requests) stays finished.
        _steps.TryGetValue(digest, out var previous);
        if (previous is not null && _reported.Contains(digest) && (previous.State == state || state == StepState.Running)) return;
        // A step from a remote cache (--cache-from) is reported cached, then started and completed again without "cached"
        // while BuildKit pulls its layers for the steps after it: it did not run, so it stays cached.
        if (previous is { State: StepState.Cached } && _reported.Contains(digest) && state == StepState.Done) return;
        var step = Step(digest, StringOf(vertex, "name") ?? previous?.Name ?? "") with
        {
            State = state,
            Duration = started is { } s && completed is { } e ? e - s : null,
        };
        _steps[digest] = step;
        _reported.Add(digest);
        if (state != StepState.Running) FlushOutput(digest, events);
        switch (state)
        {
            case StepState.Running: events.Add(new BuildEvent.StepStarted(step)); break;
            case StepState.Cached: events.Add(new BuildEvent.StepCached(step)); break;
            case StepState.Done: events.Add(new BuildEvent.StepCompleted(step)); break;
            case StepState.Canceled: events.Add(new BuildEvent.StepCanceled(step)); break;
            case StepState.Failed: _pendingFailures.Add((step, error!)); break;
        }
    }

    private BuildStep Step(string digest, string name) => BuildStep.FromVertex(digest, name, _bake);

    // buildx prints a vertex stopped by another's failure as CANCELED: its error ends in "context canceled".
    private static bool IsCancellation(string error) => error.EndsWith("context canceled", StringComparison.Ordinal);

    // A status is reported when it first appears and when it completes, not at every byte in between.
    private void VertexStatus(JsonElement status, List<BuildEvent> events)
    {
        var digest = StringOf(status, "vertex") ?? "";
        var id = StringOf(status, "id") ?? "";
        var completed = TimeOf(status, "completed") is not null;
        var current = status.TryGetProperty("current", out var c) && c.TryGetInt64(out var n) ? n : 0;
        long? total = status.TryGetProperty("total", out var t) && t.TryGetInt64(out var m) ? m : null;
        if (!_steps.TryGetValue(digest, out var step)) _steps[digest] = step = Step(digest, "");
        if (_statusesReported.Add((digest, id, completed)))
            events.Add(new BuildEvent.StepStatus(step, id, current, total, completed));

        // "[internal] load build context" reports "transferring context:" with the bytes sent so far; the final count
        // arrives with "completed". (The same id on "load .dockerignore" is the ignore file, not the context.)
        if (completed && id.StartsWith("transferring context", StringComparison.Ordinal)
            && step.Instruction.EndsWith("load build context", StringComparison.Ordinal) && _contextReported.Add(digest))
            events.Add(new BuildEvent.ContextTransferred(current));
    }

    private void Log(JsonElement log, List<BuildEvent> events)
    {
        var digest = StringOf(log, "vertex") ?? "";
        var stream = log.TryGetProperty("stream", out var s) && s.TryGetInt32(out var n) && n == 2 ? LogStream.StandardError : LogStream.StandardOutput;
        if (BytesOf(log, "data") is not { } data) return;
        if (!_output.TryGetValue(digest, out var output)) _output[digest] = output = new VertexOutput();
        var text = output.Decode(stream, data);
        while (text.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0)
        {
            EmitLine(digest, stream, text[..end], events);
            text = text[(end + 1)..];
        }
        output.Keep(stream, text);
    }

    private void FlushOutput(string digest, List<BuildEvent> events)
    {
        if (!_output.TryGetValue(digest, out var output)) return;
        foreach (var (stream, rest) in output.TakePartial()) EmitLine(digest, stream, rest, events);
    }

    private void EmitLine(string digest, LogStream stream, string line, List<BuildEvent> events)
    {
        line = line.TrimEnd('\r');
        line = line[(line.LastIndexOf('\r') + 1)..]; // a progress bar redrawn with \r: its last state
        if (!_steps.TryGetValue(digest, out var step)) _steps[digest] = step = Step(digest, "");
        _output[digest].Remember(line);
        events.Add(new BuildEvent.StepLog(step, stream, line));
    }

    private static void Warning(JsonElement warning, List<BuildEvent> events)
    {
        var message = Decode(BytesOf(warning, "short")).Trim();
        var detail = ArrayOf(warning, "detail").Select(d => d.ValueKind == JsonValueKind.String && d.TryGetBytesFromBase64(out var b) ? Decode(b).Trim() : "").Where(d => d.Length > 0).ToList();
        var url = StringOf(warning, "url") is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        SourceLine? location = null;
        if (warning.TryGetProperty("sourceInfo", out var source) && source.ValueKind == JsonValueKind.Object && StringOf(source, "filename") is { } file
            && ArrayOf(warning, "range").FirstOrDefault() is { ValueKind: JsonValueKind.Object } range
            && range.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Object
            && start.TryGetProperty("line", out var line) && line.TryGetInt32(out var number))
            location = new SourceLine(file, number);
        events.Add(new BuildEvent.Warning(message, detail, url, location));
    }

    // ---- buildx's own text

    private void Text(string line, List<BuildEvent> events)
    {
        if (line.Trim().Length == 0) return;
        _text.Enqueue(line);
        if (_text.Count > TextTailLines) _text.Dequeue();

        if (ExcerptHeader().Match(line) is { Success: true } header)
        {
            _excerptLocation = new SourceLine(header.Groups["file"].Value, int.Parse(header.Groups["line"].Value, CultureInfo.InvariantCulture));
            _inExcerpt = true;
            return;
        }
        if (_inExcerpt && (line.StartsWith("----", StringComparison.Ordinal) || ExcerptLine().IsMatch(line))) return;
        _inExcerpt = false;
        if (line.StartsWith("ERROR: ", StringComparison.Ordinal))
        {
            var message = line["ERROR: ".Length..];
            ReportFailures(message, events);
            events.Add(new BuildEvent.BuildFailed(message, _excerptLocation));
            _excerptLocation = null;
            return;
        }
        events.Add(new BuildEvent.Output(line));
    }

    // buildx's ERROR line quotes the error of the step its excerpt shows: that step gets the excerpt's line.
    private void ReportFailures(string? errorLine, List<BuildEvent> events)
    {
        foreach (var (step, error) in _pendingFailures)
        {
            FlushOutput(step.Vertex, events);
            var location = errorLine is not null && errorLine.Contains(error, StringComparison.Ordinal) ? _excerptLocation : null;
            var failed = new BuildEvent.StepFailed(step, error, location, _output.TryGetValue(step.Vertex, out var output) ? output.Last : []);
            _failures.Add(failed);
            events.Add(failed);
        }
        _pendingFailures.Clear();
    }

    // ---- JSON helpers

    private static IEnumerable<JsonElement> ArrayOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? BytesOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes) ? bytes : null;

    private static string Decode(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    // Go writes RFC 3339 with nanoseconds; .NET reads at most 7 fractional digits.
    private static DateTimeOffset? TimeOf(JsonElement element, string name)
    {
        if (StringOf(element, name) is not { } text) return null;
        var match = Timestamp().Match(text);
        if (match.Success && match.Groups["fraction"].Length > 7)
            text = text[..match.Groups["fraction"].Index] + match.Groups["fraction"].Value[..7] + text[(match.Groups["fraction"].Index + match.Groups["fraction"].Length)..];
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    [GeneratedRegex(@"\.(?<fraction>\d+)")]
    private static partial Regex Timestamp();

    // "Dockerfile:4", "build/Dockerfile.api:12"
    [GeneratedRegex(@"^(?<file>\S(?:.*\S)?):(?<line>\d+)$")]
    private static partial Regex ExcerptHeader();

    // "   3 | >>> RUN make", "   4 |     CMD x"
    [GeneratedRegex(@"^\s*\d+ \|")]
    private static partial Regex ExcerptLine();

    /// <summary>A vertex's output: an unfinished line per stream (UTF-8 may split across chunks) and its last lines.</summary>
    private sealed class VertexOutput
    {
        private readonly Dictionary<LogStream, (Decoder Decoder, string Partial)> _streams = [];
        private readonly Queue<string> _last = new();

        public IReadOnlyList<string> Last => [.. _last];

        public string Decode(LogStream stream, byte[] data)
        {
            if (!_streams.TryGetValue(stream, out var state)) state = (Encoding.UTF8.GetDecoder(), "");
            var chars = new char[state.Decoder.GetCharCount(data, 0, data.Length)];
            state.Decoder.GetChars(data, 0, data.Length, chars, 0);
            _streams[stream] = (state.Decoder, "");
            return state.Partial + new string(chars);
        }

        public void Keep(LogStream stream, string partial) => _streams[stream] = (_streams[stream].Decoder, partial);

        public IEnumerable<(LogStream Stream, string Partial)> TakePartial()
        {
            var partial = _streams.Where(s => s.Value.Partial.Length > 0).Select(s => (s.Key, s.Value.Partial)).ToList();
            foreach (var (stream, _) in partial) Keep(stream, "");
            return partial;
        }

        public void Remember(string line)
        {
            _last.Enqueue(line);
            if (_last.Count > LastOutputLines) _last.Dequeue();
        }
    }
}
