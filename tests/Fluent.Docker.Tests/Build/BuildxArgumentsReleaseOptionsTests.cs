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
    public void Named_context_directory_is_name_equals_path() =>
        Assert.Equal(["assets=../assets"], ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("assets"), BuildContextSource.Directory("../assets"))), "--build-context"));

    [Fact]
    public void Named_context_image_uses_the_docker_image_scheme() =>
        Assert.Equal(["base=docker-image://127.0.0.1:5000/team/base:1.0"],
            ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("base"), BuildContextSource.Image("127.0.0.1:5000/team/base:1.0"))), "--build-context"));

    [Fact]
    public void Named_context_oci_layout_carries_the_digest() =>
        Assert.Equal(["base=oci-layout://out/base@sha256:" + new string('a', 64)],
            ValuesOf(Args(Minimal.WithNamedContext(new NamedContext("base"), BuildContextSource.OciLayout("out/base", "sha256:" + new string('a', 64)))), "--build-context"));

    [Fact]
    public void Image_override_key_is_the_familiar_name_build_kit_matches_from_against()
    {
        var args = Args(Minimal
            .WithNamedContext("docker.io/library/busybox:latest", BuildContextSource.Directory("a"))
            .WithNamedContext("examples/base", BuildContextSource.Directory("b"))
            .WithNamedContext("127.0.0.1:5000/team/base:1.0", BuildContextSource.Directory("c")));
        Assert.Equal(["127.0.0.1:5000/team/base:1.0=c", "busybox=a", "examples/base=b"], ValuesOf(args, "--build-context"));
    }

    [Fact]
    public void Source_date_epoch_is_a_build_arg_in_seconds() =>
        Assert.Equal(["SOURCE_DATE_EPOCH=1700000000"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch)), "--build-arg"));

    [Fact]
    public void Source_date_epoch_sorts_with_the_other_build_args() =>
        Assert.Equal(["A=1", "SOURCE_DATE_EPOCH=1700000000", "Z=2"],
            ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("Z"), "2").WithSourceDateEpoch(Epoch).WithBuildArg(new BuildArg("A"), "1")), "--build-arg"));

    [Fact]
    public void Source_date_epoch_rewrites_timestamps_of_an_oci_archive() =>
        Assert.Equal(["type=oci,dest=o.tar,rewrite-timestamp=true"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch).WithOutput(BuildOutput.OciArchive("o.tar"))), "--output"));

    [Fact]
    public void Source_date_epoch_rewrites_timestamps_of_a_docker_archive() =>
        Assert.Equal(["type=docker,dest=d.tar,rewrite-timestamp=true"], ValuesOf(Args(Minimal.WithSourceDateEpoch(Epoch).WithOutput(BuildOutput.DockerArchive("d.tar"))), "--output"));

    [Fact]
    public void Without_source_date_epoch_no_timestamp_rewrite() =>
        Assert.Equal(["type=oci,dest=o.tar"], ValuesOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("o.tar"))), "--output"));

    [Fact]
    public void Oci_layout_is_an_untarred_oci_export() =>
        Assert.Equal(["type=oci,dest=out/app,tar=false"], ValuesOf(Args(Minimal.WithOutput(BuildOutput.OciLayout("out/app"))), "--output"));

    [Fact]
    public void Source_date_epoch_with_push_adds_no_exporter_options()
    {
        var args = Args(Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push).WithSourceDateEpoch(Epoch));
        Assert.Contains("--push", args);
        Assert.DoesNotContain(args, a => a.Contains("rewrite-timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void Ssh_from_agent_renders_only_the_id() => Assert.Equal(["default"], ValuesOf(Args(Minimal.WithSsh(BuildSsh.FromAgent())), "--ssh"));

    [Fact]
    public void Ssh_from_file_renders_id_equals_path() =>
        Assert.Equal(["git=/home/me/.ssh/deploy_key"], ValuesOf(Args(Minimal.WithSsh(BuildSsh.FromFile("git", "/home/me/.ssh/deploy_key"))), "--ssh"));

    [Fact]
    public void Sbom_default_generator() => Assert.Contains("--sbom=true", Args(Minimal.WithSbom(new SbomAttestation())));

    [Fact]
    public void Sbom_with_a_mirrored_generator() =>
        Assert.Contains("--sbom=generator=127.0.0.1:5000/docker/buildkit-syft-scanner:1", Args(Minimal.WithSbom(new SbomAttestation("127.0.0.1:5000/docker/buildkit-syft-scanner:1"))));

    [Fact]
    public void Target_renders_the_stage_name() =>
        Assert.Equal(["runtime"], ValuesOf(Args(Minimal.WithTarget(Stage.Named("runtime").FromScratch())), "--target"));

    [Fact]
    public void Labels_from_a_dictionary_are_all_set() =>
        Assert.Equal(["a.b=1", "c.d=2"], ValuesOf(Args(Minimal.WithLabels(new Dictionary<string, string> { ["c.d"] = "2", ["a.b"] = "1" })), "--label"));

    [Fact]
    public void Agent_from_another_variable_is_mapped_onto_ssh_auth_sock_in_the_environment()
    {
        Environment.SetEnvironmentVariable("FLUENT_TEST_AGENT", "/run/agent.sock");
        var environment = Buildx.EnvironmentFor(Minimal.WithSsh(BuildSsh.FromAgent("default", "FLUENT_TEST_AGENT")));
        Assert.Equal("/run/agent.sock", environment["SSH_AUTH_SOCK"]);
    }
}
