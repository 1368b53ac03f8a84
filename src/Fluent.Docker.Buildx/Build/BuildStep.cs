using System.Globalization;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Build;

/// <summary>Where a build step is: queued or running, or how it ended.</summary>
public enum StepState { Running, Done, Cached, Failed, Canceled }

/// <summary>
/// One step of a build: a vertex of BuildKit's graph, named as buildx shows it. <c>[linux/arm64 build 2/5] RUN make</c>
/// is step 2 of 5 of stage <c>build</c> for linux/arm64; bake prefixes the target (<c>[api linux/arm64 build 2/5]</c>).
/// Steps outside the Dockerfile's instructions (<c>[internal] load …</c>, <c>exporting to image</c>) have no
/// <see cref="Index"/>. <see cref="State"/> and <see cref="Duration"/> are as of the event that carries the step.
/// </summary>
/// <param name="Vertex">BuildKit's digest of the vertex: the step's identity within one build.</param>
/// <param name="Name">The vertex name as buildx prints it.</param>
/// <param name="Target">The bake target; null for <c>buildx build</c>.</param>
/// <param name="Platform">
/// The platform the step builds for; null when the build has one platform. A cross-compiling stage
/// (<c>linux/amd64-&gt;arm64</c>) runs on the build platform for the target platform: this is the target one.
/// </param>
/// <param name="Stage">The stage name, when the Dockerfile names it.</param>
/// <param name="Index">The step's number among the target's Dockerfile steps (<c>2</c> of <c>2/5</c>); null for other steps.</param>
/// <param name="Total">How many Dockerfile steps the target has (<c>5</c> of <c>2/5</c>).</param>
/// <param name="Instruction">The name without its bracketed label: the instruction, or what BuildKit is doing.</param>
public sealed partial record BuildStep(string Vertex, string Name, string? Target, Platform? Platform, string? Stage, int? Index, int? Total, string Instruction)
{
    public StepState State { get; init; }

    /// <summary>From start to end; null while running, and for steps the vertex reports no times for.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>True for BuildKit's own work around the Dockerfile (<c>[internal] load …</c>).</summary>
    public bool IsInternal { get; init; }

    /// <summary>True when the step ran (not taken from the cache).</summary>
    public bool Ran => State is StepState.Done or StepState.Failed;

    /// <summary>A step of a plain build as its vertex <paramref name="name"/> describes it, running.</summary>
    public static BuildStep FromVertex(string vertex, string name) => FromVertex(vertex, name, bake: false);

    /// <summary>
    /// Reads the bracketed label. In a bake the first word is the target; in a build it is the stage (both print
    /// <c>[word 1/2]</c>), which is why the caller says which one ran.
    /// </summary>
    public static BuildStep FromVertex(string vertex, string name, bool bake)
    {
        ArgumentNullException.ThrowIfNull(vertex);
        ArgumentNullException.ThrowIfNull(name);
        if (Label().Match(name) is not { Success: true } match) return new BuildStep(vertex, name, null, null, null, null, null, name);

        var words = match.Groups["label"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int? index = null, total = null;
        var isInternal = false;
        if (words.Count > 0 && StepNumber().Match(words[^1]) is { Success: true } number)
        {
            index = int.Parse(number.Groups["index"].Value, CultureInfo.InvariantCulture);
            total = int.Parse(number.Groups["total"].Value, CultureInfo.InvariantCulture);
            words.RemoveAt(words.Count - 1);
        }
        else if (words.Count > 0 && words[^1] == "internal")
        {
            isInternal = true;
            words.RemoveAt(words.Count - 1);
        }

        var at = words.FindIndex(w => PlatformWord().IsMatch(w));
        var platform = at < 0 ? null : PlatformOf(words[at]);
        var before = at < 0 ? words : words[..at];
        var after = at < 0 ? [] : words[(at + 1)..];
        string? target = null, stage = null;
        if (bake && before.Count > 0) { target = before[0]; before = before[1..]; }
        stage = after.Concat(before).FirstOrDefault();
        return new BuildStep(vertex, name, target, platform, stage, index, total, match.Groups["rest"].Value) { IsInternal = isInternal };
    }

    // "linux/amd64", "linux/arm/v7", and "linux/amd64->arm64" (a stage that runs on amd64 and builds for arm64).
    private static Platform? PlatformOf(string word)
    {
        var arrow = word.IndexOf("->", StringComparison.Ordinal);
        var text = arrow < 0 ? word : word[..(word.IndexOf('/') + 1)] + word[(arrow + 2)..];
        try
        {
            return Platform.Parse(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>As buildx names the step, then how it stands: <c>[2/3] RUN make done 1.5s</c>, <c>… CACHED</c>, <c>… ERROR</c>.</summary>
    public override string ToString()
    {
        var state = State switch
        {
            StepState.Cached => "CACHED",
            StepState.Failed => "ERROR",
            StepState.Canceled => "CANCELED",
            StepState.Done => Duration is { } d ? $"done {d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s" : "done",
            _ => "…",
        };
        return $"{Name} {state}";
    }

    [GeneratedRegex(@"^\[(?<label>[^\]]*)\]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?<index>\d+)/(?<total>\d+)$")]
    private static partial Regex StepNumber();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*/[a-z0-9_-]+(?:/[a-z0-9_-]+)?(?:->[a-z0-9_-]+(?:/[a-z0-9_-]+)?)?$")]
    private static partial Regex PlatformWord();
}
