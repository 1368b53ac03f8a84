using System.Text.RegularExpressions;

namespace Fluent.Docker;

/// <summary>
/// An image reference: <c>[domain/]path[:tag][@digest]</c>, e.g. <c>golang:1.19</c> or
/// <c>127.0.0.1:5000/dotnet/sdk:10.0</c>. Converted implicitly from a literal (an invalid literal keeps its
/// problem and is reported at emit time); <see cref="Parse"/> throws at once.
/// </summary>
public sealed partial record ImageReference : IDockerValue
{
    private ImageReference(string? domain, string path, string? tag, string? digest, ValueProblem? problem, string original)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
        Problem = problem;
        _original = original;
    }

    private readonly string _original;

    /// <summary>The registry host (with port), or null when the reference names Docker Hub implicitly.</summary>
    public string? Domain { get; }
    public string Path { get; }
    public string? Tag { get; }
    public string? Digest { get; }
    public ValueProblem? Problem { get; }

    /// <summary>True when the reference pins a version: a tag other than <c>latest</c>, or a digest.</summary>
    public bool IsPinned => Digest is not null || (Tag is not null && Tag != "latest");

    public static ImageReference Parse(string text)
    {
        var reference = Create(text);
        return reference.Problem is null ? reference : throw new DockerValueException(reference.Problem);
    }

    public static bool TryParse(string text, out ImageReference reference)
    {
        reference = Create(text);
        return reference.Problem is null;
    }

    public static implicit operator ImageReference(string text) => Create(text);

    public ImageReference WithTag(string tag) => Create(Compose(Domain, Path, tag, Digest));
    public ImageReference WithDigest(string digest) => Create(Compose(Domain, Path, Tag, digest));

    /// <summary>The same image pulled from another registry (a corporate mirror, or the lab registry).</summary>
    public ImageReference WithRegistry(string domain) => Create(Compose(domain, Path, Tag, Digest));

    public override string ToString() => Problem is null ? Compose(Domain, Path, Tag, Digest) : _original;

    private static string Compose(string? domain, string path, string? tag, string? digest) =>
        (domain is null ? "" : domain + "/") + path + (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest);

    private static ImageReference Create(string? text)
    {
        if (text is null) return Invalid("", "The image reference is null.");
        if (text.Length == 0) return Invalid(text, "The image reference is empty.");
        if (text.Length > 255 * 4) return Invalid(text, "The image reference is longer than a registry accepts.");
        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
                return Invalid(text, $"'{Printable(digest)}' is not a digest of the form algorithm:hex (e.g. sha256:<64 hex digits>).");
        }
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
                return Invalid(text, $"'{Printable(tag)}' is not a valid tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-').");
        }
        string? domain = null;
        var slash = rest.IndexOf('/');
        if (slash > 0)
        {
            var first = rest[..slash];
            // distribution/reference: the first component is a registry only when it looks like a host.
            if (first.Contains('.') || first.Contains(':') || first == "localhost" || first.Any(char.IsAsciiLetterUpper))
            {
                if (!DomainPattern().IsMatch(first))
                    return Invalid(text, $"'{Printable(first)}' is not a valid registry host[:port].");
                domain = first;
                rest = rest[(slash + 1)..];
            }
        }
        if (!PathPattern().IsMatch(rest))
            return Invalid(text, $"'{Printable(rest)}' is not a valid repository name (lowercase letters, digits and separators '.', '_', '__', '-', '/').");
        if (rest.Length > 255) return Invalid(text, "The repository name is longer than 255 characters.");
        return new ImageReference(domain, rest, tag, digest, null, text);
    }

    private static ImageReference Invalid(string text, string message) =>
        new(null, text, null, null, new ValueProblem(message, "write it like 'golang:1.19', 'debian:bookworm-slim' or '127.0.0.1:5000/team/app:1.0'."), text);

    internal static string Printable(string text) =>
        text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}\z")]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?\z")]
    private static partial Regex DomainPattern();
}
