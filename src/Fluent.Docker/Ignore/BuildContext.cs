using System.Buffers;

namespace Fluent.Docker;

/// <summary>One file of a build context: its slash-separated path from the context root, and its size in bytes.</summary>
public sealed record ContextFile(string Path, long Bytes);

/// <summary>
/// What a local build context sends to BuildKit, walked the way buildx/fsutil walk it: directories in name order,
/// symbolic links sent as links (never followed, 0 bytes), an excluded directory skipped unless an exception
/// (<c>!pattern</c>) may re-include something inside it, and each path decided with its parent's pattern results.
/// </summary>
public static class BuildContext
{
    /// <summary>Every file and symbolic link under <paramref name="directory"/> that reaches the builder with <paramref name="ignore"/> (all of them when null).</summary>
    public static IEnumerable<ContextFile> Files(string directory, DockerIgnore? ignore = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var root = new DirectoryInfo(directory);
        if (!root.Exists) throw new DirectoryNotFoundException($"The build context '{directory}' does not exist.");
        var matcher = (ignore ?? DockerIgnore.Empty).Compile();
        return Walk(root, "", matcher.Patterns.Count == 0 ? null : new Filter(matcher), []);
    }

    private static IEnumerable<ContextFile> Walk(DirectoryInfo directory, string prefix, Filter? filter, bool[] parentResults)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = prefix + entry.Name;
            var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
            var excluded = false;
            var results = parentResults;
            if (filter is not null)
            {
                excluded = filter.Matcher.MatchesUsingParentResults(path, parentResults, out results);
                if (excluded && isDirectory && !filter.MayReinclude(path)) continue;
            }
            if (isDirectory)
            {
                foreach (var file in Walk((DirectoryInfo)entry, path + "/", filter, results)) yield return file;
            }
            else if (!excluded)
            {
                yield return new ContextFile(path, entry is FileInfo { LinkTarget: null } file ? file.Length : 0);
            }
        }
    }

    /// <summary>fsutil's shortcut: when every exception is a plain path, only directories on the way to one need walking.</summary>
    private sealed class Filter
    {
        private static readonly SearchValues<char> GlobCharacters = SearchValues.Create("*[]?^\\");
        private readonly string[]? _exceptionPaths;

        public Filter(DockerIgnoreMatcher matcher)
        {
            Matcher = matcher;
            var exceptions = matcher.Patterns.Where(p => p.IsException).Select(p => WithoutTrailingGlob(p.Text)).ToArray();
            // A glob in an exception can match anywhere below, so then every excluded directory is walked.
            _exceptionPaths = exceptions.Any(e => e.AsSpan().IndexOfAny(GlobCharacters) >= 0) ? null : exceptions;
        }

        public DockerIgnoreMatcher Matcher { get; }

        public bool MayReinclude(string directory) =>
            _exceptionPaths is null || _exceptionPaths.Any(e => (e + "/").StartsWith(directory + "/", StringComparison.Ordinal));

        private static string WithoutTrailingGlob(string pattern) =>
            pattern.EndsWith("/**", StringComparison.Ordinal) ? pattern[..^3] : pattern.EndsWith("/*", StringComparison.Ordinal) ? pattern[..^2] : pattern;
    }
}

/// <summary>One top-level entry of a context that the ignore file leaves out, with what it would have cost.</summary>
public sealed record ExcludedEntry(string Name, int Files, long Bytes);

/// <summary>
/// How much a .dockerignore saves: files and bytes a build context sends with and without it, and the biggest
/// top-level entries it leaves out (typically .git, node_modules, bin/obj, a virtualenv).
/// </summary>
public sealed record BuildContextReport(string Directory, int TotalFiles, long TotalBytes, int SentFiles, long SentBytes, IReadOnlyList<ExcludedEntry> LargestExcluded)
{
    public int ExcludedFiles => TotalFiles - SentFiles;
    public long ExcludedBytes => TotalBytes - SentBytes;

    /// <summary>Walks <paramref name="directory"/> twice: everything, and what <paramref name="ignore"/> lets through.</summary>
    public static BuildContextReport Measure(string directory, DockerIgnore? ignore, int largest = 5)
    {
        var all = BuildContext.Files(directory).ToList();
        var sent = BuildContext.Files(directory, ignore).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var excluded = all.Where(f => !sent.Contains(f.Path))
            .GroupBy(f => f.Path.Split('/')[0], StringComparer.Ordinal)
            .Select(g => new ExcludedEntry(g.Key, g.Count(), g.Sum(f => f.Bytes)))
            .OrderByDescending(e => e.Bytes).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(largest)
            .ToList();
        return new BuildContextReport(directory, all.Count, all.Sum(f => f.Bytes), sent.Count, all.Where(f => sent.Contains(f.Path)).Sum(f => f.Bytes), excluded);
    }

    public override string ToString() =>
        $"{Directory}: sends {SentFiles} of {TotalFiles} files ({SentBytes:N0} of {TotalBytes:N0} bytes)" +
        (LargestExcluded.Count == 0 ? "" : "; left out: " + string.Join(", ", LargestExcluded.Select(e => $"{e.Name} ({e.Files} files, {e.Bytes:N0} bytes)")));
}
