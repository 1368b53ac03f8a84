namespace Fluent.Docker.Conformance;

/// <summary>
/// One peer test corpus (BuildKit's parser goldens, distribution/reference tables, …) run against our code.
/// Every implementation is found by reflection, printed by <c>./build.sh --target=Conformance</c> as
/// <c>NAME: passed/total</c>, and asserted at 100% by the test suite.
/// </summary>
public interface ICorpus
{
    /// <summary>Short stable name, e.g. <c>buildkit-parser</c>.</summary>
    string Name { get; }

    /// <summary>Runs every case under <paramref name="corporaRoot"/> (the repo's tests/corpora folder).</summary>
    CorpusResult Run(string corporaRoot);
}

/// <summary>How many cases passed, and a line per failed case saying which and why.</summary>
public sealed record CorpusResult(int Passed, int Total, IReadOnlyList<string> Failures)
{
    public bool Complete => Passed == Total && Total > 0;

    /// <summary>Runs each case; a case passes when <paramref name="check"/> returns null, else its text is the failure.</summary>
    public static CorpusResult From<T>(IEnumerable<T> cases, Func<T, string> describe, Func<T, string?> check)
    {
        var failures = new List<string>();
        var total = 0;
        foreach (var item in cases)
        {
            total++;
            string? failure;
            try { failure = check(item); }
            catch (Exception e) { failure = $"threw {e.GetType().Name}: {e.Message}"; }
            if (failure is not null) failures.Add($"{describe(item)}: {failure}");
        }
        return new CorpusResult(total - failures.Count, total, failures);
    }
}

public static class Corpora
{
    /// <summary>Every corpus in this assembly, by name.</summary>
    public static IReadOnlyList<ICorpus> All { get; } = typeof(ICorpus).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICorpus).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ICorpus)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>tests/corpora, found from the working directory or the assembly location.</summary>
    public static string FindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Environment.CurrentDirectory, AppContext.BaseDirectory }.Where(o => o is not null))
            for (var directory = new DirectoryInfo(origin!); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "corpora");
                if (Directory.Exists(candidate)) return candidate;
            }
        throw new DirectoryNotFoundException("tests/corpora not found above the working directory.");
    }
}
