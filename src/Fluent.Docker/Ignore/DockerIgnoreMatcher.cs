using Fluent.Docker.Text;

namespace Fluent.Docker;

/// <summary>
/// A compiled .dockerignore with moby/patternmatcher's semantics (what BuildKit, buildx and the docker CLI use):
/// patterns apply in order and the last one that applies wins; a path is excluded when it or one of its parent
/// directories matches; <c>!glob</c> re-includes; <c>**</c> spans directories. Create with <see cref="Compile"/> or
/// <see cref="DockerIgnore.Compile"/>.
/// </summary>
public sealed class DockerIgnoreMatcher
{
    private DockerIgnoreMatcher(IReadOnlyList<DockerIgnorePattern> patterns)
    {
        Patterns = patterns;
        HasExceptions = patterns.Any(p => p.IsException);
    }

    /// <summary>The patterns in order, cleaned (whitespace trimmed, <c>filepath.Clean</c>ed); blank entries are dropped.</summary>
    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>True when some pattern is an exception (<c>!glob</c>).</summary>
    public bool HasExceptions { get; }

    /// <summary>
    /// Compiles patterns as patternmatcher's <c>New</c> does: each is trimmed, skipped when blank, cleaned, and checked
    /// with Go's glob syntax. Throws <see cref="DockerIgnoreException"/> for a lone <c>!</c> or a malformed glob.
    /// </summary>
    public static DockerIgnoreMatcher Compile(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var compiled = new List<DockerIgnorePattern>();
        var number = 0;
        foreach (var raw in patterns)
        {
            number++;
            var pattern = (raw ?? "").Trim();
            if (pattern.Length == 0) continue;
            pattern = GoPath.Clean(pattern);
            var isException = pattern[0] == '!';
            if (isException)
            {
                if (pattern.Length == 1)
                    throw new DockerIgnoreException(DockerIgnoreError.IllegalExclusion, raw!, number,
                        "A lone '!' is an illegal exclusion pattern: it names nothing to re-include.", "write the path to re-include after the '!', e.g. '!src/keep.txt', or remove the line.");
                pattern = pattern[1..];
            }
            if (GoGlob.Problem(pattern) is { } problem)
                throw new DockerIgnoreException(DockerIgnoreError.BadPattern, raw!, number,
                    $"The glob is malformed: {problem}.", "close every '[' with ']', escape a literal '[', '*', '?' or '\\' with '\\', and end a range with a character ('[a-z]').");
            compiled.Add(new DockerIgnorePattern(pattern, isException));
        }
        return new DockerIgnoreMatcher(compiled);
    }

    /// <summary>
    /// True when <paramref name="path"/> (slash-separated, relative to the context root) is left out of the build
    /// context: the last pattern that applies to it or to one of its parent directories is not an exception.
    /// The context root itself (".") is never excluded. Throws <see cref="DockerIgnoreException"/> when a pattern
    /// BuildKit would fail on has to be evaluated.
    /// </summary>
    public bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = GoPath.Clean(path);
        return path != "." && MatchesOrParentMatches(path);
    }

    /// <summary>patternmatcher's <c>MatchesOrParentMatches</c> on a path as given (no cleaning).</summary>
    internal bool MatchesOrParentMatches(string path)
    {
        var parents = ParentDirectories(path);
        var matched = false;
        foreach (var pattern in Patterns)
        {
            // An inclusion cannot change an excluded path, nor an exception an included one.
            if (pattern.IsException != matched) continue;
            var match = pattern.MatchesPath(path);
            for (var i = 0; i < parents.Length && !match; i++) match = TryMatch(pattern, parents[i]);
            if (match) matched = !pattern.IsException;
        }
        return matched;
    }

    /// <summary>
    /// patternmatcher's <c>MatchesUsingParentResults</c>, the walker's form: <paramref name="parent"/> holds which
    /// patterns matched the parent directory (empty for a top-level entry); returns this path's results for its children.
    /// </summary>
    internal bool MatchesUsingParentResults(string path, IReadOnlyList<bool> parent, out bool[] results)
    {
        results = new bool[Patterns.Count];
        string[]? parents = null;
        var matched = false;
        for (var i = 0; i < Patterns.Count; i++)
        {
            var pattern = Patterns[i];
            var match = parent.Count != 0 && parent[i];
            if (!match)
            {
                if (pattern.IsException != matched) continue;
                match = pattern.MatchesPath(path);
                if (!match && parent.Count == 0)
                {
                    parents ??= ParentDirectories(path);
                    for (var j = 0; j < parents.Length && !match; j++) match = TryMatch(pattern, parents[j]);
                }
            }
            results[i] = match;
            if (match) matched = !pattern.IsException;
        }
        return matched;
    }

    /// <summary>"a/b/c" gives "a", "a/b": the parent directories, outermost first (none for a top-level path).</summary>
    private static string[] ParentDirectories(string path)
    {
        var parent = GoPath.Dir(path);
        if (parent == ".") return [];
        var parts = parent.Split('/');
        var prefixes = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++) prefixes[i] = string.Join('/', parts, 0, i + 1);
        return prefixes;
    }

    // patternmatcher ignores the error of a parent check (the path's own check already reported it).
    private static bool TryMatch(DockerIgnorePattern pattern, string path)
    {
        try { return pattern.MatchesPath(path); }
        catch (DockerIgnoreException) { return false; }
    }
}
