namespace Fluent.Docker;

/// <summary>The message and fix for each <see cref="ImageReferenceError"/>, pointing at the part of the text at fault.</summary>
internal static class ImageReferenceProblems
{
    private const string Example = "write it like 'golang:1.19', 'debian:bookworm-slim' or '127.0.0.1:5000/team/app:1.0'.";

    public static Problem Describe(ImageReferenceError error, string text, string part, DigestAlgorithms algorithms)
    {
        var (message, fix) = error switch
        {
            ImageReferenceError.NameEmpty => ("The image reference is empty.", Example),
            ImageReferenceError.NameContainsUppercase => Uppercase(text),
            ImageReferenceError.NameTooLong => ($"The repository path of '{Show(Shorten(text))}' is longer than {ReferenceGrammar.MaxPathLength} characters.",
                "shorten the repository path (the registry host does not count)."),
            ImageReferenceError.NameIsIdentifier => ($"'{Show(text)}' is a 64-digit image ID, not a repository name.",
                "name the image (e.g. 'alpine:3.20'), or pin it by digest: 'alpine@sha256:<64 hex digits>'."),
            ImageReferenceError.NameNotCanonical => ($"'{Show(text)}' is not a fully qualified image reference.", "write the registry and the full path, e.g. 'docker.io/library/redis:7'."),
            ImageReferenceError.TagInvalidFormat => ($"'{Show(part)}' is not a valid tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-').",
                "use a tag such as '1.19' or 'bookworm-slim'."),
            ImageReferenceError.DigestInvalidLength => ($"The digest '{Show(DigestOf(text))}' has {HexDigits(text)} hex digits; {Algorithm(text)} needs {algorithms.HexLength(Algorithm(text))}.",
                "copy the whole digest, e.g. from 'docker buildx imagetools inspect'."),
            ImageReferenceError.DigestUnsupported => ($"The digest algorithm '{Show(Algorithm(text))}' is not supported.",
                $"pin with one of {string.Join(", ", algorithms.Names)} (e.g. sha256:<64 hex digits>)."),
            ImageReferenceError.DigestInvalidFormat when part != text => ($"'{Show(part)}' is not a digest of the form algorithm:hex (e.g. sha256:<64 hex digits>).",
                "pass the digest as 'sha256:' followed by 64 lowercase hex digits."),
            ImageReferenceError.DigestInvalidFormat => ($"The digest '{Show(DigestOf(text))}' is not algorithm:lowercase-hex.",
                "write the algorithm and the hex digits in lowercase, e.g. 'sha256:<64 hex digits>'."),
            _ => (WhyInvalid(text), Example),
        };
        return Problem.InvalidValue(message, fix) with { Kind = error };
    }

    private static (string Message, string Fix) Uppercase(string text)
    {
        var message = $"The repository in '{Show(text)}' contains uppercase letters; registries accept lowercase repository names only.";
        var lowercase = LowercaseRepository(text);
        // Lowercase alone may not be enough ("Bad Image"): then say what else is wrong.
        return ReferenceGrammar.ParseNormalized(lowercase, DigestAlgorithms.Standard).Error is null
            ? (message, $"write the repository in lowercase, e.g. '{Show(lowercase)}'.")
            : (message + " Also: " + WhyInvalid(lowercase), Example);
    }

    /// <summary>The most specific reason a text is outside the grammar: a bad character, digest, tag, host or path.</summary>
    private static string WhyInvalid(string text)
    {
        var bad = text.IndexOfAny([' ', '\t', '\r', '\n', '\0']);
        if (bad >= 0) return $"'{Show(text)}' contains {(text[bad] is ' ' or '\t' ? "whitespace" : "a line break or NUL")} at position {bad}; an image reference is one word.";
        if (text.Contains("://", StringComparison.Ordinal)) return $"'{Show(text)}' is a URL; an image reference has no scheme (write host/path:tag).";
        var at = text.IndexOf('@');
        var nameAndTag = at >= 0 ? text[..at] : text;
        if (at >= 0 && !ReferenceGrammar.IsDigestSyntax(text[(at + 1)..]))
            return $"'{Show(text[(at + 1)..])}' is not a digest of the form algorithm:hex (e.g. sha256:<64 hex digits>).";
        var colon = nameAndTag.LastIndexOf(':');
        var name = nameAndTag;
        if (colon > nameAndTag.LastIndexOf('/'))
        {
            var tag = nameAndTag[(colon + 1)..];
            if (!ReferenceGrammar.IsTag(tag)) return $"'{Show(tag)}' is not a valid tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-').";
            name = nameAndTag[..colon];
        }
        if (name.Length == 0) return $"'{Show(text)}' has no repository name.";
        var slash = name.IndexOf('/');
        var domain = slash > 0 ? ReferenceGrammar.WrittenDomain(name[..slash]) : null;
        if (domain is not null && !ReferenceGrammar.IsDomainAndPort(domain))
            return $"'{Show(domain)}' is not a valid registry host[:port].";
        var path = domain is null ? name : name[(slash + 1)..];
        return $"'{Show(path)}' is not a valid repository name (lowercase letters, digits and separators '.', '_', '__', '-', '/').";
    }

    private static string LowercaseRepository(string text)
    {
        var at = text.IndexOf('@');
        var beforeDigest = at >= 0 ? text[..at] : text;
        var colon = beforeDigest.LastIndexOf(':');
        var end = colon > beforeDigest.LastIndexOf('/') ? colon : beforeDigest.Length;
        var slash = text.IndexOf('/');
        // A registry host may be uppercase; only the path must be lowercase.
        var start = slash > 0 && slash < end && ReferenceGrammar.WrittenDomain(text[..slash]) is { } host && host.ToLowerInvariant() == host ? slash + 1 : 0;
        return text[..start] + text[start..end].ToLowerInvariant() + text[end..];
    }

    private static string DigestOf(string text) => text.IndexOf('@') is var at and >= 0 ? text[(at + 1)..] : text;
    private static string Algorithm(string text) => DigestOf(text).Split(':')[0];
    private static int HexDigits(string text) => DigestOf(text).Split(':') is [_, var hex, ..] ? hex.Length : 0;
    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;
    private static string Show(string text) => ImageReference.Printable(text);
}
