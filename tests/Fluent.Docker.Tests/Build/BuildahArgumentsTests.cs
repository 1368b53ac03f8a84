using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The pure Buildah argument builder: the same request as buildx, rendered for buildah build, and the options Buildah refuses.</summary>
public class BuildahArgumentsTests
{
    private const string IdFile = "/tmp/app.iid";
    private static readonly BuildRequest Minimal = new("ctx");

    private static IReadOnlyList<string> Args(BuildRequest request) => BuildahArguments.For(request, IdFile);

    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void Minimal_request_builds_the_docker_format_with_layers_and_the_context_last() =>
        Assert.Equal(["build", "--format", "docker", "--layers", "--identity-label=false", "--force-rm", "--iidfile", IdFile, "ctx"], Args(Minimal));

    [Fact]
    public void Request_options_map_to_their_buildah_flags()
    {
        var request = Minimal.WithDockerfile("ctx/Dockerfile").WithTarget(Stage.Named("runtime").From("busybox:1.36"))
            .WithPlatforms(Platform.LinuxArm64).WithTags("127.0.0.1:5000/app:1", "127.0.0.1:5000/app:latest")
            .WithBuildArg(new BuildArg("VERSION"), "1.2.3").WithLabel("org.opencontainers.image.title", "app")
            .WithNetwork(NetworkMode.None).WithNoCache().WithPull().WithSourceDateEpoch(DateTimeOffset.FromUnixTimeSeconds(1700000000))
            .WithShmSize(ByteSize.Parse("128m")).WithUlimit(new BuildUlimit(UlimitName.Nofile, 1024, 4096))
            .WithNamedContext(new NamedContext("extra"), BuildContextSource.Directory("/data"));

        var args = Args(request);

        Assert.Equal(["ctx/Dockerfile"], ValuesOf(args, "--file"));
        Assert.Equal(["runtime"], ValuesOf(args, "--target"));
        Assert.Equal(["linux/arm64"], ValuesOf(args, "--platform"));
        Assert.Equal(["127.0.0.1:5000/app:1", "127.0.0.1:5000/app:latest"], ValuesOf(args, "--tag"));
        Assert.Equal(["VERSION=1.2.3"], ValuesOf(args, "--build-arg"));
        Assert.Equal(["org.opencontainers.image.title=app"], ValuesOf(args, "--label"));
        Assert.Equal(["extra=/data"], ValuesOf(args, "--build-context"));
        Assert.Equal(["1700000000"], ValuesOf(args, "--timestamp"));
        Assert.Equal(["nofile=1024:4096"], ValuesOf(args, "--ulimit"));
        Assert.Contains("--network=none", args);
        Assert.Contains("--no-cache", args);
        Assert.Contains("--pull=always", args);
        Assert.Contains("--shm-size=128m", args);
        Assert.DoesNotContain("--build-arg", args.Where(a => a.StartsWith("SOURCE_DATE_EPOCH", StringComparison.Ordinal)));
        Assert.Equal("ctx", args[^1]);
    }

