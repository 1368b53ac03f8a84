using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Each mistake fails before buildx runs, naming the option and a fix.</summary>
public class BuildRequestValidationTests
{
    private static readonly BuildRequest Minimal = new("ctx");

    private static BuildRequestException Invalid(BuildRequest request) => Assert.Throws<BuildRequestException>(request.Validate);

    [Fact]
    public void PushWithoutTagsNamesOutputAndSaysHowToAddATag()
    {
        var e = Invalid(Minimal.WithOutput(BuildOutput.Push));
        Assert.Equal("Output", e.Option);
        Assert.Contains("WithTags", e.Problems[0].Fix);
        Assert.StartsWith("BuildRequest.Output: ", e.Message);
        Assert.Contains(" Fix: ", e.Message);
    }

    [Fact]
    public void NoPlatformsIsAllowed() => Minimal.WithOutput(BuildOutput.Load()).Validate();

    [Fact]
    public void LoadOfSeveralPlatformsNeedsTheContainerdStore()
    {
        var e = Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.Load()));
        Assert.Equal("Output", e.Option);
        Assert.Contains("containerdImageStore: true", e.Problems[0].Fix);
    }

    [Fact]
    public void LoadOfSeveralPlatformsIsAllowedWithTheContainerdStore() =>
        Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.Load(containerdImageStore: true)).Validate();

    [Fact]
    public void EmptyOciArchivePathNamesOutput() => Assert.Equal("Output", Invalid(Minimal.WithOutput(BuildOutput.OciArchive(""))).Option);

    [Fact]
    public void EmptyLocalDirectoryNamesOutput() => Assert.Equal("Output", Invalid(Minimal.WithOutput(BuildOutput.LocalDirectory(" "))).Option);

    [Fact]
    public void DockerArchiveOfSeveralPlatformsPointsToOciArchive()
    {
        var e = Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.DockerArchive("a.tar")));
        Assert.Equal("Output", e.Option);
        Assert.Contains("OciArchive", e.Problems[0].Fix);
    }

    [Fact]
    public void EmptyContextNamesContextDirectory() => Assert.Equal("ContextDirectory", Invalid(new BuildRequest("")).Option);

    [Fact]
    public void AutomaticPlatformNamesPlatforms() => Assert.Equal("Platforms", Invalid(Minimal.WithPlatforms(Platform.BuildPlatform)).Option);

    [Fact]
    public void DuplicatePlatformNamesPlatforms() => Assert.Equal("Platforms", Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxAmd64)).Option);

    [Fact]
    public void InvalidTagNamesTagsAndCarriesTheValueProblem()
    {
        var e = Invalid(Minimal.WithTags("Bad Name:1"));
        Assert.Equal("Tags", e.Option);
        Assert.Contains("repository name", e.Problems[0].Message);
    }

    [Fact]
    public void TagWithDigestNamesTags() =>
        Assert.Equal("Tags", Invalid(Minimal.WithTags("app@sha256:" + new string('a', 64))).Option);

    [Fact]
    public void BadBuildArgNameNamesBuildArgs() => Assert.Equal("BuildArgs", Invalid(Minimal.WithBuildArg(new BuildArg("1BAD"), "x")).Option);

    [Fact]
    public void BadSecretIdNamesSecrets() =>
        Assert.Equal("Secrets", Invalid(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("no spaces"), "X"))).Option);

    [Fact]
    public void DuplicateSecretIdNamesSecrets() =>
        Assert.Equal("Secrets", Invalid(Minimal
            .WithSecret(BuildSecret.FromEnvironment(new SecretId("t"), "A"))
            .WithSecret(BuildSecret.FromFile(new SecretId("t"), "/f"))).Option);

    [Fact]
    public void SecretWithoutVariableNamesSecrets() =>
        Assert.Equal("Secrets", Invalid(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("t"), ""))).Option);

    [Fact]
    public void InlineCacheCannotBeImported() => Assert.Equal("CacheFrom", Invalid(Minimal.WithCacheFrom(BuildCache.Inline)).Option);

    [Fact]
    public void EmptyLocalCacheNamesCacheTo() => Assert.Equal("CacheTo", Invalid(Minimal.WithCacheTo(BuildCache.Local(""))).Option);

    [Fact]
    public void InvalidTargetNamesTarget() => Assert.Equal("Target", Invalid(Minimal.WithTarget(Stage.Named("two words").From("busybox:1.36"))).Option);

    [Fact]
    public void UnnamedStageAsTargetNamesTarget() => Assert.Equal("Target", Invalid(Minimal.WithTarget(Stage.Unnamed().From("busybox:1.36"))).Option);

    [Fact]
    public void EmptyBuilderNamesBuilder() => Assert.Equal("Builder", Invalid(Minimal.WithBuilder("")).Option);

    [Fact]
    public void EmptyDockerfilePathNamesDockerfilePath() => Assert.Equal("DockerfilePath", Invalid(Minimal.WithDockerfile("")).Option);
}
