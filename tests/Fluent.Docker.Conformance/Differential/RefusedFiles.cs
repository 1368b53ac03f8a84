namespace Fluent.Docker.Conformance.Differential;

/// <summary>A corpus file BuildKit itself refuses: the words of its error and why the file is that way.</summary>
public sealed record RefusedFile(string Name, string Error, string Why);

/// <summary>
/// The corpus files BuildKit cannot read (tests/corpora/buildkit-check-refused.tsv: case, a part of BuildKit's error,
/// why). They are not compared, but each must still be refused with that error: an entry cannot go stale.
/// </summary>
public sealed class RefusedFiles
{
    public const string FileName = "buildkit-check-refused.tsv";

    private readonly Dictionary<string, RefusedFile> _byName;

    private RefusedFiles(IEnumerable<RefusedFile> files) => _byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _byName.Keys;

    public RefusedFile? Find(string name) => _byName.GetValueOrDefault(name);

    public static RefusedFiles Load(string corporaRoot)
    {
        var path = Path.Combine(corporaRoot, FileName);
        var rows = File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => cells.Length == 3 && cells.All(c => c.Trim().Length > 0)
                ? new RefusedFile(cells[0], cells[1], cells[2])
                : throw new FormatException($"{FileName}: every row is 'case<TAB>BuildKit's error<TAB>why': {string.Join("|", cells)}"));
        return new RefusedFiles(rows);
    }
}
