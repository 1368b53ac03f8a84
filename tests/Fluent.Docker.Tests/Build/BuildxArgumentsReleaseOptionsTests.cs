using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The release options of the pure argument builder (named contexts, SOURCE_DATE_EPOCH, ssh, sbom, OCI layout), one behaviour per fact.</summary>
public class BuildxArgumentsReleaseOptionsTests
{
    private const string Metadata = "/tmp/meta.json";
    private static readonly BuildRequest Minimal = new("ctx");
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    private static IReadOnlyList<string> Args(BuildRequest request) => BuildxArguments.For(request, Metadata);

    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void NamedContextDirectoryIsNameEqualsPath() =>
        Assert.Equal(["assets=../assets"], ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("assets"), BuildContextSource.Directory("../assets"))), "--build-context"));

    [Fact]
    public void NamedContextImageUsesTheDockerImageScheme() =>
        Assert.Equal(["base=docker-image://127.0.0.1:5000/team/base:1.0"],
            ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("base"), BuildContextSource.Image("127.0.0.1:5000/team/base:1.0"))), "--build-context"));

    [Fact]
    public void NamedContextOciLayoutCarriesTheDigest() =>
        Assert.Equal(["base=oci-layout://out/base@sha256:" + new string('a', 64)],
            ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("base"), BuildContextSource.OciLayout("out/base", "sha256:" + new string('a', 64)))), "--build-context"));

    [Fact]
    public void ImageOverrideKeyIsTheFamiliarNameBuildKitMatchesFromAgainst()
    {
        var args = Args(Minimal
            .WithNamedContext("docker.io/library/busybox:latest", BuildContextSource.Directory("a"))
            .WithNamedContext("examples/base", BuildContextSource.Directory("b"))
            .WithNamedContext("127.0.0.1:5000/team/base:1.0", BuildContextSource.Directory("c")));
        Assert.Equal(["127.0.0.1:5000/team/base:1.0=c", "busybox=a", "examples/base=b"], ValuesOf(args, "--build-context"));
    }

    [Fact]
    public void SourceDateEpochIsABuildArgInSeconds() =>
        Assert.Equal(["SOURCE_DATE_EPOCH=1700000000"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch)), "--build-arg"));

    [Fact]
    public void SourceDateEpochSortsWithTheOtherBuildArgs() =>
        Assert.Equal(["A=1", "SOURCE_DATE_EPOCH=1700000000", "Z=2"],
            ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("Z"), "2").WithSourceDateEpoch(Epoch).WithBuildArg(new BuildArg("A"), "1")), "--build-arg"));

    [Fact]
    public void SourceDateEpochRewritesTimestampsOfAnOciArchive() =>
        Assert.Equal(["type=oci,dest=o.tar,rewrite-timestamp=true"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch).WithOutput(BuildOutput.OciArchive("o.tar"))), "--output"));

    [Fact]
    public void SourceDateEpochRewritesTimestampsOfADockerArchive() =>
        Assert.Equal(["type=docker,dest=d.tar,rewrite-timestamp=true"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch).WithOutput(BuildOutput.DockerArchive("d.tar"))), "--output"));

    [Fact]
    public void WithoutSourceDateEpochNoTimestampRewrite() =>
        Assert.Equal(["type=oci,dest=o.tar"], ValuesOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("o.tar"))), "--output"));

    [Fact]
    public void OciLayoutIsAnUntarredOciExport() =>
        Assert.Equal(["type=oci,dest=out/app,tar=false"], ValuesOf(Args(Minimal.WithOutput(BuildOutput.OciLayout("out/app"))), "--output"));

    [Fact]
    public void SourceDateEpochWithPushAddsNoExporterOptions()
    {
        var args = Args(Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push).WithSourceDateEpoch(Epoch));
        Assert.Contains("--push", args);
        Assert.DoesNotContain(args, a => a.Contains("rewrite-timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void SshFromAgentRendersOnlyTheId() => Assert.Equal(["default"], ValuesOf(Args(Minimal.WithSsh(BuildSsh.FromAgent())), "--ssh"));

    [Fact]
    public void SshFromFileRendersIdEqualsPath() =>
        Assert.Equal(["git=/home/me/.ssh/deploy_key"], ValuesOf(Args(Minimal.WithSsh(BuildSsh.FromFile("git", "/home/me/.ssh/deploy_key"))), "--ssh"));

    [Fact]
    public void SbomDefaultGenerator() => Assert.Contains("--sbom=true", Args(Minimal.WithSbom(new SbomAttestation())));

    [Fact]
    public void SbomWithAMirroredGenerator() =>
        Assert.Contains("--sbom=generator=127.0.0.1:5000/docker/buildkit-syft-scanner:1", Args(Minimal.WithSbom(new SbomAttestation("127.0.0.1:5000/docker/buildkit-syft-scanner:1"))));

    [Fact]
    public void TargetRendersTheStageName() =>
        Assert.Equal(["runtime"], ValuesOf(Args(Minimal.WithTarget(Stage.Named("runtime").FromScratch())), "--target"));

    [Fact]
    public void LabelsFromADictionaryAreAllSet() =>
        Assert.Equal(["a.b=1", "c.d=2"], ValuesOf(Args(Minimal.WithLabels(new Dictionary<string, string> { ["c.d"] = "2", ["a.b"] = "1" })), "--label"));

    [Fact]
    public void AgentFromAnotherVariableIsMappedOntoSshAuthSockInTheEnvironment()
    {
        Environment.SetEnvironmentVariable("FLUENT_TEST_AGENT", "/run/agent.sock");
        var environment = Buildx.EnvironmentFor(Minimal.WithSsh(BuildSsh.FromAgent("default", "FLUENT_TEST_AGENT")));
        Assert.Equal("/run/agent.sock", environment["SSH_AUTH_SOCK"]);
    }
}
