using System.Text.RegularExpressions;

namespace Fluent.Docker;

/// <summary>
/// Which builder reads the Dockerfile: BuildKit with its builtin frontend (no <c># syntax=</c> line; an air-gapped
/// builder cannot pull one), BuildKit with a pinned frontend image (<see cref="DockerfileFrontend"/>), or Buildah
/// (<see cref="Buildah"/>), which parses the file itself and refuses what its version does not know.
/// </summary>
public sealed partial record BuilderProfile
{
    private BuilderProfile(string? frontendVersion, string? frontendImage, string? buildahVersion = null)
    {
        FrontendVersion = frontendVersion;
        SyntaxDirective = frontendImage;
        BuildahVersion = buildahVersion;
    }

    /// <summary>The pinned <c>docker/dockerfile</c> version, or null for the builtin frontend and custom frontends.</summary>
    public string? FrontendVersion { get; }

    /// <summary>The builder's builtin frontend: no syntax directive.</summary>
    public static BuilderProfile Builtin { get; } = new(null, null);

    /// <summary>True for BuildKit's builtin frontend (no <c># syntax=</c> line).</summary>
    public bool IsBuiltin => SyntaxDirective is null && BuildahVersion is null;

    /// <summary>The Buildah release (major.minor) that builds the file, or null for BuildKit.</summary>
    public string? BuildahVersion { get; }

    /// <summary>
    /// <c>buildah build</c> of the given release. Buildah reads the Dockerfile with its own parser (openshift/imagebuilder)
    /// and ignores <c># syntax=</c>, so the profile writes none; the validator refuses each feature that release lacks,
    /// naming the fix (see docs/buildah.md). Only the facts of 1.28 (Debian bookworm) are recorded.
    /// </summary>
    public static BuilderProfile Buildah(string version)
    {
        if (version is null || !BuildahFeatures.Versions.Contains(BuildahVersionPattern().Match(version) is { Success: true } m ? m.Groups[1].Value : ""))
            throw new DockerValueException(Problem.InvalidValue($"'{version}' is not a Buildah release whose Dockerfile support is recorded.",
                $"pass one of {string.Join(", ", BuildahFeatures.Versions.Select(v => "\"" + v + "\""))} (buildah --version); other releases support other features."));
        return new BuilderProfile(null, null, BuildahVersionPattern().Match(version).Groups[1].Value);
    }

    /// <summary>What the profile is called in messages: "the builtin Dockerfile frontend", "docker/dockerfile:1.7", "Buildah 1.28".</summary>
    public string DisplayName => BuildahVersion is { } buildah ? "Buildah " + buildah : SyntaxDirective ?? "the builtin Dockerfile frontend";

    /// <summary>Emits <c># syntax=docker/dockerfile:VERSION</c>, e.g. <c>DockerfileFrontend("1.7")</c>.</summary>
    public static BuilderProfile DockerfileFrontend(string version)
    {
        if (version is null || !VersionPattern().IsMatch(version))
            throw new DockerValueException(Problem.InvalidValue($"'{version}' is not a docker/dockerfile version.", "pin a version such as \"1.7\" or \"1.7.1\" (optionally with -labs)."));
        return new BuilderProfile(version, "docker/dockerfile:" + version);
    }

    /// <summary>
    /// Any other frontend image, written as the syntax directive as given: <c>docker/dockerfile-upstream:master</c>,
    /// a digest-pinned <c>docker/dockerfile@sha256:…</c>, or a private mirror.
    /// </summary>
    public static BuilderProfile CustomFrontend(string image)
    {
        if (string.IsNullOrWhiteSpace(image) || image.Any(c => char.IsControl(c)) || image != image.Trim())
            throw new DockerValueException(Problem.InvalidValue($"'{image}' is not a frontend image reference.", "pass an image such as \"docker/dockerfile-upstream:master\"."));
        var known = KnownFrontend().Match(image);
        return known.Success && VersionPattern().IsMatch(known.Groups[1].Value) ? DockerfileFrontend(known.Groups[1].Value) : new BuilderProfile(null, image);
    }

    /// <summary>The syntax directive value, or null for the builtin frontend.</summary>
    public string? SyntaxDirective { get; }

    [GeneratedRegex(@"^docker/dockerfile:(.+)\z")]
    private static partial Regex KnownFrontend();

    [GeneratedRegex(@"^1(\.\d+){0,2}(-labs)?\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(\d+\.\d+)(\.\d+)?\z")]
    private static partial Regex BuildahVersionPattern();
}

/// <summary>The escape character of the file (<c># escape=</c>): backslash, or backtick for Windows paths.</summary>
public enum EscapeToken { Backslash, Backtick }

/// <summary>
/// The <c># check=</c> directive: which BuildKit build checks to skip, which experimental ones to run, and whether
/// warnings fail the build. The same text in the <c>BUILDKIT_DOCKERFILE_CHECK</c> build argument replaces the directive.
/// </summary>
public sealed record CheckDirective
{
    public ValueList<string> Skip { get; init; } = ValueList<string>.Empty;
    public bool SkipAll { get; init; }
    public bool Error { get; init; }

    /// <summary>Experimental checks to run (BuildKit runs none by default).</summary>
    public ValueList<string> Experimental { get; init; } = ValueList<string>.Empty;
    public bool ExperimentalAll { get; init; }

    /// <summary>
    /// Reads a directive value the way BuildKit does (<c>skip=A,B|all;error=true;experimental=C|all</c>, at most three
    /// parts). Throws <see cref="DockerValueException"/> with BuildKit's reason for an unknown option or an unreadable boolean.
    /// </summary>
    public static CheckDirective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var check = new CheckDirective();
        if (text.Trim().Length == 0) return check;
        foreach (var part in text.Trim().Split(';', 3))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0) throw Invalid($"invalid check option {Parsing.GoText.Quote(part)}");
            var value = part[(equals + 1)..].Trim();
            check = part[..equals].Trim() switch
            {
                "skip" when value == "all" => check with { SkipAll = true },
                "skip" => check with { Skip = ValueList.From(value.Split(',').Select(r => r.Trim())) },
                "experimental" when value == "all" => check with { ExperimentalAll = true },
                "experimental" => check with { Experimental = ValueList.From(value.Split(',').Select(r => r.Trim())) },
                "error" => check with { Error = Parsing.DockerfileReader.ParseGoBool(value) ?? throw Invalid($"failed to parse check option {Parsing.GoText.Quote(part)}") },
                var other => throw Invalid($"invalid check option {Parsing.GoText.Quote(other)}"),
            };
        }
        return check;
    }

    private static DockerValueException Invalid(string message) =>
        new(Problem.InvalidValue(message, "write the check directive like skip=JSONArgsRecommended,StageNameCasing;error=true;experimental=all."));
}
