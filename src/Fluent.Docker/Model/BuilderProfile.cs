using System.Text.RegularExpressions;

namespace Fluent.Docker;

/// <summary>
/// Which builder reads the Dockerfile, and so which <see cref="DockerfileFeature"/>s it knows: BuildKit with its
/// builtin frontend (no <c># syntax=</c> line; an air-gapped builder cannot pull one), BuildKit with a pinned frontend
/// image (<see cref="DockerfileFrontend"/>; <see cref="Dockerfile.WithMinimalFrontend"/> pins the oldest one the file's
/// features need), or Buildah (<see cref="Buildah"/>), which parses the file itself and refuses what its release lacks.
/// </summary>
public sealed partial record BuilderProfile
{
    private BuilderProfile(string? frontendVersion, string? frontendImage, DockerfileSyntaxVersion? knows, bool labs, string description, string? buildahVersion = null)
    {
        FrontendVersion = frontendVersion;
        SyntaxDirective = frontendImage;
        _knows = knows;
        _labs = labs;
        _description = description;
        BuildahVersion = buildahVersion;
    }

    // What the frontend knows: stable syntax up to _knows (labs syntax too when _labs); null knows everything (a
    // custom frontend is taken at its word, and "1"/"1-labs" float to the latest release).
    private readonly DockerfileSyntaxVersion? _knows;
    private readonly bool _labs;
    private readonly string _description;

    /// <summary>The pinned <c>docker/dockerfile</c> version, or null for the builtin frontend and custom frontends.</summary>
    public string? FrontendVersion { get; }

    /// <summary>
    /// The builtin frontend of Docker Engine 28 (BuildKit 0.25: stable Dockerfile syntax 1.19), as the lab runs it: no
    /// syntax directive. For an older engine use <see cref="BuiltinFrontend"/>.
    /// </summary>
    public static BuilderProfile Builtin { get; } = BuiltinFrontend("1.19");

