using System.Text;

namespace Fluent.Docker.Build;

/// <summary>A plain-text table (header, dashes, left-aligned columns two spaces apart) that reads the same in a terminal and a CI log.</summary>
public static class PlainTable
{
    public static string Format(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, col) => Math.Max(h.Length, rows.Select(r => r[col].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Row(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((cell, col) => cell.PadRight(widths[col]))).TrimEnd());
        Row(header);
        Row(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows) Row(row);
        return text.ToString();
    }
}
