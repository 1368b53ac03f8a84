using System.Text.Json;
using System.Text.Json.Serialization;
using Fluent.Docker.Text;

namespace Fluent.Docker;

/// <summary>
/// An image reference: <c>[domain/]path[:tag][@digest]</c>, e.g. <c>golang:1.19</c> or
/// <c>127.0.0.1:5000/dotnet/sdk:10.0</c>, read with distribution/reference's grammar and Docker's normalization
/// (what <c>docker pull</c> and a Dockerfile's FROM accept). It keeps the form it was written in
/// (<see cref="ToString"/>) and offers the <see cref="Normalized"/> (<c>docker.io/library/…</c>),
/// <see cref="Familiar"/> and <see cref="PullReference"/> forms. Converted implicitly from a literal (an invalid
/// literal keeps its problem, with an <see cref="ImageReferenceError"/>, and is reported at emit time);
/// <see cref="Parse"/> throws at once.
/// </summary>
[JsonConverter(typeof(ImageReferenceJsonConverter))]
public sealed record ImageReference : IDockerValue
{
    private ImageReference(string? domain, string path, string? tag, string? digest, Problem? problem, string original)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
        Problem = problem;
        _original = original;
    }

    private readonly string _original;

    /// <summary>Docker Hub's domain in normalized references.</summary>
    public const string DockerHubDomain = ReferenceGrammar.DefaultDomain;

    /// <summary>The registry host (with port) as written, or null when the reference names Docker Hub implicitly.</summary>
    public string? Domain { get; }

    /// <summary>The repository path as written after the domain (<c>redis</c>, <c>library/redis</c>, <c>team/app</c>).</summary>
    public string Path { get; }

    public string? Tag { get; }
    public string? Digest { get; }
    public Problem? Problem { get; }

    /// <summary>The error class of <see cref="Problem"/>; null when the reference is valid.</summary>
    public ImageReferenceError? Error => Problem?.Kind as ImageReferenceError?;

    /// <summary>The repository as written, without tag or digest (<c>domain/path</c>).</summary>
    public string Name => Domain is null ? Path : Domain + "/" + Path;

    /// <summary>True when the reference pins a version: a tag other than <c>latest</c>, or a digest.</summary>
    public bool IsPinned => Digest is not null || (Tag is not null && Tag != "latest");

    /// <summary>
    /// The fully qualified form: Docker Hub's domain and <c>library/</c> made explicit (<c>redis:7</c> →
    /// <c>docker.io/library/redis:7</c>; <c>index.docker.io/x/y</c> → <c>docker.io/x/y</c>). An invalid reference returns itself.
    /// </summary>
    public ImageReference Normalized
    {
        get
        {
            if (Problem is not null) return this;
            var (domain, path) = ReferenceGrammar.SplitDockerDomain(Name);
            return new ImageReference(domain, path, Tag, Digest, null, Compose(domain, path, Tag, Digest));
        }
    }

    /// <summary>
    /// The short form the docker CLI prints: Docker Hub's domain dropped, and <c>library/</c> for official images
    /// (<c>docker.io/library/redis:7</c> → <c>redis:7</c>, <c>docker.io/team/app</c> → <c>team/app</c>).
    /// </summary>
    public ImageReference Familiar
    {
        get
        {
            if (Problem is not null) return this;
            var normalized = Normalized;
            if (normalized.Domain != DockerHubDomain) return normalized;
            var path = normalized.Path;
            // Only a one-level library path shortens: "library/a/b" stays as it is.
            if (path.StartsWith(ReferenceGrammar.OfficialRepositoryPrefix, StringComparison.Ordinal) && !path[ReferenceGrammar.OfficialRepositoryPrefix.Length..].Contains('/'))
                path = path[ReferenceGrammar.OfficialRepositoryPrefix.Length..];
            return new ImageReference(null, path, Tag, Digest, null, Compose(null, path, Tag, Digest));
        }
    }

    /// <summary>
    /// What the engine resolves (distribution's ParseDockerRef): normalized, <c>:latest</c> added when there is neither
    /// tag nor digest, and only the digest kept when both are given (the digest decides).
    /// </summary>
    public ImageReference PullReference
    {
        get
        {
            if (Problem is not null) return this;
            var normalized = Normalized;
            var tag = normalized.Digest is not null ? null : normalized.Tag ?? "latest";
            return new ImageReference(normalized.Domain, normalized.Path, tag, normalized.Digest, null, Compose(normalized.Domain, normalized.Path, tag, normalized.Digest));
        }
    }

    /// <summary>True when the reference is written in its fully qualified form (<see cref="Normalized"/> gives the same text).</summary>
    public bool IsCanonical => Problem is null && _original == Normalized.ToString();

    public static ImageReference Parse(string text)
    {
        var reference = Create(text);
        return reference.Problem is null ? reference : throw new DockerValueException(reference.Problem);
    }

    /// <summary>
    /// The image <paramref name="name"/> in <paramref name="registry"/> (<c>host[:port]</c>, optionally with a namespace:
    /// <c>host/team</c>; null or empty: the name as it stands), tagged <paramref name="tag"/> when given. The one place
    /// <c>registry/name:tag</c> is composed; throws <see cref="DockerValueException"/> naming the part that is wrong.
    /// </summary>
    public static ImageReference Of(string? registry, string name, string? tag = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var prefix = string.IsNullOrWhiteSpace(registry) ? "" : registry.Trim().TrimEnd('/') + "/";
        var repository = Create(prefix + name);
        if (repository.Problem is { } problem)
            throw new DockerValueException(problem with { Message = $"The image name '{Printable(prefix + name)}' (registry '{Printable(registry ?? "")}', name '{Printable(name)}') is not valid: {problem.Message}" });
        if (repository.Tag is not null || repository.Digest is not null)
            throw new DockerValueException(Problem.InvalidValue($"The image name '{Printable(name)}' already carries a tag or digest.", "give the name alone (team/app) and the tag separately."));
        if (tag is null) return repository;
        var tagged = repository.WithTag(tag);
        return tagged.Problem is null ? tagged : throw new DockerValueException(tagged.Problem);
    }

    public static bool TryParse(string text, out ImageReference reference)
    {
        reference = Create(text);
        return reference.Problem is null;
    }

    /// <summary>Parses a reference that must already be fully qualified (<c>docker.io/library/redis:7</c>), as registries print them.</summary>
    public static ImageReference ParseCanonical(string text)
    {
        var reference = Parse(text);
        if (reference.IsCanonical) return reference;
        throw new DockerValueException(Problem.InvalidValue(
            $"'{Printable(text)}' is not a fully qualified image reference.", $"write it as '{reference.Normalized}'.") with { Kind = ImageReferenceError.NameNotCanonical });
    }

    /// <summary>
    /// True when <paramref name="text"/> names an image by content rather than by name, as <c>docker inspect</c> accepts:
    /// a bare 64-hex image ID, or a digest such as <c>sha256:…</c>; <paramref name="digest"/> is then its <c>algorithm:hex</c> form.
    /// </summary>
    public static bool IsImageId(string text, out string digest)
    {
        ArgumentNullException.ThrowIfNull(text);
        digest = ReferenceGrammar.IsIdentifier(text) ? "sha256:" + text
            : DigestAlgorithms.Standard.Validate(text) is null ? text
            : "";
        return digest.Length > 0;
    }

    public static implicit operator ImageReference(string text) => Create(text);

    /// <summary>The same repository with another tag (the digest, if any, stays). An invalid tag gives a value with a <see cref="ImageReferenceError.TagInvalidFormat"/> problem.</summary>
    public ImageReference WithTag(string tag)
    {
        if (Problem is not null) return this;
        if (tag is null || !ReferenceGrammar.IsTag(tag))
            return Invalid(Compose(Domain, Path, tag, Digest), ImageReferenceError.TagInvalidFormat, tag ?? "");
        return Create(Compose(Domain, Path, tag, Digest));
    }

    /// <summary>The same repository pinned by <paramref name="digest"/> (<c>sha256:&lt;64 hex&gt;</c>); the tag, if any, stays.</summary>
    public ImageReference WithDigest(string digest)
    {
        if (Problem is not null) return this;
        if (digest is null || !ReferenceGrammar.IsDigestSyntax(digest))
            return Invalid(Compose(Domain, Path, Tag, digest), ImageReferenceError.DigestInvalidFormat, digest ?? "");
        return Create(Compose(Domain, Path, Tag, digest));
    }

    /// <summary>The same reference without its digest (the tag, if any, stays): how it read before it was pinned.</summary>
    public ImageReference WithoutDigest() => Problem is not null || Digest is null ? this : Create(Compose(Domain, Path, Tag, null));

    /// <summary>The same image pulled from another registry (a corporate mirror, or the lab registry).</summary>
    public ImageReference WithRegistry(string domain) => Create(Compose(domain, Path, Tag, Digest));

    /// <summary>
    /// distribution's FamiliarMatch: Go's <c>path.Match</c> of <paramref name="pattern"/> against the familiar form,
    /// then against the familiar name without tag or digest. Throws <see cref="FormatException"/> for a malformed pattern.
    /// </summary>
    public bool MatchesFamiliar(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Problem is not null) throw new DockerValueException(Problem);
        var familiar = Familiar;
        try
        {
            return GoGlob.Match(pattern, familiar.ToString()) || GoGlob.Match(pattern, familiar.Name);
        }
        catch (GoGlobException e)
        {
            throw new FormatException($"'{Printable(pattern)}' is not a valid pattern: {e.Message}.", e);
        }
    }

    /// <summary>The reference as written (for an invalid one, the text given).</summary>
    public override string ToString() => Problem is null ? Compose(Domain, Path, Tag, Digest) : _original;

    private static string Compose(string? domain, string path, string? tag, string? digest) =>
        (domain is null ? "" : domain + "/") + path + (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest);

    internal static ImageReference Create(string? text) => Create(text, DigestAlgorithms.Standard);

    internal static ImageReference Create(string? text, DigestAlgorithms algorithms)
    {
        // Docker's normalizing parser calls "" a format error; "empty" is the precise class (and distribution's Parse says so).
        if (string.IsNullOrEmpty(text)) return Invalid("", ImageReferenceError.NameEmpty, "");
        var parsed = ReferenceGrammar.ParseNormalized(text, algorithms);
        if (parsed.Error is { } error) return Invalid(text, error, text, algorithms);

        // Keep the written form: the domain only when one was written, the path as written.
        var name = text[..(text.Length - (parsed.Tag.Length == 0 ? 0 : parsed.Tag.Length + 1) - (parsed.Digest.Length == 0 ? 0 : parsed.Digest.Length + 1))];
        var slash = name.IndexOf('/');
        var domain = slash < 0 ? null : ReferenceGrammar.WrittenDomain(name[..slash]);
        var path = domain is null ? name : name[(slash + 1)..];
        return new ImageReference(domain, path, Empty(parsed.Tag), Empty(parsed.Digest), null, text);
    }

    private static string? Empty(string part) => part.Length == 0 ? null : part;

    private static ImageReference Invalid(string text, ImageReferenceError error, string part, DigestAlgorithms? algorithms = null) =>
        new(null, text, null, null, ImageReferenceProblems.Describe(error, text, part, algorithms ?? DigestAlgorithms.Standard), text);

    /// <summary>Text made safe to quote in a one-line error message: CR, LF and NUL written as <c>\r</c>, <c>\n</c>, <c>\0</c>.</summary>
    public static string Printable(string text) =>
        text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}

/// <summary>Writes an image reference as its text and reads it with <see cref="ImageReference.Parse"/>.</summary>
public sealed class ImageReferenceJsonConverter : JsonConverter<ImageReference>
{
    public override ImageReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"An image reference is a JSON string, not {reader.TokenType}.");
        var text = reader.GetString()!;
        var reference = ImageReference.Create(text);
        return reference.Problem is null ? reference : throw new JsonException(reference.Problem.ToString(), new DockerValueException(reference.Problem));
    }

    public override void Write(Utf8JsonWriter writer, ImageReference value, JsonSerializerOptions options)
    {
        if (value.Problem is { } problem) throw new JsonException("An invalid image reference cannot be written: " + problem, new DockerValueException(problem));
        writer.WriteStringValue(value.ToString());
    }
}
