using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The pure argument builder, one behaviour per fact.</summary>
public class BuildxArgumentsTests
{
    private const string Metadata = "/tmp/meta.json";
    private static readonly BuildRequest Minimal = new("ctx");

    private static IReadOnlyList<string> Args(BuildRequest request) => BuildxArguments.For(request, Metadata);

    /// <summary>The value that follows <paramref name="option"/> (for options given as two arguments).</summary>
    private static string ValueOf(IReadOnlyList<string> args, string option)
    {
        var index = args.ToList().IndexOf(option);
        Assert.True(index >= 0, $"{option} missing from: {string.Join(" ", args)}");
        return args[index + 1];
    }

    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void MinimalRequestIsBuildxBuildWithMetadataProgressAndContextLast() =>
        Assert.Equal(["buildx", "build", "--metadata-file", Metadata, "--progress=rawjson", "ctx"], Args(Minimal));

    [Fact]
    public void PlatformsAreOneCommaSeparatedArgument() =>
        Assert.Equal("linux/amd64,linux/arm64", ValueOf(Args(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)), "--platform"));

    [Fact]
    public void PlatformVariantIsRendered() =>
        Assert.Equal("linux/arm/v7", ValueOf(Args(Minimal.WithPlatforms(Platform.LinuxArmV7)), "--platform"));

    [Fact]
    public void NoPlatformsLeavesTheEngineDefault() => Assert.DoesNotContain("--platform", Args(Minimal));

    [Fact]
    public void EachTagGetsItsOwnFlagInOrder() =>
        Assert.Equal(["127.0.0.1:5000/team/app:1.0", "team/app:latest"],
            ValuesOf(Args(Minimal.WithTags("127.0.0.1:5000/team/app:1.0", "team/app:latest")), "-t"));

    [Fact]
    public void DockerfilePathIsPassedWithFile() =>
        Assert.Equal("build/Dockerfile", ValueOf(Args(Minimal.WithDockerfile("build/Dockerfile")), "--file"));

    [Fact]
    public void TargetCanBeAModelStage()
    {
        var stage = Stage.Named("build").From("busybox:1.36");
        Assert.Equal("build", ValueOf(Args(Minimal.WithTarget(stage)), "--target"));
    }

    [Fact]
    public void BuildArgsAreNameEqualsValueSortedByName() =>
        Assert.Equal(["A_FIRST=1", "B_SECOND=two words"],
            ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("B_SECOND"), "two words").WithBuildArg(new BuildArg("A_FIRST"), "1")), "--build-arg"));

    [Fact]
    public void SettingABuildArgTwiceKeepsTheLastValue() =>
        Assert.Equal(["V=2"], ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("V"), "1").WithBuildArg(new BuildArg("V", "0"), "2")), "--build-arg"));

    [Fact]
    public void LabelsAreKeyEqualsValue() =>
        Assert.Equal(["org.opencontainers.image.version=1.0"], ValuesOf(Args(Minimal.WithLabel(OciLabels.Version, "1.0")), "--label"));

    [Fact]
    public void PushOutputIsPush() => Assert.Contains("--push", Args(Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push)));

    [Fact]
    public void LoadOutputIsLoad() => Assert.Contains("--load", Args(Minimal.WithOutput(BuildOutput.Load())));

    [Fact]
    public void OciArchiveOutputNamesTypeAndDestination() =>
        Assert.Equal("type=oci,dest=out/app.tar", ValueOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("out/app.tar"))), "--output"));

    [Fact]
    public void DockerArchiveOutputNamesTypeAndDestination() =>
        Assert.Equal("type=docker,dest=out/app.tar", ValueOf(Args(Minimal.WithOutput(BuildOutput.DockerArchive("out/app.tar"))), "--output"));

    [Fact]
    public void LocalDirectoryOutputNamesTypeAndDestination() =>
        Assert.Equal("type=local,dest=out/rootfs", ValueOf(Args(Minimal.WithOutput(BuildOutput.LocalDirectory("out/rootfs"))), "--output"));

    [Fact]
    public void AnOutputPathWithACommaIsCsvQuotedSoItStaysOneField() =>
        Assert.Equal("type=oci,\"dest=out/a,b.tar\"", ValueOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("out/a,b.tar"))), "--output"));

    [Fact]
    public void NoOutputLeavesTheBuilderDefault()
    {
        var args = Args(Minimal);
        Assert.DoesNotContain("--push", args);
        Assert.DoesNotContain("--load", args);
        Assert.DoesNotContain("--output", args);
    }

    [Theory]
    [InlineData(ProvenanceMode.None, "--provenance=false")]
    [InlineData(ProvenanceMode.Min, "--provenance=mode=min")]
    [InlineData(ProvenanceMode.Max, "--provenance=mode=max")]
    public void ProvenanceModeIsRendered(ProvenanceMode mode, string expected) => Assert.Contains(expected, Args(Minimal.WithProvenance(mode)));

    [Fact]
    public void ProvenanceUnsetLeavesBuildxDefault() => Assert.DoesNotContain(Args(Minimal), a => a.StartsWith("--provenance", StringComparison.Ordinal));

    [Fact]
    public void NoCacheAndPullAreFlags()
    {
        var args = Args(Minimal.WithNoCache().WithPull());
        Assert.Contains("--no-cache", args);
        Assert.Contains("--pull", args);
    }

    [Fact]
    public void CacheFromRegistryAndLocal() =>
        Assert.Equal(["type=registry,ref=r:5000/app:cache", "type=local,src=.cache"],
            ValuesOf(Args(Minimal.WithCacheFrom(BuildCache.Registry("r:5000/app:cache")).WithCacheFrom(BuildCache.Local(".cache"))), "--cache-from"));

    [Fact]
    public void CacheToRegistryMaxSaysMode() =>
        Assert.Equal("type=registry,ref=r:5000/app:cache,mode=max", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Registry("r:5000/app:cache", CacheMode.Max))), "--cache-to"));

    [Fact]
    public void CacheToLocalMinLeavesModeDefault() =>
        Assert.Equal("type=local,dest=.cache", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Local(".cache"))), "--cache-to"));

    [Fact]
    public void CacheToInline() => Assert.Equal("type=inline", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Inline)), "--cache-to"));

    [Fact]
    public void SecretFromEnvironmentIsRenderedByVariableName() =>
        Assert.Equal("id=npm_token,env=NPM_TOKEN", ValueOf(Args(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("npm_token"), "NPM_TOKEN"))), "--secret"));

    [Fact]
    public void SecretFromFileIsRenderedByPath() =>
        Assert.Equal("id=npmrc,src=/home/me/.npmrc", ValueOf(Args(Minimal.WithSecret(BuildSecret.FromFile(new SecretId("npmrc"), "/home/me/.npmrc"))), "--secret"));

    [Fact]
    public void SecretValueNeverReachesTheArguments()
    {
        var args = Args(Minimal.WithSecret(BuildSecret.FromValue(new SecretId("token"), "hunter2-value")));
        Assert.DoesNotContain(args, a => a.Contains("hunter2-value", StringComparison.Ordinal));
        Assert.Equal("id=token,env=FLUENT_DOCKER_SECRET_746F6B656E", ValueOf(args, "--secret"));
    }

    [Fact]
    public void BuilderIsPassed() => Assert.Equal("ci", ValueOf(Args(Minimal.WithBuilder("ci")), "--builder"));

    [Fact]
    public void ProgressIsAlwaysRawJson() => Assert.Contains("--progress=rawjson", Args(Minimal));

    [Fact]
    public void MetadataFileIsPassed() => Assert.Equal(Metadata, ValueOf(Args(Minimal), "--metadata-file"));

    [Fact]
    public void ContextStartingWithDashIsNotReadAsAnOption() => Assert.Equal("./-odd", Args(new BuildRequest("-odd"))[^1]);

    [Fact]
    public void EmptyMetadataPathIsRejected() =>
        Assert.Contains("metadata", Assert.Throws<ArgumentException>(() => BuildxArguments.For(Minimal, " ")).Message);

    [Fact]
    public void ForValidatesTheRequestFirst() =>
        Assert.Throws<BuildRequestException>(() => BuildxArguments.For(Minimal.WithOutput(BuildOutput.Push), Metadata));

    [Fact]
    public void WithMethodsReturnANewRequestAndLeaveTheOriginal()
    {
        var tagged = Minimal.WithTags("a:1");
        Assert.Empty(Minimal.Tags);
        Assert.Single(tagged.Tags);
    }

    [Fact]
    public void RequestToStringIsTheQuotedCommandLine() =>
        Assert.Equal("docker buildx build --build-arg 'MSG=hello world' --metadata-file '<metadata-file>' --progress=rawjson ctx",
            Minimal.WithBuildArg(new BuildArg("MSG"), "hello world").ToString());
}
