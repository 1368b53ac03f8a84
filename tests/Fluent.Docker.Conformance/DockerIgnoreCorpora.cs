using System.Text.Json;
using Fluent.Docker.Text;
using static Fluent.Docker.Conformance.Expect;

namespace Fluent.Docker.Conformance;

// moby/patternmatcher's and BuildKit's .dockerignore vectors (tests/corpora/dockerignore) against DockerIgnoreMatcher,
// DockerIgnore.Parse and BuildContext.

/// <summary>The walker's view: each parent directory decided first, its results handed to the child (fsutil's order).</summary>
internal static class ParentWalk
{
    public static bool Matches(DockerIgnoreMatcher matcher, string path)
    {
        var parent = GoPath.Dir(path);
        IReadOnlyList<bool> results = [];
        if (parent != ".")
        {
            var parts = parent.Split('/');
            for (var i = 1; i <= parts.Length; i++)
            {
                matcher.MatchesUsingParentResults(string.Join('/', parts, 0, i), results, out var next);
                results = next;
            }
        }
        return matcher.MatchesUsingParentResults(path, results, out _);
    }

    /// <summary>
    /// patternmatcher's deprecated package function <c>Matches(file, patterns)</c>, which some vectors exercise: a
    /// path of "." never matches, and only the parent prefix as deep as the pattern is checked.
    /// </summary>
    public static bool DeprecatedMatches(IEnumerable<string> patterns, string path)
    {
        var matcher = DockerIgnoreMatcher.Compile(patterns);
        path = GoPath.Clean(path);
        if (path == ".") return false;
        var parent = GoPath.Dir(path);
        var parentDirectories = parent.Split('/');
        var matched = false;
        foreach (var pattern in matcher.Patterns)
        {
            if (pattern.IsException != matched) continue;
            var match = pattern.MatchesPath(path);
            var depth = pattern.Text.Split('/').Length;
            if (!match && parent != "." && depth <= parentDirectories.Length)
            {
                try { match = pattern.MatchesPath(string.Join('/', parentDirectories, 0, depth)); }
                catch (DockerIgnoreException) { match = false; }
            }
            if (match) matched = !pattern.IsException;
        }
        return matched;
    }
}

/// <summary>patternmatcher_test.go TestMatches: one pattern, MatchesOrParentMatches and the two parent-results walks.</summary>
internal sealed class PatternMatchesCorpus() : TableCorpus("dockerignore", "patternmatcher-matches.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var matcher = DockerIgnoreMatcher.Compile([row["pattern"]]);
        var path = row["path"];
        var expected = bool.Parse(row["expected"]);
        return All(
            Same("MatchesOrParentMatches", expected, matcher.MatchesOrParentMatches(path)),
            Same("MatchesUsingParentResults (walk)", expected, ParentWalk.Matches(matcher, path)),
            Same("MatchesUsingParentResults (no parent info)", expected, matcher.MatchesUsingParentResults(path, [], out _)));
    }
}

/// <summary>patternmatcher_test.go TestMatch (Go's filepath.Match vectors plus '**'): match or ErrBadPattern.</summary>
internal sealed class PatternFilepathMatchCorpus() : TableCorpus("dockerignore", "patternmatcher-filepath-match.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var matched = false;
        var error = Throws<DockerIgnoreException>(() => matched = ParentWalk.DeprecatedMatches([row["pattern"]], row["path"]));
        if (row["error"] == "ErrBadPattern") return Same("error", DockerIgnoreError.BadPattern, error?.Error);
        return All(Same("error", null, error?.Message), Same("match", bool.Parse(row["expected"]), matched));
    }
}

/// <summary>patternmatcher_test.go compileTests: the strategy and the exact Go regexp, for '/' and for '\' separators.</summary>
internal sealed class PatternCompileCorpus() : TableCorpus("dockerignore", "patternmatcher-compile.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var pattern = GoPath.Clean(row["pattern"]);
        var (kind, regex) = DockerIgnorePattern.Translate(pattern, '/');
        var (windowsKind, windowsRegex) = DockerIgnorePattern.Translate(pattern.Replace('/', '\\'), '\\');
        var expectedKind = row["matchType"] switch
        {
            "exactMatch" => DockerIgnorePattern.PatternKind.Exact,
            "prefixMatch" => DockerIgnorePattern.PatternKind.Prefix,
            "suffixMatch" => DockerIgnorePattern.PatternKind.Suffix,
            _ => DockerIgnorePattern.PatternKind.Regex,
        };
        return All(
            Same("match type", expectedKind, kind),
            Same("match type (windows)", expectedKind, windowsKind),
            Same("regexp", ReferenceErrors.NullIfEmpty(row["regexp_unix"]), regex),
            Same("regexp (windows)", ReferenceErrors.NullIfEmpty(row["regexp_windows"]), windowsRegex),
            regex is null ? null : Same("compiles", null, Throws<GoRegexException>(() => GoRegex.Compile(regex))?.Message));
    }
}

/// <summary>patternmatcher-multi.json: several patterns with exceptions, New() errors and cleaning.</summary>
internal sealed class PatternMultiCorpus : ICorpus
{
    public string Name => "dockerignore/patternmatcher-multi";

