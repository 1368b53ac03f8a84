using System.Globalization;
using System.Text;

namespace Fluent.Docker.Cli.Output;

/// <summary>
/// A unified diff (<c>diff -u</c> layout: <c>---</c>/<c>+++</c> headers, <c>@@ -a,b +c,d @@</c> hunks with three lines
/// of context) of two texts, line by line, from a longest common subsequence. Meant for generated files of modest size.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string? before, string after, string beforeLabel, string afterLabel)
    {
        var a = SplitLines(before ?? "");
        var b = SplitLines(after);
        if (before == after) return "";
        var edits = Edits(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(before is null ? "/dev/null" : beforeLabel).Append('\n');
        text.Append("+++ ").Append(afterLabel).Append('\n');

        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ') { i++; continue; }
            // A hunk: from Context lines before this change to Context lines after the last change that lies within 2*Context.
            var start = Math.Max(0, i - Context);
            var end = i;
            while (true)
            {
                var next = end + 1;
                while (next < edits.Count && edits[next].Kind == ' ') next++;
                if (next < edits.Count && next - end - 1 <= 2 * Context) { end = next; continue; }
                break;
            }
            var stop = Math.Min(edits.Count, end + 1 + Context);
            var hunk = edits.Skip(start).Take(stop - start).ToList();
            var aStart = hunk.FirstOrDefault(e => e.Kind != '+')?.ALine ?? FollowingA(edits, start);
            var bStart = hunk.FirstOrDefault(e => e.Kind != '-')?.BLine ?? FollowingB(edits, start);
            var aCount = hunk.Count(e => e.Kind != '+');
            var bCount = hunk.Count(e => e.Kind != '-');
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(aStart, aCount)} +{Range(bStart, bCount)} @@\n");
            foreach (var edit in hunk) text.Append(edit.Kind).Append(edit.Text).Append('\n');
            i = stop;
        }
        return text.ToString();
    }

    // diff -u writes an empty range as "n,0" where n is the line before it.
    private static string Range(int start, int count) => count == 1 ? $"{start}" : count == 0 ? $"{start - 1},0" : $"{start},{count}";

    private static int FollowingA(List<Edit> edits, int from) => edits.Skip(from).FirstOrDefault(e => e.Kind != '+')?.ALine ?? edits.Where(e => e.Kind != '+').Select(e => e.ALine + 1).DefaultIfEmpty(1).Max();
    private static int FollowingB(List<Edit> edits, int from) => edits.Skip(from).FirstOrDefault(e => e.Kind != '-')?.BLine ?? edits.Where(e => e.Kind != '-').Select(e => e.BLine + 1).DefaultIfEmpty(1).Max();

    private sealed record Edit(char Kind, string Text, int ALine, int BLine);

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        if (text.EndsWith('\n')) return lines[..^1];
        // The marker belongs to the last line, so a missing final newline is a difference of its own.
        lines[^1] += "\n\\ No newline at end of file";
        return lines;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // lcs[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { edits.Add(new Edit(' ', a[x], x + 1, y + 1)); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { edits.Add(new Edit('-', a[x], x + 1, y + 1)); x++; }
            else { edits.Add(new Edit('+', b[y], x + 1, y + 1)); y++; }
        }
        return edits;
    }
}
