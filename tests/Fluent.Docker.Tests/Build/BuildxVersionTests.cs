using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The installed buildx's version and the flag table: a flag it lacks is refused with the release it needs.</summary>
public class BuildxVersionTests
{
    [Theory]
    [InlineData("github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4", 0, 29, 1)] // the lab's distribution build
    [InlineData("github.com/docker/buildx v0.15.1 1fc5647dc281ca3c2ad5b451aeff2dce84f1dc49", 0, 15, 1)]
    [InlineData("github.com/docker/buildx v0.10 abc", 0, 10, 0)]
    public void The_version_is_read_from_buildx_version_output(string output, int major, int minor, int patch) =>
        Assert.Equal(new BuildxVersion(major, minor, patch), BuildxVersion.FromVersionOutput(output));

    [Fact]
    public void A_development_build_names_no_version() =>
        Assert.Null(BuildxVersion.FromVersionOutput("github.com/docker/buildx dev abc"));

    [Fact]
    public void Versions_compare_numerically()
    {
        Assert.True(new BuildxVersion(0, 9, 0) < new BuildxVersion(0, 10, 0));
        Assert.True(new BuildxVersion(1, 0, 0) > new BuildxVersion(0, 29, 1));
        Assert.True(new BuildxVersion(0, 15, 0) >= new BuildxVersion(0, 15, 0));
    }

    [Fact]
    public void A_flag_older_buildx_lacks_is_refused_naming_the_option_and_the_release_it_needs()
    {
        var request = new BuildRequest("ctx").WithAnnotation(ImageAnnotation.Index("k", "v"));
        var args = BuildxArguments.For(request, "/tmp/m.json");

        var e = Assert.Throws<BuildRequestException>(() => BuildxFlagTable.Check(args, new BuildxVersion(0, 11, 2)));

        Assert.Equal("Annotations", e.Option);
        Assert.Contains("--annotation needs buildx 0.12.0 or later; the installed buildx is 0.11.2.", e.Problems[0].Message);
        Assert.Contains("upgrade the buildx plugin", e.Problems[0].Fix);
        BuildxFlagTable.Check(args, new BuildxVersion(0, 12, 0));
    }

    [Fact]
    public void Call_needs_0_15_and_says_what_to_do_instead()
    {
        var args = BuildxArguments.ForCall(new BuildRequest("ctx"), BuildCall.Check);
        var e = Assert.Throws<BuildRequestException>(() => BuildxFlagTable.Check(args, new BuildxVersion(0, 14, 0)));
        Assert.Contains("0.15.0", e.Problems[0].Message);
        Assert.Contains("Linter", e.Problems[0].Fix);
    }

    [Fact]
    public void Bake_fields_can_need_a_later_release_than_the_build_flag()
    {
        var args = BuildxArguments.Render(new BuildRequest("ctx").WithShmSize(ByteSize.FromMebibytes(128)), null);
        BuildxFlagTable.Check(args, new BuildxVersion(0, 12, 0)); // buildx build has had --shm-size since 0.7
        var e = Assert.Throws<BuildRequestException>(() => BuildxFlagTable.Check(args, new BuildxVersion(0, 12, 0), bake: true));
        Assert.Contains("0.13.0", e.Problems[0].Message);
    }

    [Fact]
    public void An_unknown_version_refuses_nothing() =>
        BuildxFlagTable.Check(BuildxArguments.ForCall(new BuildRequest("ctx"), BuildCall.Check), installed: null);

    [Fact]
    public void Every_row_names_a_flag_the_argument_builder_renders_and_a_request_option()
    {
        var properties = typeof(BuildRequest).GetProperties().Select(p => p.Name).Append("Call").ToHashSet();
        var source = File.ReadAllText(Path.Combine(Examples.RepositoryLayout.Root, "src", "Fluent.Docker.Buildx", "Build", "BuildxArguments.cs"));
        foreach (var row in BuildxFlagTable.Rows)
        {
            Assert.Contains(row.Option, properties);
            Assert.Contains("\"" + row.Flag, source);
        }
    }
}
