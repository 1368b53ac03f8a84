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

    [Fact]
    public void On_the_docker_driver_each_platform_is_exported_as_an_oci_layout_without_tags()
    {
        var request = new BuildRequest("ctx").WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithTags(Tag).WithOutput(BuildOutput.Push)
            .WithDriver(BuilderDriver.DockerContainerdStore);

        var single = SpreadBuild.PlatformRequest(request, Platform.LinuxArm64, ImageReference.Parse("127.0.0.1:5000/team/app"), "/tmp/layout");

        Assert.Equal([Platform.LinuxArm64], single.Platforms);
        Assert.Empty(single.Tags);
        var arguments = BuildxArguments.For(single, "/tmp/metadata.json");
        Assert.Equal("type=oci,dest=/tmp/layout,tar=false", arguments[arguments.ToList().IndexOf("--output") + 1]);
        Assert.DoesNotContain("-t", arguments);
    }

    [Fact]
    public void On_a_builder_that_pushes_by_digest_each_platform_goes_to_the_repository_by_digest_with_no_tag()
    {
        var request = new BuildRequest("ctx").WithPlatforms(Platform.LinuxAmd64).WithTags(Tag).WithDriver(BuilderDriver.DockerContainer);

        var single = SpreadBuild.PlatformRequest(request, Platform.LinuxArm64, ImageReference.Parse("127.0.0.1:5000/team/app"), "/tmp/layout");

        var arguments = BuildxArguments.For(single, "/tmp/metadata.json");
        Assert.Equal("type=image,name=127.0.0.1:5000/team/app,push=true,push-by-digest=true,name-canonical=true", arguments[arguments.ToList().IndexOf("--output") + 1]);
        Assert.Equal("linux/arm64", arguments[arguments.ToList().IndexOf("--platform") + 1]);
    }
}