    /// <summary>
    /// The builtin frontend of an engine whose BuildKit knows stable Dockerfile syntax up to <paramref name="version"/>,
    /// e.g. <c>"1.7"</c> for Docker Engine 26 (BuildKit 0.13). No syntax directive is written.
    /// </summary>
    public static BuilderProfile BuiltinFrontend(string version)
    {
        if (version is null || DockerfileSyntaxVersion.TryParse(version) is not { } known)
            throw new DockerValueException(Problem.InvalidValue($"'{version}' is not a Dockerfile syntax version.", "give the version the engine's builtin frontend knows, such as \"1.19\"."));
        return new BuilderProfile(null, null, known, labs: false, $"the builtin Dockerfile frontend (Dockerfile {known})");
    }

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
        var release = BuildahVersionPattern().Match(version).Groups[1].Value;
        return new BuilderProfile(null, null, null, labs: false, "Buildah " + release, release);
    }

    /// <summary>What the profile is called in messages: "the builtin Dockerfile frontend (Dockerfile 1.19)", "docker/dockerfile:1.7", "Buildah 1.28".</summary>
    public string DisplayName => _description;

    /// <summary>Emits <c># syntax=docker/dockerfile:VERSION</c>, e.g. <c>DockerfileFrontend("1.7")</c>.</summary>
    public static BuilderProfile DockerfileFrontend(string version)
    {
        if (version is null || !VersionPattern().IsMatch(version))
            throw new DockerValueException(Problem.InvalidValue($"'{version}' is not a docker/dockerfile version.", "pin a version such as \"1.7\" or \"1.7.1\" (optionally with -labs)."));
        var labs = version.EndsWith("-labs", StringComparison.Ordinal);
        var number = labs ? version[..^"-labs".Length] : version;
        // "1" and "1-labs" float to the newest 1.x release, which knows every feature of the catalogue.
        var knows = number.Contains('.', StringComparison.Ordinal) ? DockerfileSyntaxVersion.TryParse(number) : null;
        return new BuilderProfile(version, "docker/dockerfile:" + version, knows, labs, "docker/dockerfile:" + version);
    }

    /// <summary>
    /// Any other frontend image, written as the syntax directive as given: <c>docker/dockerfile-upstream:master</c>,
    /// a digest-pinned <c>docker/dockerfile@sha256:…</c>, or a private mirror. It is taken to know every feature.
    /// </summary>
    public static BuilderProfile CustomFrontend(string image)
    {
        if (string.IsNullOrWhiteSpace(image) || image.Any(c => char.IsControl(c)) || image != image.Trim())
            throw new DockerValueException(Problem.InvalidValue($"'{image}' is not a frontend image reference.", "pass an image such as \"docker/dockerfile-upstream:master\"."));
        var known = KnownFrontend().Match(image);
        return known.Success && VersionPattern().IsMatch(known.Groups[1].Value) ? DockerfileFrontend(known.Groups[1].Value) : new BuilderProfile(null, image, null, labs: true, image);
    }

    /// <summary>The syntax directive value, or null for the builtin frontend.</summary>
    public string? SyntaxDirective { get; }

    /// <summary>True when this builder reads <paramref name="feature"/> (for Buildah: its measured table says it does).</summary>
    public bool Knows(DockerfileFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (BuildahVersion is not null) return BuildahFeatures.RowOf(feature) is not { Supported: false };
        if (_knows is not { } knows) return _labs || !feature.LabsOnly;
        return feature.Stable <= knows || (_labs && feature.Labs <= knows);
    }

    /// <summary>
    /// True when the builder would not build a file using <paramref name="feature"/> as the model means it: BuildKit
    /// refuses syntax it does not know but reads a directive it does not know as a comment; Buildah's refused rows
    /// (a <c># check=</c> it ignores included) all change what the build does.
    /// </summary>
    internal bool Refuses(DockerfileFeature feature) => !Knows(feature) && (BuildahVersion is not null || !feature.IgnoredWhenUnknown);

    /// <summary>Why this builder cannot read <paramref name="feature"/>: for BuildKit the versions that can, for Buildah what it does instead.</summary>
    internal string Refusal(DockerfileFeature feature) =>
        BuildahVersion is not null && BuildahFeatures.RowOf(feature) is { } row
            ? $"{_description} does not support {row.Syntax}: {row.Behaviour}."
            : $"{Capitalized(_description)} does not know {feature.Name}: " + (feature.Stable is { } stable
                ? $"it is stable syntax since {stable}" + (feature.Labs < stable ? $" (labs since {feature.Labs}-labs)." : ".")
                : $"it is labs syntax since {feature.Labs}-labs.");

    /// <summary>The fix for <see cref="Refusal"/>.</summary>
    internal string FixFor(DockerfileFeature feature) =>
        BuildahVersion is not null && BuildahFeatures.RowOf(feature) is { } row
            ? row.Fix
            : $"use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"{feature.MinimalSyntax}\")) or Dockerfile.WithMinimalFrontend(), or do without {feature.Name}.";

    // "the builtin Dockerfile frontend …" opens a sentence; an image name such as docker/dockerfile:1.7 is left as written.
    private static string Capitalized(string text) => text.StartsWith("the ", StringComparison.Ordinal) ? "The" + text[3..] : text;

    [GeneratedRegex(@"^docker/dockerfile:(.+)\z")]
    private static partial Regex KnownFrontend();

    [GeneratedRegex(@"^1(\.\d+){0,2}(-labs)?\z")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(\d+\.\d+)(\.\d+)?\z")]
    private static partial Regex BuildahVersionPattern();

    // Records compare every field; the description and the knowledge follow from the directive and version.
    public bool Equals(BuilderProfile? other) =>
        other is not null && FrontendVersion == other.FrontendVersion && SyntaxDirective == other.SyntaxDirective && _knows == other._knows && BuildahVersion == other.BuildahVersion;

    public override int GetHashCode() => HashCode.Combine(FrontendVersion, SyntaxDirective, _knows, BuildahVersion);
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
