using Fluent.Docker.Analyzers;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

public class ImageRuleTests
{
    [Fact]
    public Task FD0001_image_literal_without_tag_or_digest() => VerifyAsync<ImageWithoutTagAnalyzer>("""
        var a = Stage.Named("a").From({|FD0001:"debian"|});
        var b = Stage.Named("b").From({|FD0001:"127.0.0.1:5000/team/app"|});
        var c = ImageReference.Parse({|FD0001:"alpine"|});
        """);

    [Fact]
    public Task FD0001_quiet_for_tags_digests_scratch_and_non_constants() => VerifyAsync<ImageWithoutTagAnalyzer>("""
        var image = Environment.GetEnvironmentVariable("IMAGE") ?? "x";
        var a = Stage.Named("a").From("debian:bookworm-slim");
        var b = Stage.Named("b").From("127.0.0.1:5000/team/app:1.0");
        var c = Stage.Named("c").From("alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var d = Stage.Named("d").From("scratch");
        var e = Stage.Named("e").From(image);
        var f = Stage.Named("f").FromScratch();
        """);

    [Fact]
    public Task FD0002_latest_tag_and_WithTag_latest() => VerifyAsync<ImageLatestTagAnalyzer>("""
        var a = Stage.Named("a").From({|FD0002:"node:latest"|});
        var b = ImageReference.Parse("node:22").WithTag({|FD0002:"latest"|});
        """);

    [Fact]
    public Task FD0002_quiet_for_versions_digests_and_untagged() => VerifyAsync<ImageLatestTagAnalyzer>("""
        var a = Stage.Named("a").From("node:22-alpine");
        var b = Stage.Named("b").From("node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var c = Stage.Named("c").From("node");
        var d = ImageReference.Parse("node:22").WithTag("23");
        """);
}
