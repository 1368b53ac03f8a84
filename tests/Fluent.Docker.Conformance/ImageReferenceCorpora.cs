using System.Text.Json;
using static Fluent.Docker.Conformance.Expect;

namespace Fluent.Docker.Conformance;

// distribution/reference's test tables (tests/corpora/image-reference): the raw grammar layer (ReferenceGrammar) where
// a table exercises distribution's unnormalized API, and the public ImageReference everywhere else.

internal static class ReferenceErrors
{
    /// <summary>"ErrNameEmpty" / "digest.ErrDigestInvalidLength" as our error class.</summary>
    public static ImageReferenceError? Parse(string goName) =>
        goName.Length == 0 ? null : Enum.Parse<ImageReferenceError>(goName.Replace("digest.", "")["Err".Length..]);

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

/// <summary>reference_test.go TestReferenceParse: distribution's Parse, and ImageReference on the same text.</summary>
internal sealed class ReferenceParseCorpus() : TableCorpus("image-reference", "reference-parse.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var input = row["input"];
        // The table was made by a binary that registers only sha256 (its sha512 row expects "unsupported").
        var raw = ReferenceGrammar.Parse(input, DigestAlgorithms.Sha256Only);
        var value = ImageReference.Create(input, DigestAlgorithms.Sha256Only);
        if (row["valid"] == "false")
        {
            var expected = ReferenceErrors.Parse(row["err"]);
            return All(Same("Parse error", expected, raw.Error), Same("ImageReference.Error", expected, value.Error));
        }
        return All(
            Same("Parse error", null, raw.Error),
            Same("String()", input, raw.ToString()),
            Same("Name()", row["repository"], raw.Name),
            Same("Domain()", row["domain"], raw.Domain),
            Same("Tag()", row["tag"], raw.Tag),
            Same("Digest()", row["digest"], raw.Digest),
            Same("ImageReference.Error", null, value.Error),
            Same("ImageReference.ToString()", input, value.ToString()),
            Same("ImageReference.Name", row["repository"], value.Name),
            Same("ImageReference.Tag", ReferenceErrors.NullIfEmpty(row["tag"]), value.Tag),
            Same("ImageReference.Digest", ReferenceErrors.NullIfEmpty(row["digest"]), value.Digest));
    }
}

/// <summary>normalize_test.go TestValidateReferenceName/TestValidateRemoteName: what ParseNormalizedNamed accepts.</summary>
internal sealed class NormalizedNameValidityCorpus() : TableCorpus("image-reference", "normalized-name-validity.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var value = ImageReference.Create(row["input"]);
        return Same("valid", bool.Parse(row["valid"]), value.Problem is null);
    }
}

/// <summary>normalize_test.go TestParseRepositoryInfo: familiar, full and ambiguous spellings agree.</summary>
internal sealed class NormalizeRepositoryInfoCorpus() : TableCorpus("image-reference", "normalize-repository-info.tsv")
{
    protected override string? Check(TsvRow row)
    {
        foreach (var spelling in new[] { row["FamiliarName"], row["FullName"], row["AmbiguousName"] }.Where(s => s.Length > 0))
        {
            var value = ImageReference.Parse(spelling);
            var failure = All(
                Same($"{spelling}: familiar name", row["FamiliarName"], value.Familiar.Name),
                Same($"{spelling}: full name", row["FullName"], value.Normalized.ToString()),
                Same($"{spelling}: domain", row["Domain"], value.Normalized.Domain),
                Same($"{spelling}: remote name", row["RemoteName"], value.Normalized.Path));
            if (failure is not null) return failure;
        }
        return null;
    }
}

/// <summary>normalize_test.go TestNormalizedSplitHostname: domain and path after normalization.</summary>
internal sealed class NormalizedDomainPathCorpus() : TableCorpus("image-reference", "normalized-domain-path.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var normalized = ImageReference.Parse(row["input"]).Normalized;
        return All(Same("domain", row["domain"], normalized.Domain), Same("path", row["path"], normalized.Path));
    }
}

/// <summary>reference_test.go TestDomainAndPath: WithName splits without normalizing.</summary>
internal sealed class DomainAndPathCorpus() : TableCorpus("image-reference", "domain-and-path.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var named = ReferenceGrammar.WithName(row["input"]);
        return All(Same("error", null, named.Error), Same("domain", row["domain"], named.Domain), Same("path", row["path"], named.Path));
    }
}

