using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Fluent.Docker.Display;

/// <summary>What a finished build shows: a summary table of the images and a chart of each image's layer sizes.</summary>
public static class BuildReport
{
    /// <summary>Image, platforms, size, digest and tags, one row per image.</summary>
    public static Table SummaryTable(IReadOnlyList<BuiltImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        // Image and digest never wrap (an 80-column CI log would split them); the digest shows its first 12 hex digits.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Image").NoWrap()).AddColumn("Platforms").AddColumn(new TableColumn("Size").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Digest").NoWrap()).AddColumn("Tags");
        foreach (var image in images)
            table.AddRow(
                Markup.Escape(image.Name),
                Markup.Escape(string.Join(", ", image.Platforms)),
                BuiltImages.HumanBytes(image.CompressedBytes),
                Markup.Escape(image.Digest.StartsWith("sha256:", StringComparison.Ordinal) && image.Digest.Length > 19 ? image.Digest[7..19] : image.Digest),
                Markup.Escape(string.Join(", ", image.Tags.Select(t => t.Tag))));
        return table;
    }

    /// <summary>A bar per step that added files, oldest first, labelled with its instruction; metadata-only steps left out.</summary>
    public static IRenderable LayerChart(string title, IReadOnlyList<ImageLayer> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var chart = new BarChart().Label(Markup.Escape(title)).Width(100);
        var colors = new[] { Color.Aqua, Color.Green, Color.Yellow, Color.Fuchsia, Color.Orange1 };
        var i = 0;
        foreach (var layer in history.Reverse().Where(l => l.AddsFiles))
            chart.AddItem(Markup.Escape(LayerTable.Shorten(layer.CreatedBy, 40) + " (KiB)"), Math.Round(layer.Size / 1024.0, 1), colors[i++ % colors.Length]);
        return chart;
    }
}