    public CorpusResult Run(string corporaRoot)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(corporaRoot, "dockerignore", "patternmatcher-multi.json")));
        var cases = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        return CorpusResult.From(cases, c => $"{c.GetProperty("source").GetString()} {string.Join(" ", c.GetProperty("patterns").EnumerateArray().Select(p => p.GetString()))}", Check);
    }

    private static string? Check(JsonElement test)
    {
        var patterns = test.GetProperty("patterns").EnumerateArray().Select(p => p.GetString()!).ToList();
        var api = test.GetProperty("api").GetString();
        var expected = test.GetProperty("expected");
        var path = test.GetProperty("path").ValueKind == JsonValueKind.String ? test.GetProperty("path").GetString()! : null;
        var wantsError = expected.ValueKind == JsonValueKind.String && expected.GetString()!.StartsWith("error", StringComparison.Ordinal);

        if (api == "New")
        {
            DockerIgnoreMatcher? matcher = null;
            var error = Throws<DockerIgnoreException>(() => matcher = DockerIgnoreMatcher.Compile(patterns));
            if (wantsError) return True(error is not null, "New accepted the patterns");
            if (error is not null) return $"New failed: {error.Message}";
            if (expected.TryGetProperty("Exclusions", out var exclusions)) return Same("Exclusions()", exclusions.GetBoolean(), matcher!.HasExceptions);
            return Same("pattern count", expected.GetProperty("PatternCount").GetInt32(), matcher!.Patterns.Count);
        }

        if (api == "MatchesOrParentMatches")
        {
            var matcher = DockerIgnoreMatcher.Compile(patterns);
            if (wantsError)
            {
                // New succeeds; every match fails, again and again.
                var first = Throws<DockerIgnoreException>(() => matcher.MatchesOrParentMatches(path!));
                var second = Throws<DockerIgnoreException>(() => matcher.MatchesOrParentMatches(path!));
                return All(Same("first match error", DockerIgnoreError.BadPattern, first?.Error), Same("second match error", DockerIgnoreError.BadPattern, second?.Error));
            }
            return All(
                Same("MatchesOrParentMatches", expected.GetBoolean(), matcher.MatchesOrParentMatches(path!)),
                Same("MatchesUsingParentResults (walk)", expected.GetBoolean(), ParentWalk.Matches(matcher, path!)));
        }

        // The deprecated package function: New errors surface from the call.
        var matched = false;
        var failure = Throws<DockerIgnoreException>(() => matched = ParentWalk.DeprecatedMatches(patterns, path!));
        if (wantsError) return True(failure is not null, "Matches accepted the patterns");
        return All(Same("error", null, failure?.Message), Same("Matches", expected.GetBoolean(), matched));
    }
}

/// <summary>ignorefile_test.go TestReadAll: .dockerignore text to cleaned patterns (DockerIgnore.Parse).</summary>
internal sealed class ReadAllCorpus : ICorpus
{
    public string Name => "dockerignore/readall";

    public CorpusResult Run(string corporaRoot)
    {
        var folder = Path.Combine(corporaRoot, "dockerignore", "readall");
        (string Name, Func<string?> Check)[] cases =
        [
            ("case-0-empty", () => Same("patterns", 0, DockerIgnore.Parse(File.ReadAllText(Path.Combine(folder, "case-0-empty.dockerignore"))).Patterns.Count)),
            ("case-1", () =>
            {
                var expected = File.ReadAllText(Path.Combine(folder, "case-1", "expected.txt")).TrimEnd('\n').Split('\n');
                var actual = DockerIgnore.Parse(File.ReadAllText(Path.Combine(folder, "case-1", ".dockerignore"))).Patterns;
                return Same("patterns", string.Join(" | ", expected), string.Join(" | ", actual));
            }),
        ];
        return CorpusResult.From(cases, c => c.Name, c => c.Check());
    }
}

/// <summary>
/// BuildKit's dockerfile_dockerignore_test.go: which context files reach the build, with the ignore file BuildKit picks
/// (<c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile first). Each row is a real directory walked by BuildContext.
/// </summary>
internal sealed class BuildKitContextCorpus() : TableCorpus("dockerignore", "buildkit-context/cases.tsv", "dockerignore/buildkit-context")
{
    protected override string? Check(TsvRow row)
    {
        // "Dockerfile2.dockerignore (used when building -f Dockerfile2)" names the ignore file and the Dockerfile.
        var ignoreFile = row["dockerignore_file"].Split(' ')[0];
        var dockerfile = row["dockerignore_file"].Contains("-f ", StringComparison.Ordinal)
            ? row["dockerignore_file"].Split("-f ")[1].TrimEnd(')')
            : "Dockerfile";
        var context = Directory.CreateTempSubdirectory("fd-ignore-case-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(context, dockerfile), "FROM scratch\nCOPY . .\n");
            File.WriteAllText(Path.Combine(context, ignoreFile), row["patterns"].Replace("\\n", "\n"));
            var path = row["context_path"] == "*" ? "foo" : row["context_path"];
            if (!File.Exists(Path.Combine(context, path))) File.WriteAllText(Path.Combine(context, path), "x");

            var located = DockerIgnore.Locate(context, dockerfile);
            if (located is null || Path.GetFileName(located) != ignoreFile) return $"ignore file: expected {ignoreFile}, got {located}";
            var ignore = DockerIgnore.Load(located);
            if (row["sent_to_build"] == "error")
                return True(Throws<DockerfileValidationException>(() => ignore.Compile()) is not null, "the ignore file was accepted");
            var sent = BuildContext.Files(context, ignore).Any(f => f.Path == path);
            return Same("sent to the build", bool.Parse(row["sent_to_build"]), sent);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