/// <summary>reference_test.go TestParseNamed: only fully qualified names pass ImageReference.ParseCanonical.</summary>
internal sealed class ParseNamedCanonicalCorpus() : TableCorpus("image-reference", "parse-named-canonical.tsv")
{
    protected override string? Check(TsvRow row)
    {
        ImageReference? value = null;
        var error = Throws<DockerValueException>(() => value = ImageReference.ParseCanonical(row["input"]));
        var expected = ReferenceErrors.Parse(row["err"]);
        if (expected is not null) return Same("error", expected, error?.Problem.Kind as ImageReferenceError?);
        return All(Same("error", null, error?.Message), Same("domain", row["domain"], value!.Domain), Same("path", row["path"], value.Path));
    }
}

/// <summary>normalize_test.go TestParseAnyReference: image IDs and digests, else normalized names.</summary>
internal sealed class ParseAnyReferenceCorpus() : TableCorpus("image-reference", "parse-any-reference.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var text = row["Reference"];
        if (ImageReference.IsImageId(text, out var digest))
            return All(Same("kind", row["Expected"], $"digestReference({digest})"), Same("String()", row["Equivalent"], digest));
        return All(Same("kind", row["Expected"], ""), Same("String()", row["Equivalent"], ImageReference.Parse(text).Normalized.ToString()));
    }
}

/// <summary>normalize_test.go TestParseDockerRef: ImageReference.PullReference.</summary>
internal sealed class ParseDockerRefCorpus() : TableCorpus("image-reference", "parse-docker-ref.tsv")
{
    protected override string? Check(TsvRow row) =>
        Same("PullReference", row["expected"], ImageReference.Parse(row["input"]).PullReference.ToString());
}

/// <summary>normalize_test.go TestMatch: ImageReference.MatchesFamiliar.</summary>
internal sealed class FamiliarMatchCorpus() : TableCorpus("image-reference", "familiar-match.tsv")
{
    protected override string? Check(TsvRow row) =>
        Same("match", bool.Parse(row["expected"]), ImageReference.Parse(row["reference"]).MatchesFamiliar(row["pattern"]));
}

/// <summary>reference_test.go TestWithNameFailure.</summary>
internal sealed class WithNameFailureCorpus() : TableCorpus("image-reference", "withname-failure.tsv")
{
    protected override string? Check(TsvRow row) =>
        Same("error", ReferenceErrors.Parse(row["err"]), ReferenceGrammar.WithName(row["input"]).Error);
}

/// <summary>reference_test.go TestSerialization: ImageReference through System.Text.Json and back.</summary>
internal sealed class SerializationCorpus() : TableCorpus("image-reference", "serialization.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var json = JsonSerializer.Serialize(new Holder(row["input"]));
        var expected = ReferenceErrors.Parse(row["err"]);
        if (expected is not null)
        {
            var error = Throws<JsonException>(() => JsonSerializer.Deserialize<Field>(json));
            return Same("error", expected, (error?.InnerException as DockerValueException)?.Problem.Kind as ImageReferenceError?);
        }
        var field = JsonSerializer.Deserialize<Field>(json)!;
        return All(
            Same("name", row["name"], field.Reference.Name),
            Same("tag", ReferenceErrors.NullIfEmpty(row["tag"]), field.Reference.Tag),
            Same("digest", ReferenceErrors.NullIfEmpty(row["digest"]), field.Reference.Digest),
            Same("round trip", json, JsonSerializer.Serialize(field)));
    }

    private sealed record Holder(string Reference);

    private sealed record Field(ImageReference Reference);
}

/// <summary>regexp_test.go: the grammar's productions, with the submatches Go reports.</summary>
internal sealed class RegexpVectorsCorpus() : TableCorpus("image-reference", "regexp-vectors.tsv")
{
    protected override string? Check(TsvRow row)
    {
        var input = row["input"];
        var expected = bool.Parse(row["match"]);
        var subs = row["subs"].Length == 0 ? null : JsonSerializer.Deserialize<string[]>(row["subs"]);
        switch (row["regexp"])
        {
            case "domainAndPort":
                return Same("match", expected, ReferenceGrammar.IsDomainAndPort(input));
            case "anchoredIdentifier":
                return Same("match", expected, ReferenceGrammar.IsIdentifier(input));
            case "anchoredNameRegexp":
            {
                var matched = ReferenceGrammar.TrySplitName(input, out var domain, out var path);
                return All(Same("match", expected, matched), subs is null ? null : Same("submatches", string.Join("|", subs), $"{domain}|{path}"));
            }
            case "referenceRegexp":
            {
                var matched = ReferenceGrammar.TryMatchReference(input, out var name, out var tag, out var digest);
                return All(Same("match", expected, matched), subs is null ? null : Same("submatches", string.Join("|", subs), $"{name}|{tag}|{digest}"));
            }
            default:
                return $"unknown regexp '{row["regexp"]}'";
        }
    }
}

