using Fluent.Docker.Build;

namespace Fluent.Docker.Engine;

/// <summary>One entry of an image's history (<c>docker history</c>): the instruction that made it and the bytes it added.</summary>
/// <param name="Id">The image id of that step, or <c>&lt;missing&gt;</c> for steps the engine did not build itself.</param>
/// <param name="CreatedBy">The instruction, as the builder recorded it (e.g. <c>RUN /bin/sh -c make # buildkit</c>).</param>
/// <param name="Created">When the step ran (SOURCE_DATE_EPOCH when the build set one).</param>
/// <param name="Size">Uncompressed bytes the step added; 0 for metadata-only steps (ENV, LABEL, …).</param>
/// <param name="Comment">The builder's note, e.g. <c>buildkit.dockerfile.v0</c>.</param>
public sealed record ImageLayer(string Id, DateTimeOffset Created, string CreatedBy, long Size, string? Comment)
{
    /// <summary>True when the step added files (a layer), not only metadata.</summary>
    public bool AddsFiles => Size > 0;
}

/// <summary>Renders an image's history as a plain table, oldest step first, with each step's share of the size.</summary>
public static class LayerTable
{
    public static string Format(IReadOnlyList<ImageLayer> history, int instructionWidth = 70)
    {
        ArgumentNullException.ThrowIfNull(history);
        var total = history.Sum(l => l.Size);
        var rows = history.Reverse().Select((layer, i) => new[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            BuiltImages.HumanBytes(layer.Size),
            total == 0 ? "0%" : Math.Round(100.0 * layer.Size / total).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%",
            Shorten(layer.CreatedBy, instructionWidth),
        }).ToList();
        return PlainTable.Format(["STEP", "SIZE", "SHARE", "CREATED BY"], rows)
            + $"total {BuiltImages.HumanBytes(total)} in {history.Count(l => l.AddsFiles)} layer(s), {history.Count} step(s){Environment.NewLine}";
    }

    /// <summary>A history entry as one line in Dockerfile words (BuildKit's recorded forms made readable), cut to <paramref name="width"/> characters.</summary>
    public static string Shorten(string createdBy, int width)
    {
        var text = HistoryText.Readable(createdBy);
        if (text.Length == 0) text = "(base image layer)"; // imported layers record no instruction
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }
}
