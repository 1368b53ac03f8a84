using System.Text.Json;

namespace Fluent.Docker.Tests.References;

/// <summary>ImageReference beyond the distribution corpus: the written form, the derived forms, and errors that name the fix.</summary>
public class ImageReferenceTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("redis", null, "redis", null)]
    [InlineData("redis:7", null, "redis", "7")]
    [InlineData("team/app:1.0", null, "team/app", "1.0")]
    [InlineData("library/redis", null, "library/redis", null)]
    [InlineData("docker.io/library/redis:7", "docker.io", "library/redis", "7")]
    [InlineData("index.docker.io/redis", "index.docker.io", "redis", null)]
    [InlineData("localhost/app", "localhost", "app", null)]
    [InlineData("127.0.0.1:5000/team/app:1", "127.0.0.1:5000", "team/app", "1")]
    [InlineData("[::1]:5000/app", "[::1]:5000", "app", null)]
    [InlineData("Registry/app", "Registry", "app", null)]
    public void Keeps_the_form_it_was_written_in(string text, string? domain, string path, string? tag)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(domain, reference.Domain);
        Assert.Equal(path, reference.Path);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(text, reference.ToString());
        Assert.Null(reference.Error);
    }

    [Theory]
    [InlineData("redis", "docker.io/library/redis", "redis", "docker.io/library/redis:latest")]
    [InlineData("redis:7", "docker.io/library/redis:7", "redis:7", "docker.io/library/redis:7")]
    [InlineData("index.docker.io/team/app", "docker.io/team/app", "team/app", "docker.io/team/app:latest")]
    [InlineData("docker.io/library/a/b:1", "docker.io/library/a/b:1", "library/a/b:1", "docker.io/library/a/b:1")]
    [InlineData("ghcr.io/org/tool:2@" + Sha, "ghcr.io/org/tool:2@" + Sha, "ghcr.io/org/tool:2@" + Sha, "ghcr.io/org/tool@" + Sha)]
    [InlineData("localhost:5000/app", "localhost:5000/app", "localhost:5000/app", "localhost:5000/app:latest")]
    public void Normalized_familiar_and_pull_forms(string text, string normalized, string familiar, string pull)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(normalized, reference.Normalized.ToString());
        Assert.Equal(familiar, reference.Familiar.ToString());
        Assert.Equal(pull, reference.PullReference.ToString());
        Assert.Equal(text == normalized, reference.IsCanonical);
        Assert.True(ImageReference.Parse(normalized).IsCanonical);
    }

    [Fact]
    public void A_canonical_parse_names_the_qualified_form_as_the_fix()
    {
        var error = Assert.Throws<DockerValueException>(() => ImageReference.ParseCanonical("redis:7"));

        Assert.Equal(ImageReferenceError.NameNotCanonical, error.Problem.Kind);
        Assert.Contains("'docker.io/library/redis:7'", error.Problem.Fix);
        Assert.Equal("docker.io/library/redis:7", ImageReference.ParseCanonical("docker.io/library/redis:7").ToString());
    }

    [Theory]
    [InlineData("", ImageReferenceError.NameEmpty, "empty")]
    [InlineData("Team/App:1", ImageReferenceError.NameContainsUppercase, "'team/app:1'")]
    [InlineData("ghcr.io/Org/Tool:V1", ImageReferenceError.NameContainsUppercase, "'ghcr.io/org/tool:V1'")]
    [InlineData("redis@sha256:abc0123456789abcdef0123456789abcdef", ImageReferenceError.DigestInvalidLength, "sha256 needs 64")]
    [InlineData("redis@md5:0123456789abcdef0123456789abcdef", ImageReferenceError.DigestUnsupported, "sha256, sha384, sha512")]
    [InlineData("redis@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", ImageReferenceError.DigestInvalidFormat, "lowercase")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ImageReferenceError.NameIsIdentifier, "image ID")]
    [InlineData("redis:-7", ImageReferenceError.ReferenceInvalidFormat, "'-7' is not a valid tag")]
    [InlineData("my image:1", ImageReferenceError.ReferenceInvalidFormat, "whitespace at position 2")]
    [InlineData("Bad Image", ImageReferenceError.NameContainsUppercase, "Also: 'bad image' contains whitespace")]
    [InlineData("https://ghcr.io/org/tool", ImageReferenceError.ReferenceInvalidFormat, "is a URL")]
    [InlineData("bad_host.com:80/app", ImageReferenceError.ReferenceInvalidFormat, "'bad_host.com:80' is not a valid registry host")]
    [InlineData("team//app", ImageReferenceError.ReferenceInvalidFormat, "'team//app' is not a valid repository name")]
    [InlineData("redis@sha256", ImageReferenceError.ReferenceInvalidFormat, "'sha256' is not a digest")]
    public void Each_error_class_names_the_part_at_fault_and_the_fix(string text, ImageReferenceError error, string detail)
    {
        ImageReference reference = text;

        Assert.Equal(error, reference.Error);
        Assert.Equal(error, reference.Problem!.Kind);
        Assert.Contains(detail, reference.Problem.ToString());
        Assert.Equal(text, reference.ToString()); // an invalid value shows what was given
        var thrown = Assert.Throws<DockerValueException>(() => ImageReference.Parse(text));
        Assert.Equal(error, thrown.Problem.Kind);
        Assert.False(ImageReference.TryParse(text, out _));
    }

    [Fact]
    public void The_validator_reports_the_error_class_with_the_instruction()
    {
        var errors = Dockerfile.Create(Stage.Named("app").From("Team/App:1").Cmd("x")).Validate();

        var error = Assert.Single(errors);
        Assert.Equal("base image", error.Location.Slot);
        Assert.Equal(ImageReferenceError.NameContainsUppercase, error.Kind);
    }

    [Fact]
    public void Standard_digest_algorithms_are_accepted_as_the_docker_tooling_accepts_them()
    {
        Assert.Equal("sha512", ImageReference.Parse("redis@sha512:" + new string('a', 128)).Digest![..6]);
        Assert.Equal("sha384", ImageReference.Parse("redis@sha384:" + new string('b', 96)).Digest![..6]);
        Assert.Equal(ImageReferenceError.DigestInvalidLength, ((ImageReference)("redis@sha512:" + new string('a', 64))).Error);
    }

    [Fact]
    public void With_tag_digest_and_registry_return_new_values()
    {
        var redis = ImageReference.Parse("redis:7");

        Assert.Equal("redis:7.2", redis.WithTag("7.2").ToString());
        Assert.Equal("redis:7@" + Sha, redis.WithDigest(Sha).ToString());
        Assert.Equal("mirror.local:5000/redis:7", redis.WithRegistry("mirror.local:5000").ToString());
        Assert.Equal("redis:7", redis.ToString());
        Assert.Equal(ImageReferenceError.TagInvalidFormat, redis.WithTag("-bad").Error);
        Assert.Equal(ImageReferenceError.DigestInvalidFormat, redis.WithDigest("sha256").Error);
        // distribution's WithDigest checks only the shape; here the value must also parse back, so the length counts.
        Assert.Equal(ImageReferenceError.DigestInvalidLength, redis.WithDigest("sha256:" + new string('1', 41)).Error);
        Assert.Equal("redis:7", redis.WithDigest(Sha).WithoutDigest().ToString());
        Assert.Equal("mirror.local:5000/team/redis", ImageReference.Parse("mirror.local:5000/team/redis@" + Sha).WithoutDigest().ToString());
        Assert.Same(redis, redis.WithoutDigest());
    }

    [Fact]
    public void Pinned_means_a_digest_or_a_tag_other_than_latest()
    {
        Assert.False(ImageReference.Parse("redis").IsPinned);
        Assert.False(ImageReference.Parse("redis:latest").IsPinned);
        Assert.True(ImageReference.Parse("redis:7").IsPinned);
        Assert.True(ImageReference.Parse("redis@" + Sha).IsPinned);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData(Sha, true, Sha)]
    [InlineData("sha256:abc", false, "")]
    [InlineData("redis", false, "")]
    public void Image_ids_are_told_apart_from_names(string text, bool isId, string digest)
    {
        Assert.Equal(isId, ImageReference.IsImageId(text, out var parsed));
        Assert.Equal(digest, parsed);
    }

    [Fact]
    public void Familiar_matching_uses_go_path_match_on_the_familiar_form()
    {
        var app = ImageReference.Parse("docker.io/team/app:1");

        Assert.True(app.MatchesFamiliar("team/*"));
        Assert.True(app.MatchesFamiliar("team/app:?"));
        Assert.False(app.MatchesFamiliar("*"));
        Assert.Throws<FormatException>(() => app.MatchesFamiliar("team/[app"));
    }

    [Fact]
    public void Json_holds_the_reference_as_its_text()
    {
        var json = JsonSerializer.Serialize(new Holder(ImageReference.Parse("ghcr.io/org/tool:2")));

        Assert.Equal("""{"Image":"ghcr.io/org/tool:2"}""", json);
        Assert.Equal(ImageReference.Parse("ghcr.io/org/tool:2"), JsonSerializer.Deserialize<Holder>(json)!.Image);
        var bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Image":"bad image"}"""));
        Assert.Equal(ImageReferenceError.ReferenceInvalidFormat, Assert.IsType<DockerValueException>(bad.InnerException).Problem.Kind);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Holder("Bad Image")));
    }

    private sealed record Holder(ImageReference Image);
}