/// <summary>misc.md: the single-assertion tests of normalize_test.go and reference_test.go (TestWithTag/TestWithDigest values from the source).</summary>
internal sealed class ImageReferenceMiscCorpus : ICorpus
{
    private const string Digest = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
    private const string ShortDigest = "sha256:1234567890098765432112345667890098765";

    public string Name => "image-reference/misc";

    public CorpusResult Run(string corporaRoot)
    {
        if (!File.Exists(Path.Combine(corporaRoot, "image-reference", "misc.md"))) return new CorpusResult(0, 0, ["misc.md is missing"]);
        (string Name, Func<string?> Check)[] cases =
        [
            ("TestParseReferenceWithTagAndDigest", () =>
            {
                var value = ImageReference.Parse("busybox:latest@" + Digest);
                return All(
                    Same("String()", "docker.io/library/busybox:latest@" + Digest, value.Normalized.ToString()),
                    True(value.Tag is not null && value.Digest is not null, "is not both tagged and digested"),
                    Same("FamiliarString", "busybox:latest@" + Digest, value.Familiar.ToString()));
            }),
            ("TestInvalidReferenceComponents ParseNormalizedNamed(-foo)", () => True(ImageReference.Create("-foo").Problem is not null, "accepted '-foo'")),
            ("TestInvalidReferenceComponents WithTag(busybox, -foo)", () => Same("error", ImageReferenceError.TagInvalidFormat, ImageReference.Parse("busybox").WithTag("-foo").Error)),
            ("TestInvalidReferenceComponents WithDigest(busybox, foo)", () => Same("error", ImageReferenceError.DigestInvalidFormat, ImageReference.Parse("busybox").WithDigest("foo").Error)),
            ("TestMatchError", () => True(Throws<FormatException>(() => ImageReference.Parse("foo").MatchesFamiliar("[-x]")) is not null, "no error for pattern [-x]")),
            WithTag("test.com/foo", null, "tag", "test.com/foo:tag"),
            WithTag("foo", null, "tag2", "foo:tag2"),
            WithTag("test.com:8000/foo", null, "tag4", "test.com:8000/foo:tag4"),
            WithTag("test.com:8000/foo", null, "TAG5", "test.com:8000/foo:TAG5"),
            WithTag("test.com:8000/foo", ShortDigest, "TAG5", "test.com:8000/foo:TAG5@" + ShortDigest),
            WithDigest("test.com/foo", null, ShortDigest, "test.com/foo@" + ShortDigest),
            WithDigest("foo", null, ShortDigest, "foo@" + ShortDigest),
            WithDigest("test.com:8000/foo", null, ShortDigest, "test.com:8000/foo@" + ShortDigest),
            WithDigest("test.com:8000/foo", "latest", ShortDigest, "test.com:8000/foo:latest@" + ShortDigest),
        ];
        return CorpusResult.From(cases, c => c.Name, c => c.Check());
    }

    // distribution's WithTag/WithDigest check only the grammar (a 41-digit sha256 passes); ImageReference's also check
    // the digest length so the value parses back, so these go through the grammar layer.
    private static (string, Func<string?>) WithTag(string name, string? digest, string tag, string combined) => ($"TestWithTag {combined}", () =>
    {
        var named = ReferenceGrammar.WithName(name);
        if (digest is not null) named = ReferenceGrammar.WithDigest(named, digest);
        var tagged = ReferenceGrammar.WithTag(named, tag);
        return All(Same("error", null, tagged.Error), Same("String()", combined, tagged.ToString()));
    });

    private static (string, Func<string?>) WithDigest(string name, string? tag, string digest, string combined) => ($"TestWithDigest {combined}", () =>
    {
        var named = ReferenceGrammar.WithName(name);
        if (tag is not null) named = ReferenceGrammar.WithTag(named, tag);
        var digested = ReferenceGrammar.WithDigest(named, digest);
        return All(Same("error", null, digested.Error), Same("String()", combined, digested.ToString()));
    });
}
