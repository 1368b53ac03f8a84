using System.Text.RegularExpressions;

namespace Fluent.Docker.Release;

/// <summary>
/// A Semantic Versioning 2.0.0 version: <c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>, optionally written with a
/// leading <c>v</c> (git tags often are). Parsing is strict: no leading zeros, no missing parts.
/// </summary>
public sealed partial record SemanticVersion
{
    private SemanticVersion(int major, int minor, int patch, string? preRelease, string? buildMetadata)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        BuildMetadata = buildMetadata;
    }

    public int Major { get; }
    public int Minor { get; }
    public int Patch { get; }

    /// <summary>The part after <c>-</c> (e.g. <c>rc.1</c>), or null for a release.</summary>
    public string? PreRelease { get; }

    /// <summary>The part after <c>+</c> (e.g. <c>build.7</c>); ignored for precedence, never part of an image tag.</summary>
    public string? BuildMetadata { get; }

    public bool IsPreRelease => PreRelease is not null;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="DockerValueException"/> naming what is wrong.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new DockerValueException(Problem.InvalidValue(
            $"'{ImageReference.Printable(text ?? "")}' is not a semantic version.",
            "write MAJOR.MINOR.PATCH with optional -prerelease and +build parts, e.g. 1.2.3, v1.2.3 or 2.0.0-rc.1."));

    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = null!;
        if (text is null) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        if (!int.TryParse(match.Groups["major"].Value, out var major) || !int.TryParse(match.Groups["minor"].Value, out var minor)
            || !int.TryParse(match.Groups["patch"].Value, out var patch)) return false; // beyond int: not a version we tag
        version = new SemanticVersion(major, minor, patch,
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null,
            match.Groups["build"].Success ? match.Groups["build"].Value : null);
        return true;
    }

    /// <summary><c>1.2.3</c>, <c>1.2.3-rc.1</c> or <c>1.2.3-rc.1+build.7</c>, without a <c>v</c>.</summary>
    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}" + (PreRelease is null ? "" : "-" + PreRelease) + (BuildMetadata is null ? "" : "+" + BuildMetadata);

    // semver.org's recommended pattern, with an optional leading v.
    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex Pattern();
}
