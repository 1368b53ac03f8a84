using System.Globalization;
using System.Text;

namespace Fluent.Docker.Benchmarks;

/// <summary>Markdown tables and the ratio, percent and byte formats of the P1–P4 reports (times: <see cref="Stats"/>).</summary>
public static class Markdown
{
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
        text.Append('|').Append(string.Concat(header.Select(_ => "---|"))).AppendLine();
        foreach (var row in rows) text.Append("| ").Append(string.Join(" | ", row)).AppendLine(" |");
        return text.ToString();
    }

    /// <summary>The goals table that ends a report: one row per goal, met or missed and, when missed, why.</summary>
    public static string Goals(IEnumerable<GoalResult> goals) =>
        Table(["Subject", "Goal", "Measured", "Verdict", "Why, when missed"],
            goals.Select(g => (IReadOnlyList<string>)[g.Subject, g.Goal, g.Measured, g.Verdict, g.Note ?? ""]));

    public static string Ratio(double ratio) => ratio.ToString(ratio >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + "×";

    // + 0.0 turns a rounded -0.0 into 0.0.
    public static string Percent(double fraction) => (Math.Round(fraction * 100, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };
}
