using System.Text;

namespace Fluent.Docker.Release;

/// <summary>
/// Which tags a release gets, decided from facts (version, commit, branch, build number), never from a CI system's
/// variables. Immutable; <c>With*</c> returns a new strategy. <see cref="Tags"/> lists the tag texts,
/// <see cref="For"/> applies them to a repository.
/// </summary>
/// <remarks>
/// Semver fan-out: <c>1.2.3</c> gives <c>1.2.3</c>, <c>1.2</c>, <c>1</c> (and <c>latest</c> when asked). A pre-release
/// (<c>1.2.3-rc.1</c>) gets only its own tag: floating tags must never move to an unfinished version. Major 0 gets no
/// bare <c>0</c> tag, since 0.x minors may break compatibility. Build metadata (<c>+build.7</c>) is not part of any tag
/// (a tag cannot hold <c>+</c>); it stays in the version label. An environment prefix (<c>staging</c>) goes before
/// every tag: <c>staging-1.2.3</c>, <c>staging-latest</c>.
/// </remarks>
public sealed record TagStrategy
{
    public static TagStrategy Empty { get; } = new();

    public SemanticVersion? Version { get; private init; }

    /// <summary>Also tag <c>latest</c> (never for a pre-release).</summary>
    public bool Latest { get; private init; }

    /// <summary>The abbreviated commit id, tagged as <c>sha-abc1234</c>.</summary>
    public string? ShortCommit { get; private init; }

    /// <summary>The branch, tagged with characters a tag cannot hold replaced by <c>-</c> (<c>feature/x</c> → <c>feature-x</c>).</summary>
    public string? Branch { get; private init; }

    /// <summary>The CI build number, tagged as <c>build-42</c>.</summary>
    public string? BuildNumber { get; private init; }

    /// <summary>Prefixed to every tag with a <c>-</c>, e.g. <c>staging</c>.</summary>
    public string? EnvironmentPrefix { get; private init; }

    /// <summary>The semver fan-out of <paramref name="version"/>.</summary>
    public static TagStrategy ForVersion(SemanticVersion version) => new() { Version = version ?? throw new ArgumentNullException(nameof(version)) };

    /// <summary>The semver fan-out of <paramref name="version"/> (e.g. <c>1.2.3</c> or <c>v1.2.3</c>); throws when it is not semver.</summary>
    public static TagStrategy ForVersion(string version) => ForVersion(SemanticVersion.Parse(version));

    public TagStrategy WithVersion(SemanticVersion version) => this with { Version = version ?? throw new ArgumentNullException(nameof(version)) };
    public TagStrategy WithLatest(bool latest = true) => this with { Latest = latest };

    /// <summary>Tags <c>sha-</c> plus the first <paramref name="length"/> characters of <paramref name="commit"/>.</summary>
    public TagStrategy WithShortCommit(string commit, int length = 7)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 4);
        if (commit.Length < 4 || !commit.All(char.IsAsciiHexDigit))
            throw new DockerValueException(Problem.InvalidValue($"'{ImageReference.Printable(commit)}' is not a commit id.", "pass the hex id from `git rev-parse HEAD` (SourceInfo.Commit)."));
        return this with { ShortCommit = commit[..Math.Min(length, commit.Length)].ToLowerInvariant() };
    }

    public TagStrategy WithBranch(string branch) => this with { Branch = string.IsNullOrWhiteSpace(branch) ? throw new ArgumentException("The branch is empty.", nameof(branch)) : branch };

    public TagStrategy WithBuildNumber(string buildNumber) => this with { BuildNumber = string.IsNullOrWhiteSpace(buildNumber) ? throw new ArgumentException("The build number is empty.", nameof(buildNumber)) : buildNumber };
    public TagStrategy WithBuildNumber(long buildNumber) => WithBuildNumber(buildNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public TagStrategy WithEnvironmentPrefix(string environment) =>
        this with { EnvironmentPrefix = string.IsNullOrWhiteSpace(environment) ? throw new ArgumentException("The environment is empty.", nameof(environment)) : environment };

    /// <summary>The commit (and branch, when one is checked out) of <paramref name="source"/>.</summary>
    public TagStrategy WithSource(SourceInfo source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var strategy = WithShortCommit(source.Commit);
        return source.Branch is { } branch ? strategy.WithBranch(branch) : strategy;
    }

    /// <summary>
    /// The tag texts, most specific first, each once. Throws <see cref="DockerValueException"/> when the strategy yields
    /// no tag or a part cannot become a valid tag.
    /// </summary>
    public ValueList<string> Tags()
    {
        var tags = new List<string>();
        if (Version is { } version)
        {
            var core = $"{version.Major}.{version.Minor}.{version.Patch}";
            if (version.PreRelease is { } pre)
            {
                tags.Add(core + "-" + pre);
            }
            else
            {
                tags.Add(core);
                tags.Add($"{version.Major}.{version.Minor}");
                if (version.Major > 0) tags.Add(version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (Latest) tags.Add("latest");
            }
        }
        else if (Latest)
        {
            tags.Add("latest");
        }
        if (ShortCommit is not null) tags.Add("sha-" + ShortCommit);
        if (Branch is not null) tags.Add(Sanitize(Branch, "branch"));
        if (BuildNumber is not null) tags.Add("build-" + Sanitize(BuildNumber, "build number"));

        if (tags.Count == 0)
            throw new DockerValueException(Problem.InvalidValue("The tag strategy yields no tag.",
                "give a version (TagStrategy.ForVersion(\"1.2.3\")), WithLatest(), WithSource(source), WithBranch(…) or WithBuildNumber(…)."));

        var prefix = EnvironmentPrefix is null ? "" : Sanitize(EnvironmentPrefix, "environment prefix") + "-";
        var result = tags.Select(t => Check(prefix + t)).Distinct(StringComparer.Ordinal);
        return ValueList.From(result);
    }

    /// <summary>Every tag on <paramref name="repository"/> (a reference without tag or digest, e.g. <c>registry:5000/team/app</c>).</summary>
    public ValueList<ImageReference> For(ImageReference repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.Problem is { } problem) throw new DockerValueException(problem);
        if (repository.Tag is not null || repository.Digest is not null)
            throw new DockerValueException(Problem.InvalidValue($"'{repository}' already has a tag or digest.", "pass the repository alone, e.g. 127.0.0.1:5000/team/app."));
        return ValueList.From(Tags().Select(repository.WithTag));
    }

    public override string ToString()
    {
        try { return string.Join(", ", Tags()); }
        catch (DockerValueException) { return "(no tags)"; }
    }

    // A tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}: everything else becomes '-', leading '.'/'-' go.
    private static string Sanitize(string text, string what)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        var sanitized = builder.ToString().TrimStart('.', '-');
        if (sanitized.Length == 0)
            throw new DockerValueException(Problem.InvalidValue($"The {what} '{ImageReference.Printable(text)}' has nothing a tag can hold.", "use letters, digits, '_', '.' or '-'."));
        return sanitized.Length > 128 ? sanitized[..128] : sanitized;
    }

    private static string Check(string tag)
    {
        if (tag.Length > 128)
            throw new DockerValueException(Problem.InvalidValue($"The tag '{tag[..40]}…' is {tag.Length} characters; a registry accepts at most 128.", "use a shorter environment prefix or branch name."));
        return tag;
    }
}