    [Fact]
    public void Secrets_pass_by_reference_and_a_value_never_reaches_the_arguments()
    {
        var request = Minimal.WithSecret(BuildSecret.FromFile(new SecretId("npmrc"), "/home/me/.npmrc"))
            .WithSecret(BuildSecret.FromEnvironment(new SecretId("token"), "GH_TOKEN"))
            .WithSecret(BuildSecret.FromValue(new SecretId("vault"), "s3cr3t-value"));

        var args = Args(request);

        Assert.Equal(["id=npmrc,src=/home/me/.npmrc", "id=token,env=GH_TOKEN", $"id=vault,env={request.Secrets[2].Reference}"], ValuesOf(args, "--secret"));
        Assert.DoesNotContain(args, a => a.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_network_is_buildahs_private_namespace() =>
        Assert.Contains("--network=private", Args(Minimal.WithNetwork(NetworkMode.Default)));

    [Fact]
    public void Ssh_agent_and_key_files_are_passed_as_buildx_names_them() =>
        Assert.Equal(["default", "deploy=/keys/id_ed25519"], ValuesOf(Args(Minimal.WithSsh(BuildSsh.FromAgent()).WithSsh(BuildSsh.FromFile("deploy", "/keys/id_ed25519"))), "--ssh"));

    [Fact]
    public void Several_platforms_build_into_a_manifest_list_named_by_the_first_tag()
    {
        var request = Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithTags("127.0.0.1:5000/app:1", "127.0.0.1:5000/app:latest").WithOutput(BuildOutput.Push);

        var args = Args(request);

        Assert.Equal(["linux/amd64,linux/arm64"], ValuesOf(args, "--platform"));
        Assert.Equal(["127.0.0.1:5000/app:1"], ValuesOf(args, "--manifest"));
        Assert.DoesNotContain("--tag", args);
        Assert.DoesNotContain("--iidfile", args);
        Assert.Equal(
            [["manifest", "push", "--all", "127.0.0.1:5000/app:1", "docker://127.0.0.1:5000/app:1"], ["manifest", "push", "--all", "127.0.0.1:5000/app:1", "docker://127.0.0.1:5000/app:latest"]],
            BuildahArguments.PushCommands(request, "sha256:abc"));
    }

    [Fact]
    public void A_single_platform_push_pushes_the_built_image_to_each_tag() =>
        Assert.Equal(
            [["push", "sha256:abc", "docker://127.0.0.1:5000/app:1"], ["push", "sha256:abc", "docker://127.0.0.1:5000/app:2"]],
            BuildahArguments.PushCommands(Minimal.WithTags("127.0.0.1:5000/app:1", "127.0.0.1:5000/app:2").WithOutput(BuildOutput.Push), "sha256:abc"));

    [Fact]
    public void Archives_are_written_by_buildah_push_with_their_transport()
    {
        Assert.Equal([["push", "sha256:abc", "oci-archive:out/app.tar"]], BuildahArguments.PushCommands(Minimal.WithOutput(BuildOutput.OciArchive("out/app.tar")), "sha256:abc"));
        Assert.Equal([["push", "sha256:abc", "oci:out/layout"]], BuildahArguments.PushCommands(Minimal.WithOutput(BuildOutput.OciLayout("out/layout")), "sha256:abc"));
        Assert.Empty(BuildahArguments.PushCommands(Minimal, "sha256:abc"));
    }

    public static TheoryData<string, string> BuildxOnlyOptions => new()
    {
        { nameof(BuildRequest.CacheTo), "--cache-to" },
        { nameof(BuildRequest.CacheFrom), "--cache-from" },
        { nameof(BuildRequest.Sbom), "SBOM" },
        { nameof(BuildRequest.Provenance), "provenance" },
        { nameof(BuildRequest.Attestations), "--attest" },
        { nameof(BuildRequest.Builder), "--builder" },
        { nameof(BuildRequest.Entitlements), "--allow" },
        { nameof(BuildRequest.NoCacheFilter), "--no-cache-filter" },
        { nameof(BuildRequest.Output), "Docker engine" },
    };

    private static BuildRequest With(string option) => option switch
    {
        nameof(BuildRequest.CacheTo) => Minimal.WithCacheTo(BuildCache.Registry(ImageReference.Parse("127.0.0.1:5000/cache:app"))),
        nameof(BuildRequest.CacheFrom) => Minimal.WithCacheFrom(BuildCache.Registry(ImageReference.Parse("127.0.0.1:5000/cache:app"))),
        nameof(BuildRequest.Sbom) => Minimal.WithSbom(new SbomAttestation()),
        nameof(BuildRequest.Provenance) => Minimal.WithProvenance(ProvenanceMode.Max),
        nameof(BuildRequest.Attestations) => Minimal.WithAttestation(BuildAttestation.Provenance(ProvenanceMode.Min)),
        nameof(BuildRequest.Builder) => Minimal.WithBuilder("lab"),
        nameof(BuildRequest.Entitlements) => Minimal.WithEntitlement(BuildEntitlement.NetworkHost),
        nameof(BuildRequest.NoCacheFilter) => Minimal.WithNoCacheFilter(Stage.Named("build").From("busybox:1.36")),
        nameof(BuildRequest.Output) => Minimal.WithTags("app:1").WithOutput(BuildOutput.Load()),
        _ => throw new ArgumentOutOfRangeException(nameof(option)),
    };

    [Theory]
    [MemberData(nameof(BuildxOnlyOptions))]
    public void An_option_buildah_lacks_is_refused_naming_the_option_the_release_and_a_fix(string option, string what)
    {
        var error = Assert.Throws<BuildRequestException>(() => Args(With(option)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(ProblemCodes.BuildRequest, problem.Code);
        Assert.Equal(option, error.Option);
        Assert.StartsWith("Buildah 1.28 ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(what, problem.Message, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Fix);
    }

    [Fact]
    public void A_multi_platform_build_without_a_tag_is_refused() =>
        Assert.Equal(nameof(BuildRequest.Tags), Assert.Throws<BuildRequestException>(() => Args(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64))).Option);

    [Fact]
    public void Render_never_throws_so_a_dry_run_can_print_a_refused_request() =>
        Assert.Contains("--iidfile", BuildahArguments.Render(With(nameof(BuildRequest.CacheTo)), IdFile));
}
