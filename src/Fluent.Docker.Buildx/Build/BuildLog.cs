using System.Globalization;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Build;

/// <summary>How a build step ended in buildx's plain progress output.</summary>
public enum BuildStepStatus { Unknown, Cached, Done, Error }

/// <summary>
/// One step of a build as buildx's plain progress shows it: <c>#12 [runtime 5/8] COPY . .</c> then <c>#12 CACHED</c> or
/// <c>#12 DONE 0.3s</c>. <see cref="Label"/> is the bracketed part (<c>runtime 5/8</c>, <c>linux/arm64 build 3/6</c>,
/// <c>internal</c>; empty for steps such as <c>exporting to image</c>); <see cref="Text"/> is the rest (the
/// instruction, or what BuildKit is doing).
/// </summary>
public sealed record BuildStep(int Vertex, string Label, string Text, BuildStepStatus Status, TimeSpan? Duration)
{
    /// <summary>True when the step ran (not taken from the cache).</summary>
    public bool Ran => Status is BuildStepStatus.Done or BuildStepStatus.Error;
}

/// <summary>
/// What a build did, read from buildx's <c>--progress=plain</c> lines (<see cref="ProgressMode.Plain"/>, the default of
/// <see cref="BuildRequest"/>): which steps ran and which came from the cache, and how many bytes of build context were
/// sent. Collect the lines with <see cref="BuildLogRecorder"/>.
/// </summary>
public sealed partial class BuildLog
{
    private BuildLog(IReadOnlyList<BuildStep> steps, long? contextBytes)
    {
        Steps = steps;
        ContextBytes = contextBytes;
    }

    /// <summary>Every step, in the order buildx first printed it.</summary>
    public IReadOnlyList<BuildStep> Steps { get; }

    /// <summary>
    /// Bytes of build context sent to BuildKit (<c>[internal] load build context</c> → <c>transferring context: 1.2MB done</c>),
    /// as buildx rounds them (about 4 significant digits); null when the log has no context transfer.
    /// </summary>
    public long? ContextBytes { get; }

    /// <summary>Steps whose instruction text contains <paramref name="text"/> (ordinal), e.g. <c>"pip install"</c>.</summary>
    public IReadOnlyList<BuildStep> StepsRunning(string text) =>
        Steps.Where(s => s.Text.Contains(text, StringComparison.Ordinal)).ToList();

    public static BuildLog Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var order = new List<int>();
        var names = new Dictionary<int, (string Label, string Text)>();
        var status = new Dictionary<int, (BuildStepStatus Status, TimeSpan? Duration)>();
        long? contextBytes = null;
        foreach (var line in lines)
        {
            if (StepLine().Match(line) is not { Success: true } match) continue;
            var vertex = int.Parse(match.Groups["vertex"].Value, CultureInfo.InvariantCulture);
            if (vertex == 0) continue; // buildx's own lines ("#0 building with …"), not a build step
            var rest = match.Groups["rest"].Value;
            // The first line of a vertex is its name: "[label] text", or just text ("exporting to image").
            if (!names.ContainsKey(vertex))
            {
                names[vertex] = Named().Match(rest) is { Success: true } named ? (named.Groups["label"].Value, named.Groups["text"].Value) : ("", rest);
                order.Add(vertex);
            }
            else if (rest == "CACHED") status[vertex] = (BuildStepStatus.Cached, null);
            else if (Done().Match(rest) is { Success: true } done)
                status[vertex] = (BuildStepStatus.Done, TimeSpan.FromSeconds(double.Parse(done.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
            else if (rest.StartsWith("ERROR", StringComparison.Ordinal)) status[vertex] = (BuildStepStatus.Error, null);
            else if (names.TryGetValue(vertex, out var owner) && owner is { Label: "internal", Text: "load build context" }
                     && Transfer().Match(rest) is { Success: true } transfer)
                contextBytes = Bytes(transfer.Groups["size"].Value, transfer.Groups["unit"].Value);
        }
        var steps = order.Select(v =>
        {
            var (label, text) = names[v];
            var (state, duration) = status.GetValueOrDefault(v, (BuildStepStatus.Unknown, null));
            return new BuildStep(v, label, text, state, duration);
        }).ToList();
        return new BuildLog(steps, contextBytes);
    }

    // go-units HumanSize: decimal units.
    private static long Bytes(string size, string unit) =>
        (long)Math.Round(double.Parse(size, CultureInfo.InvariantCulture) * unit switch
        {
            "B" => 1d,
            "kB" or "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            _ => throw new FormatException($"Unknown size unit '{unit}' in buildx output."),
        });

    [GeneratedRegex(@"^#(?<vertex>\d+) (?<rest>.*?)\s*$")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^\[(?<label>[^\]]+)\] (?<text>.+)$")]
    private static partial Regex Named();

    [GeneratedRegex(@"^DONE (?<seconds>\d+(?:\.\d+)?)s$")]
    private static partial Regex Done();

    [GeneratedRegex(@"^transferring context: (?<size>\d+(?:\.\d+)?)(?<unit>[kKMGT]?B)\b.*\bdone$")]
    private static partial Regex Transfer();
}

/// <summary>
/// Collects a build's output lines in order, synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread
/// pool and may reorder them); pass it as the log of <see cref="Buildx.BuildAsync"/>, then read <see cref="Log"/>.
/// </summary>
public sealed class BuildLogRecorder : IProgress<string>
{
    private readonly List<string> _lines = [];
    private readonly IProgress<string>? _next;

    /// <param name="next">Also receives every line (e.g. a console log).</param>
    public BuildLogRecorder(IProgress<string>? next = null) => _next = next;

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public void Report(string value)
    {
        lock (_lines) _lines.Add(value);
        _next?.Report(value);
    }

    public BuildLog Log => BuildLog.Parse(Lines);
}
