using System.Text.RegularExpressions;

namespace Fluent.Docker;

/// <summary>
/// The distribution/reference grammar and its parsing rules, which docker, containerd and BuildKit share:
/// <code>
/// reference := name [ ":" tag ] [ "@" digest ]
/// name      := [domain '/'] remote-name
/// domain    := host [':' port-number]          host := domain-name | '[' IPv6 ']'
/// remote    := path-component ['/' path-component]*   path-component := [a-z0-9]+ ([_.]|__|-+ [a-z0-9]+)*
/// tag       := [\w][\w.-]{0,127}
/// digest    := algorithm ":" hex{32,}
/// </code>
/// Patterns are written with explicit ASCII classes and <c>\z</c>: .NET's <c>\w</c> and <c>$</c> differ from Go's.
/// </summary>
internal static partial class ReferenceGrammar
{
    public const string DefaultDomain = "docker.io";
    public const string LegacyDefaultDomain = "index.docker.io";
    public const string OfficialRepositoryPrefix = "library/";
    public const int MaxPathLength = 255;

    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainAndPortPattern = "(?:" + DomainComponent + @"(?:\." + DomainComponent + @")*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?";
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    private const string TagPattern = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string DigestPattern = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}";

    [GeneratedRegex("^" + DomainAndPortPattern + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredDomainAndPort();

    [GeneratedRegex("^(?:(" + DomainAndPortPattern + ")/)?(" + RemoteName + @")\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredName();

    [GeneratedRegex("^((?:" + DomainAndPortPattern + "/)?" + RemoteName + ")(?::(" + TagPattern + "))?(?:@(" + DigestPattern + @"))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredReference();

    [GeneratedRegex("^" + TagPattern + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredTag();

    [GeneratedRegex("^" + DigestPattern + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredDigest();

    [GeneratedRegex(@"^[a-f0-9]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredIdentifier();

    public static bool IsDomainAndPort(string text) => AnchoredDomainAndPort().IsMatch(text);
    public static bool IsTag(string text) => AnchoredTag().IsMatch(text);
    public static bool IsDigestSyntax(string text) => AnchoredDigest().IsMatch(text);

    /// <summary>A content-addressable image ID: 64 lowercase hex digits.</summary>
    public static bool IsIdentifier(string text) => AnchoredIdentifier().IsMatch(text);

    /// <summary>The name production split into domain (empty when absent) and path, as Go's leftmost-first match splits it.</summary>
    public static bool TrySplitName(string name, out string domain, out string path)
    {
        var match = AnchoredName().Match(name);
        domain = match.Success ? match.Groups[1].Value : "";
        path = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    /// <summary>The whole reference split into name, tag and digest (empty when absent).</summary>
    public static bool TryMatchReference(string text, out string name, out string tag, out string digest)
    {
        var match = AnchoredReference().Match(text);
        name = match.Groups[1].Value;
        tag = match.Groups[2].Value;
        digest = match.Groups[3].Value;
        return match.Success;
    }

    /// <summary>distribution's <c>Parse</c>: the grammar, the uppercase and length rules, then the digest check.</summary>
    public static ParsedReference Parse(string text, DigestAlgorithms algorithms)
    {
        if (text.Length == 0) return ParsedReference.Failed(ImageReferenceError.NameEmpty);
        if (!TryMatchReference(text, out var name, out var tag, out var digest))
        {
            var lower = text.ToLowerInvariant();
            // Valid once lowercased: the only fault is uppercase in the repository.
            return ParsedReference.Failed(lower != text && TryMatchReference(lower, out _, out _, out _)
                ? ImageReferenceError.NameContainsUppercase
                : ImageReferenceError.ReferenceInvalidFormat);
        }
        if (!TrySplitName(name, out var domain, out var path))
        {
            domain = "";
            path = name;
        }
        if (path.Length > MaxPathLength) return ParsedReference.Failed(ImageReferenceError.NameTooLong);
        if (digest.Length > 0 && algorithms.Validate(digest) is { } digestError) return ParsedReference.Failed(digestError);
        return new ParsedReference(domain, path, tag, digest, null);
    }

    /// <summary>distribution's <c>WithName</c>: a bare name (no tag or digest), split as the grammar splits it, not normalized.</summary>
    public static ParsedReference WithName(string name)
    {
        if (!TrySplitName(name, out var domain, out var path)) return ParsedReference.Failed(ImageReferenceError.ReferenceInvalidFormat);
        return path.Length > MaxPathLength ? ParsedReference.Failed(ImageReferenceError.NameTooLong) : new ParsedReference(domain, path, "", "", null);
    }

    /// <summary>distribution's <c>WithTag</c>: checks only the tag grammar.</summary>
    public static ParsedReference WithTag(ParsedReference name, string tag) =>
        IsTag(tag) ? name with { Tag = tag } : ParsedReference.Failed(ImageReferenceError.TagInvalidFormat);

    /// <summary>distribution's <c>WithDigest</c>: checks only the digest grammar (not the algorithm's length).</summary>
    public static ParsedReference WithDigest(ParsedReference name, string digest) =>
        IsDigestSyntax(digest) ? name with { Digest = digest } : ParsedReference.Failed(ImageReferenceError.DigestInvalidFormat);

    /// <summary>
    /// distribution's <c>ParseNormalizedNamed</c>: what <c>docker pull</c> and a Dockerfile's FROM accept. Familiar
    /// names get Docker Hub's domain and <c>library/</c>; an image ID and an uppercase repository are refused.
    /// </summary>
    public static ParsedReference ParseNormalized(string text, DigestAlgorithms algorithms)
    {
        if (IsIdentifier(text)) return ParsedReference.Failed(ImageReferenceError.NameIsIdentifier);
        var (domain, remainder) = SplitDockerDomain(text);
        var colon = remainder.IndexOf(':');
        var remote = colon >= 0 ? remainder[..colon] : remainder;
        if (remote.ToLowerInvariant() != remote) return ParsedReference.Failed(ImageReferenceError.NameContainsUppercase);
        return Parse(domain + "/" + remainder, algorithms);
    }

    /// <summary>
    /// The domain Docker resolves for a name and the rest: the first component is a registry when it is
    /// <c>localhost</c>, contains '.' or ':', or has uppercase letters; otherwise the name is on Docker Hub.
    /// On Docker Hub <c>index.docker.io</c> becomes <c>docker.io</c> and a one-component path gets <c>library/</c>.
    /// </summary>
    public static (string Domain, string Remainder) SplitDockerDomain(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0) return (DefaultDomain, OfficialRepositoryPrefix + name);
        var (domain, remainder) = WrittenDomain(name[..slash]) is { } written
            ? (written == LegacyDefaultDomain ? DefaultDomain : written, name[(slash + 1)..])
            : (DefaultDomain, name);
        if (domain == DefaultDomain && !remainder.Contains('/')) remainder = OfficialRepositoryPrefix + remainder;
        return (domain, remainder);
    }

    /// <summary>The first component when Docker reads it as a registry host; null when it is part of the path.</summary>
    public static string? WrittenDomain(string firstComponent) =>
        firstComponent == "localhost" || firstComponent.AsSpan().IndexOfAny('.', ':') >= 0 || firstComponent.ToLowerInvariant() != firstComponent
            ? firstComponent
            : null;
}

/// <summary>A reference split into its productions (empty strings for absent parts), or the error class.</summary>
internal readonly record struct ParsedReference(string Domain, string Path, string Tag, string Digest, ImageReferenceError? Error)
{
    public static ParsedReference Failed(ImageReferenceError error) => new("", "", "", "", error);

    /// <summary>Go's <c>Name()</c>: domain/path.</summary>
    public string Name => Domain.Length == 0 ? Path : Domain + "/" + Path;

    /// <summary>Go's <c>String()</c>: name[:tag][@digest].</summary>
    public override string ToString() => Name + (Tag.Length == 0 ? "" : ":" + Tag) + (Digest.Length == 0 ? "" : "@" + Digest);
}

/// <summary>
/// The digest algorithms a parser accepts, with go-digest's rules: a registered algorithm needs exactly its length of
/// lowercase hex; a well-formed unregistered one is "unsupported"; anything else is "invalid format".
/// </summary>
internal sealed partial class DigestAlgorithms(IReadOnlyDictionary<string, int> hexLengths)
{
    /// <summary>What docker, BuildKit and containerd accept (OCI registers sha256 and sha512; Go links sha384 with it).</summary>
    public static DigestAlgorithms Standard { get; } = new(new Dictionary<string, int> { ["sha256"] = 64, ["sha384"] = 96, ["sha512"] = 128 });

    /// <summary>Only sha256: what distribution/reference's own test binary registers (its corpus expects sha512 to be unsupported).</summary>
    public static DigestAlgorithms Sha256Only { get; } = new(new Dictionary<string, int> { ["sha256"] = 64 });

    [GeneratedRegex(@"^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex GoDigestSyntax();

    /// <summary>The names of the accepted algorithms, for messages.</summary>
    public IEnumerable<string> Names => hexLengths.Keys;

    /// <summary>Null when <paramref name="digest"/> (<c>algorithm:encoded</c>) is valid.</summary>
    public ImageReferenceError? Validate(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0 || colon + 1 == digest.Length) return ImageReferenceError.DigestInvalidFormat;
        var encoded = digest[(colon + 1)..];
        if (!hexLengths.TryGetValue(digest[..colon], out var length))
            return GoDigestSyntax().IsMatch(digest) ? ImageReferenceError.DigestUnsupported : ImageReferenceError.DigestInvalidFormat;
        if (encoded.Length != length) return ImageReferenceError.DigestInvalidLength;
        return encoded.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') ? null : ImageReferenceError.DigestInvalidFormat;
    }

    /// <summary>The hex length the algorithm needs, or null when it is not accepted.</summary>
    public int? HexLength(string algorithm) => hexLengths.TryGetValue(algorithm, out var length) ? length : null;
}
