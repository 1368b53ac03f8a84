using System.Collections.Immutable;
using System.Text.Json;

namespace Fluent.Docker.Conformance.Differential;

/// <summary>Where a Dockerfile of the differential comes from.</summary>
public enum CheckCaseOrigin
{
    /// <summary>A file of tests/corpora (official images, advanced builds, BuildKit's lint and parser test files).</summary>
    Corpus,

    /// <summary>A Dockerfile under examples/.</summary>
    Example,

    /// <summary>The Dockerfile a template sample emits.</summary>
    Template,

    /// <summary>Our emitter's text for a corpus or example file that reads as a typed model.</summary>
    Emitted,

    /// <summary>What <c>fluent-docker fmt</c> writes for a corpus or example file it changes (<see cref="Dockerfile.Format"/>).</summary>
    Formatted,
}

/// <summary>
/// One Dockerfile both linters read: its text, the .dockerignore beside it and the build args BuildKit's own test gave
/// it (buildkit-lint's <c>FrontendAttrs</c>), so both see the same inputs.
/// </summary>
public sealed record CheckCase(string Name, CheckCaseOrigin Origin, string Text, string? DockerIgnore, ImmutableSortedDictionary<string, string> BuildArgs)
{
    public override string ToString() => Name;
}

/// <summary>Every Dockerfile the repository has, as differential cases.</summary>
public static class CheckCases
{
    private static readonly ImmutableSortedDictionary<string, string> NoArgs = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The corpora (official/, advanced/, check-directive/, buildkit-lint/, buildkit-parser/), examples/, every template sample, and the
    /// emitted text of each corpus or example file that reads as a typed model (<see cref="Dockerfile.Parse"/>).
    /// </summary>
    public static IReadOnlyList<CheckCase> All(string corporaRoot)
    {
        var repository = Path.GetFullPath(Path.Combine(corporaRoot, "..", ".."));
        var files = CorpusFiles(corporaRoot).Concat(ExampleFiles(repository)).ToList();
        var templates = TemplateSamples.All.Select(sample => sample.Definition is var definition
            ? new CheckCase("template:" + sample.Key, CheckCaseOrigin.Template, definition.Dockerfile.Emit(), definition.Ignore.Emit(), NoArgs)
            : null!);
        var emitted = files.Select(Emitted).OfType<CheckCase>();
        var formatted = files.Select(Formatted).OfType<CheckCase>();
        return [.. files, .. templates, .. emitted, .. formatted];
    }

    private static IEnumerable<CheckCase> CorpusFiles(string corporaRoot)
    {
        IEnumerable<string> Glob(string folder, string pattern, SearchOption option = SearchOption.TopDirectoryOnly) =>
            Directory.Exists(Path.Combine(corporaRoot, folder)) ? Directory.GetFiles(Path.Combine(corporaRoot, folder), pattern, option) : [];
        var paths = Glob("official", "*.Dockerfile")
            .Concat(Glob("advanced", "*.Dockerfile"))
            .Concat(Glob("check-directive", "*.Dockerfile"))
            .Concat(Glob("buildkit-lint", "Dockerfile", SearchOption.AllDirectories))
            .Concat(Glob("buildkit-parser", "Dockerfile", SearchOption.AllDirectories))
            .Concat(Glob("buildkit-parser", "*.Dockerfile", SearchOption.AllDirectories));
        foreach (var path in paths.Distinct().Order(StringComparer.Ordinal))
        {
            var directory = Path.GetDirectoryName(path)!;
            var name = Path.GetRelativePath(corporaRoot, path).Replace('\\', '/');
            var isLintCase = name.StartsWith("buildkit-lint/", StringComparison.Ordinal);
            var ignore = Path.Combine(directory, ".dockerignore");
            yield return new CheckCase(name, CheckCaseOrigin.Corpus, File.ReadAllText(path),
                isLintCase && File.Exists(ignore) ? File.ReadAllText(ignore) : null,
                isLintCase ? BuildArgsOf(Path.Combine(directory, "expected.json")) : NoArgs);
        }
    }

    private static IEnumerable<CheckCase> ExampleFiles(string repository)
    {
        var examples = Path.Combine(repository, "examples");
        if (!Directory.Exists(examples)) yield break;
        foreach (var path in Directory.GetFiles(examples, "Dockerfile*", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            var ignore = Path.Combine(Path.GetDirectoryName(path)!, ".dockerignore");
            yield return new CheckCase(Path.GetRelativePath(repository, path).Replace('\\', '/'), CheckCaseOrigin.Example, File.ReadAllText(path),
                File.Exists(ignore) ? File.ReadAllText(ignore) : null, NoArgs);
        }
    }

    /// <summary>The emitter's text for <paramref name="source"/> when it reads as a typed model; null when it does not.</summary>
    private static CheckCase? Emitted(CheckCase source)
    {
        Dockerfile model;
        string text;
        try { model = Dockerfile.Parse(source.Text); }
        catch (Exception e) when (e is IProblemException) { return null; }
        // A typed model the emitter refuses is the round-trip corpus's finding (dockerfile-round-trip), not BuildKit's.
        try { text = model.Emit(); }
        catch (Exception e) when (e is IProblemException) { return null; }
        return source with { Name = BuildKitCheckDifferential.EmittedPrefix + source.Name, Origin = CheckCaseOrigin.Emitted, Text = text };
    }

    /// <summary>The formatted text of <paramref name="source"/> when fmt changes it; null when it is formatted already or does not read.</summary>
    private static CheckCase? Formatted(CheckCase source)
    {
        string text;
        try { text = Dockerfile.Format(source.Text); }
        catch (Exception e) when (e is IProblemException) { return null; }
        return text == source.Text ? null
            : source with { Name = BuildKitCheckDifferential.FormattedPrefix + source.Name, Origin = CheckCaseOrigin.Formatted, Text = text };
    }

    /// <summary>The <c>build-arg:</c> frontend attributes BuildKit's test ran the case with.</summary>
    private static ImmutableSortedDictionary<string, string> BuildArgsOf(string expectedJson)
    {
        if (!File.Exists(expectedJson)) return NoArgs;
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedJson));
        if (!expected.RootElement.TryGetProperty("FrontendAttrs", out var attrs)) return NoArgs;
        return attrs.EnumerateObject()
            .Where(a => a.Name.StartsWith("build-arg:", StringComparison.Ordinal))
            .ToImmutableSortedDictionary(a => a.Name["build-arg:".Length..], a => a.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
