using Fluent.Docker.Text;

namespace Fluent.Docker;

/// <summary>How <see cref="DockerIgnore.ForLanguage"/> and <see cref="DockerIgnore.AllowListFor"/> derive their patterns.</summary>
internal static class DockerIgnoreGeneration
{
    /// <summary>Build outputs, dependency folders and caches per language, at any depth (<c>**/</c>: a bare name matches only at the root).</summary>
    public static IReadOnlyList<string> LanguagePatterns(ProjectLanguage language) => language switch
    {
        ProjectLanguage.DotNet => ["**/bin", "**/obj", "**/.vs", "**/*.user", "**/TestResults", "**/BenchmarkDotNet.Artifacts"],
        ProjectLanguage.Node => ["**/node_modules", "**/npm-debug.log*", "**/yarn-debug.log*", "**/yarn-error.log*", "**/.npm", "**/.yarn/cache", "**/coverage", "**/.nyc_output"],
        ProjectLanguage.Python => ["**/__pycache__", "**/*.py[cod]", "**/.venv", "**/venv", "**/.pytest_cache", "**/.mypy_cache", "**/.ruff_cache", "**/.tox", "**/*.egg-info", "**/.coverage", "**/htmlcov"],
        ProjectLanguage.Go => ["bin", "**/*.test", "**/*.prof", "**/coverage.out"],
        ProjectLanguage.Java => ["**/target", "**/build", "**/.gradle", "**/out", "**/*.class", "**/*.iml", "**/.settings", "**/.classpath", "**/.project"],
        ProjectLanguage.Static => ["**/node_modules", "**/.cache", "**/.parcel-cache", "**/*.log"],
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown project language."),
    };

    /// <summary>
    /// The context paths a model reads, as .dockerignore patterns: COPY sources without <c>--from</c>, local ADD
    /// sources and RUN bind mounts without <c>from</c> (whose default source is the whole context). Null when some
    /// source means the whole context (<c>.</c>, or a path that starts with a variable): nothing can be left out then.
    /// </summary>
    public static IReadOnlyList<string>? ContextSources(Dockerfile model)
    {
        var sources = new List<string>();
        foreach (var stage in model.Stages)
            foreach (var instruction in stage.Instructions)
            {
                // ONBUILD triggers read the context of the build that uses this image, not this one.
                foreach (var (source, _) in Codecs.InstructionCodecs.For(instruction).ContextReads(instruction))
                {
                    if (AsPattern(source) is not { } pattern) return null;
                    if (!sources.Contains(pattern, StringComparer.Ordinal)) sources.Add(pattern);
                }
            }
        return sources;
    }

    /// <summary>
    /// The pattern that keeps <paramref name="source"/> in the context, or null when it means everything. A part after
    /// a variable can expand to anything, so the directory before the first variable is kept whole.
    /// </summary>
    private static string? AsPattern(SourcePath source)
    {
        var literal = new System.Text.StringBuilder();
        foreach (var part in source.Value.Parts)
        {
            if (part.IsVariable)
            {
                var text = literal.ToString();
                var slash = text.LastIndexOf('/');
                if (slash < 0) return null;
                literal.Length = slash;
                break;
            }
            literal.Append(part.Text);
        }
        // As the reader cleans a pattern: '/src/' and './src' keep what 'src' keeps.
        var pattern = GoPath.Clean(literal.ToString());
        if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern[1..];
        return pattern is "." or "/" ? null : pattern;
    }

    /// <summary>Whether <paramref name="source"/> (a context pattern) is excluded by <paramref name="matcher"/>, read as a path.</summary>
    public static bool Excludes(DockerIgnoreMatcher matcher, string source)
    {
        try { return matcher.Matches(source); }
        catch (DockerIgnoreException) { return false; }
    }
}
