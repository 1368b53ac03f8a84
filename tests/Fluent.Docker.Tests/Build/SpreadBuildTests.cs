using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>What a spread build refuses before it runs anything (the runs themselves are in SpreadBuildE2ETests).</summary>
public class SpreadBuildTests
{
    private const string Digest = "sha256:49abd4ad810570771ecbd021b2c23e43d0e533f17b6fe1dd891c5c258e970d0c";
    private static readonly ImageReference Tag = ImageReference.Parse("127.0.0.1:5000/team/app:1");

    // A docker executable that does not exist: any attempt to run something would fail differently.
    private static readonly Buildx NoDocker = new("/nonexistent/docker");

    [Fact]
    public async Task A_merge_refuses_a_digest_from_another_repository()
    {
        var foreign = new PlatformDigest(Platform.LinuxArm64, ImageReference.Parse("127.0.0.1:5000/team/other"), Digest);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SpreadBuild.MergeAsync(NoDocker, Tag, [foreign]));

        Assert.Contains("team/other", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in 127.0.0.1:5000/team/app", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_refuses_the_same_platform_twice()
    {
        var repository = ImageReference.Parse("127.0.0.1:5000/team/app");
        PlatformDigest[] twice = [new(Platform.LinuxArm64, repository, Digest), new(Platform.LinuxArm64, repository, Digest.Replace('4', '5'))];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SpreadBuild.MergeAsync(NoDocker, Tag, twice));

        Assert.Contains("linux/arm64 is given 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spread_build_needs_at_least_one_engine()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SpreadBuild.BuildAsync(NoDocker, new BuildRequest("."), Tag, new Dictionary<Platform, Buildx>()));

        Assert.Equal("engines", error.ParamName);
    }

    [Fact]
    public async Task A_platform_whose_engine_cannot_run_is_named_with_its_engine_and_nothing_is_tagged()
    {
        var context = Directory.CreateTempSubdirectory("spread-unit-").FullName;
        try
        {
            var engines = new Dictionary<Platform, Buildx> { [Platform.LinuxArm64] = NoDocker.WithContext(new DockerContext("lab-node2")) };

            var error = await Assert.ThrowsAsync<SpreadBuildException>(() => SpreadBuild.BuildAsync(NoDocker, new BuildRequest(context), Tag, engines));

            var failure = Assert.Single(error.Failures);
            Assert.Equal(Platform.LinuxArm64, failure.Platform);
            Assert.Equal("lab-node2", failure.Engine);
            Assert.StartsWith("127.0.0.1:5000/team/app:1 was not tagged: linux/arm64 on engine 'lab-node2' failed", error.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(context, recursive: true); }
    }
}
