using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Release;

public class SemanticVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3, null, null)]
    [InlineData("v1.2.3", 1, 2, 3, null, null)]
    [InlineData("0.0.0", 0, 0, 0, null, null)]
    [InlineData("2.0.0-rc.1", 2, 0, 0, "rc.1", null)]
    [InlineData("1.0.0-alpha+build.7", 1, 0, 0, "alpha", "build.7")]
    [InlineData("1.0.0+20260101", 1, 0, 0, null, "20260101")]
    public void Parses_the_parts(string text, int major, int minor, int patch, string? pre, string? build)
    {
        var version = SemanticVersion.Parse(text);
        Assert.Equal((major, minor, patch, pre, build), (version.Major, version.Minor, version.Patch, version.PreRelease, version.BuildMetadata));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("V1.2.3")]
    [InlineData(" 1.2.3")]
    [InlineData("")]
    public void Rejects_what_is_not_semver(string text)
    {
        var e = Assert.Throws<DockerValueException>(() => SemanticVersion.Parse(text));
        Assert.Contains("MAJOR.MINOR.PATCH", e.Problem.Fix);
    }

    [Fact]
    public void To_string_drops_the_leading_v() => Assert.Equal("1.2.3-rc.1+b.2", SemanticVersion.Parse("v1.2.3-rc.1+b.2").ToString());

    [Fact]
    public void Pre_release_is_flagged()
    {
        Assert.True(SemanticVersion.Parse("1.0.0-beta").IsPreRelease);
        Assert.False(SemanticVersion.Parse("1.0.0+meta").IsPreRelease);
    }
}
