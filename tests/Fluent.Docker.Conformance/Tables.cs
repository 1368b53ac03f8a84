namespace Fluent.Docker.Conformance;

/// <summary>One data row of a corpus TSV: its line number and its cells by column name.</summary>
internal sealed record TsvRow(string File, int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var value) ? value : throw new KeyNotFoundException($"{File} has no column '{column}'.");

    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Reads the corpora's TSV tables: '#' lines describe the table; the columns come from a header row, or from a
/// <c># columns: a&lt;TAB&gt;b …</c> comment (then a repeated header row is skipped).
/// </summary>
internal static class Tsv
{
    private const string ColumnsComment = "# columns:";

    public static IReadOnlyList<TsvRow> Read(string path)
    {
        var rows = new List<TsvRow>();
        string[]? header = null;
        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith(ColumnsComment, StringComparison.Ordinal))
            {
                // "pattern<TAB>path<TAB>expected (true|false)": each column is the first word between <TAB>s.
                header = line[ColumnsComment.Length..].Split("<TAB>").Select(c => c.Trim().Split(' ')[0]).ToArray();
                continue;
            }
            if (line.StartsWith('#') || (line.Length == 0 && i == lines.Length - 1)) continue;
            var cells = line.Split('\t');
            if (header is null || (rows.Count == 0 && cells.SequenceEqual(header)))
            {
                header = cells;
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++) row[header[c]] = c < cells.Length ? cells[c] : "";
            rows.Add(new TsvRow(Path.GetFileName(path), i + 1, row));
        }
        return rows;
    }
}

/// <summary>A corpus made of one TSV table; each row is a case.</summary>
internal abstract class TableCorpus(string folder, string file, string? name = null) : ICorpus
{
    public string Name => name ?? $"{folder}/{Path.GetFileNameWithoutExtension(file)}";

    public CorpusResult Run(string corporaRoot) =>
        CorpusResult.From(Tsv.Read(Path.Combine(corporaRoot, folder, file)), row => row.ToString(), Check);

    /// <summary>Null when the row holds; else what differs.</summary>
    protected abstract string? Check(TsvRow row);
}

/// <summary>Small assertion helpers that return the failure text instead of throwing.</summary>
internal static class Expect
{
    public static string? Same<T>(string what, T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"{what}: expected '{expected}', got '{actual}'";

    public static string? True(bool condition, string failure) => condition ? null : failure;

    /// <summary>The first failure, or null when every check held.</summary>
    public static string? All(params string?[] checks) => checks.FirstOrDefault(c => c is not null);

    /// <summary>Runs <paramref name="action"/> and returns the exception of type <typeparamref name="T"/> it threw, or null.</summary>
    public static T? Throws<T>(Action action) where T : Exception
    {
        try
        {
            action();
            return null;
        }
        catch (T e)
        {
            return e;
        }
    }
}
