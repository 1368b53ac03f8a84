using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Release;

public class OciReleaseLabelsTests
{
    private static readonly SourceInfo Source = new("0123456789abcdef0123456789abcdef01234567", "main", "https://example.com/team/app", DateTimeOffset.FromUnixTimeSeconds(1700000000));

    [Fact]
    public void All_five_labels_from_git_and_the_build()
    {
        var labels = OciReleaseLabels.Create("app", SemanticVersion.Parse("1.2.3+build.4"), Source);

        Assert.Equal(new Dictionary<string, string>
        {
            ["org.opencontainers.image.created"] = "2023-11-14T22:13:20Z",
            ["org.opencontainers.image.revision"] = "0123456789abcdef0123456789abcdef01234567",
            ["org.opencontainers.image.source"] = "https://example.com/team/app",
            ["org.opencontainers.image.title"] = "app",
            ["org.opencontainers.image.version"] = "1.2.3+build.4",
        }, labels);
    }

    [Fact]
    public void Created_can_be_given_explicitly_and_is_utc() =>
        Assert.Equal("2026-01-02T02:04:05Z",
            OciReleaseLabels.Create("app", null, Source, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)))["org.opencontainers.image.created"]);

    [Fact]
    public void Unknown_facts_are_left_out_not_invented()
    {
        var labels = OciReleaseLabels.Create("app", null, Source with { RepositoryUrl = null });
        Assert.False(labels.ContainsKey("org.opencontainers.image.source"));
        Assert.False(labels.ContainsKey("org.opencontainers.image.version"));
    }

    [Fact]
    public void Without_source_only_title() => Assert.Equal(["org.opencontainers.image.title"], OciReleaseLabels.Create("app", null, null).Keys);
}
