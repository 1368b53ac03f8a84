using System.Collections.Immutable;

namespace Fluent.Docker.Linting;

/// <summary>
/// Which stages a lint looks at: <see cref="AllStages"/> (like <c>docker build --check</c>), or the stages one build
/// needs (<see cref="Build"/>): then the checks BuildKit runs while building a stage skip the stages the target does not use.
/// </summary>
public sealed record LintScope
{
    private LintScope(string? target) => Target = target;

    /// <summary>The build target: a stage name, "" for the final stage, or null for all stages.</summary>
    public string? Target { get; }

    public static LintScope AllStages { get; } = new((string?)null);

    /// <summary>As a build of <paramref name="target"/> (default: the final stage) sees the file.</summary>
    public static LintScope Build(string? target = null) => new(target ?? "");
}

/// <summary>
/// How to lint: severity overrides, rules turned off or on, suppressions (each with its reason), the build arguments
/// and .dockerignore of the build, and which stages to look at. Immutable; every <c>With…</c> returns a new value.
/// Rules may be named by id (<c>FD0014</c>), BuildKit check (<c>JSONArgsRecommended</c>) or hadolint rule (<c>DL3003</c>).
/// </summary>
public sealed record LintOptions
{
    /// <summary>The build argument BuildKit reads a check directive from, replacing the file's <c># check=</c>.</summary>
    public const string CheckBuildArg = "BUILDKIT_DOCKERFILE_CHECK";

    public static LintOptions Default { get; } = new();

    public ImmutableDictionary<string, ProblemSeverity> Severities { get; private init; } = ImmutableDictionary<string, ProblemSeverity>.Empty;
    public ImmutableHashSet<string> DisabledRules { get; private init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Experimental rules turned on (BuildKit's <c>experimental=</c>).</summary>
    public ImmutableHashSet<string> EnabledRules { get; private init; } = ImmutableHashSet<string>.Empty;

    public ValueList<RuleSuppression> Suppressions { get; private init; } = ValueList<RuleSuppression>.Empty;

    /// <summary>The <c>--build-arg</c> values of the build (also <see cref="CheckBuildArg"/>).</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; private init; } = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The .dockerignore of the build context (for CopyIgnoredFile); null when there is none.</summary>
    public DockerIgnore? DockerIgnore { get; private init; }

    public LintScope Scope { get; private init; } = LintScope.AllStages;

    /// <summary>
    /// The platforms the build targets (<c>--platform</c>); empty: the engine's own platform, as <c>docker build</c>
    /// and <c>--call=check</c> use. Only the checks that ask an engine (InvalidBaseImagePlatform) read it.
    /// </summary>
    public ValueList<Platform> Platforms { get; private init; } = ValueList<Platform>.Empty;

    /// <summary>
    /// The frontend that reads the file, when not the one the file names (its <c># syntax=</c>, else the engine's builtin
    /// one): e.g. a buildkitd newer than the engine. Decides what the frontend knows, such as <c># check=skip=</c>
    /// comments above an instruction (Dockerfile 1.20+). Null: the file's own.
    /// </summary>
    public BuilderProfile? Frontend { get; private init; }

    /// <summary>The engine's answers about the base images (set by <see cref="Linter.LintTextAsync"/>); null: no engine, and the rules that need one do not run.</summary>
    internal BaseImageFacts? BaseImages { get; private init; }

    /// <summary>Reports <paramref name="rule"/> at <paramref name="severity"/> instead of its default.</summary>
    public LintOptions WithSeverity(string rule, ProblemSeverity severity) =>
        this with { Severities = Severities.SetItem(RuleSuppression.ResolveRuleId(rule), severity) };

    /// <summary>Turns <paramref name="rule"/> off everywhere (prefer <see cref="Suppress"/>, which records why).</summary>
    public LintOptions Disable(string rule) => this with { DisabledRules = DisabledRules.Add(RuleSuppression.ResolveRuleId(rule)) };

    /// <summary>Turns on an experimental rule.</summary>
    public LintOptions Enable(string rule) => this with { EnabledRules = EnabledRules.Add(RuleSuppression.ResolveRuleId(rule)) };

    /// <summary>Suppresses <paramref name="rule"/> in every file linted with these options; the justification is required.</summary>
    public LintOptions Suppress(string rule, string justification) =>
        this with { Suppressions = Suppressions.Append(RuleSuppression.Create(rule, justification)) };

    public LintOptions WithBuildArg(string name, string value) => this with { BuildArgs = BuildArgs.SetItem(name, value) };

    public LintOptions WithDockerIgnore(DockerIgnore? ignore) => this with { DockerIgnore = ignore };

    /// <summary>Lints as a build for <paramref name="platforms"/> (replaces the list; none: the engine's platform).</summary>
    public LintOptions WithPlatforms(params IEnumerable<Platform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        var list = platforms.ToList();
        if (list.FirstOrDefault(p => p is null || !p.IsConcrete) is { } open)
            throw new DockerValueException(Problem.InvalidValue($"'{open}' is not a concrete platform.", "give the platforms the build targets, such as linux/amd64 or linux/arm64."));
        return this with { Platforms = ValueList.From(list) };
    }

    /// <summary>Lints as <paramref name="frontend"/> reads the file (see <see cref="Frontend"/>).</summary>
    public LintOptions WithFrontend(BuilderProfile? frontend) => this with { Frontend = frontend };

    internal LintOptions WithBaseImages(BaseImageFacts? facts) => this with { BaseImages = facts };

    public LintOptions WithScope(LintScope scope) => this with { Scope = scope ?? throw new ArgumentNullException(nameof(scope)) };
}
