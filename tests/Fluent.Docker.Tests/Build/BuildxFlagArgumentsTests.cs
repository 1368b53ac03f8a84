using System.Text.Json;
using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// The typed buildx flags of issue 15 (--allow, --network, --annotation, --attest, --no-cache-filter, --iidfile,
/// --shm-size, --ulimit, --output type=image, --call), rendered to argv and to bake JSON.
/// </summary>
public class BuildxFlagArgumentsTests
{
    private const string Metadata = "/tmp/meta.json";
    private static readonly BuildRequest Minimal = new("ctx");
    private static readonly ImageReference Tag = ImageReference.Parse("127.0.0.1:5000/team/app:1");

    private static IReadOnlyList<string> Args(BuildRequest request) => BuildxArguments.For(request, Metadata);

    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    /// <summary>The bake target JSON of <paramref name="request"/> (one target, named t).</summary>
    private static JsonElement BakeTarget(BuildRequest request)
    {
        using var document = JsonDocument.Parse(new BakeDefinition([new BakeTarget("t", request, new Dictionary<string, string>())]).ToJson());
        return document.RootElement.GetProperty("target").GetProperty("t").Clone();
    }

    private static List<string?> Strings(JsonElement target, string field) => [.. target.GetProperty(field).EnumerateArray().Select(e => e.GetString())];

    private static readonly Dockerfile HostNetworkModel = Dockerfile.Create(
        Stage.Named("fetch").From("busybox:1.36").Run("wget -q -O- http://127.0.0.1:5000/v2/", RunNetwork.Host),
        Stage.Named("final").From("busybox:1.36").Run("true"));

    [Fact]
    public void A_model_with_RUN_network_host_needs_network_host_only()
    {
        Assert.Equal([BuildEntitlement.NetworkHost], BuildEntitlement.RequiredBy(HostNetworkModel));
        Assert.Empty(BuildEntitlement.RequiredBy(FlagTestModels.Plain));
    }

    [Fact]
    public void A_model_with_RUN_security_insecure_needs_security_insecure()
    {
        var model = Dockerfile.Create(Stage.Named("x").From("busybox:1.36").Run("true", RunSecurity.Insecure));
        Assert.Equal([BuildEntitlement.SecurityInsecure], BuildEntitlement.RequiredBy(model));
    }

    [Fact]
    public void A_RUN_read_from_text_is_read_for_its_flags()
    {
        var model = Dockerfile.Parse("FROM busybox:1.36\nRUN --network=host --security=insecure true\n");
        Assert.Equal([BuildEntitlement.NetworkHost, BuildEntitlement.SecurityInsecure], BuildEntitlement.RequiredBy(model));
    }

    [Fact]
    public void A_RUN_the_model_keeps_raw_is_read_for_its_flags_too()
    {
        var model = Dockerfile.Create(Stage.Named("x").From("busybox:1.36").Append(new RawInstruction("RUN --network=HOST --device=/dev/fuse true")));
        Assert.Equal([BuildEntitlement.NetworkHost], BuildEntitlement.RequiredBy(model));
    }

    [Fact]
    public void An_ONBUILD_trigger_needs_nothing_in_this_build()
    {
        var model = Dockerfile.Parse("FROM busybox:1.36\nONBUILD RUN --network=host true\n");
        Assert.Empty(BuildEntitlement.RequiredBy(model));
    }

    [Fact]
    public void Entitlements_derived_from_the_model_render_as_allow_in_argv_and_bake()
    {
        var request = Minimal.WithEntitlementsFor(HostNetworkModel).WithEntitlement(BuildEntitlement.NetworkHost);

        Assert.Equal(["network.host"], ValuesOf(Args(request), "--allow"));
        Assert.Equal(["network.host"], Strings(BakeTarget(request), "entitlements"));
        Assert.Contains(BuildEntitlement.NetworkHost, new BakeDefinition([new BakeTarget("t", request, new Dictionary<string, string>())]).Entitlements());
    }

    [Theory]
    [InlineData(NetworkMode.Default, "default")]
    [InlineData(NetworkMode.None, "none")]
    [InlineData(NetworkMode.Host, "host")]
    public void Network_renders_as_one_argument_and_as_bakes_network(NetworkMode mode, string text)
    {
        var request = Minimal.WithNetwork(mode);
        Assert.Contains("--network=" + text, Args(request));
        Assert.Equal(text, BakeTarget(request).GetProperty("network").GetString());
    }

    [Fact]
    public void Host_network_also_allows_network_host() =>
        Assert.Equal(["network.host"], ValuesOf(Args(Minimal.WithNetwork(NetworkMode.Host)), "--allow"));

    [Fact]
    public void Annotations_render_one_level_per_flag_with_their_platform()
    {
        var request = Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithAnnotation(ImageAnnotation.Index("org.opencontainers.image.description", "an app, with commas"))
            .WithAnnotation(ImageAnnotation.Manifest("com.example.arch", "arm", Platform.LinuxArm64))
            .WithAnnotation(ImageAnnotation.ManifestDescriptor("com.example.d", "1"))
            .WithAnnotation(ImageAnnotation.IndexDescriptor("com.example.i", "2"))
            .WithAnnotation(ImageAnnotation.Of("com.example.plain", "3"));
        string[] expected =
        [
            "index:org.opencontainers.image.description=an app, with commas",
            "manifest[linux/arm64]:com.example.arch=arm",
            "manifest-descriptor:com.example.d=1",
            "index-descriptor:com.example.i=2",
            "com.example.plain=3",
        ];

        Assert.Equal(expected, ValuesOf(Args(request), "--annotation"));
        Assert.Equal(expected, Strings(BakeTarget(request), "annotations"));
    }

    [Fact]
    public void Attestations_render_as_attest_with_their_options_in_key_order()
    {
        var request = Minimal
            .WithAttestation(BuildAttestation.Provenance(ProvenanceMode.Max).WithOption("builder-id", "https://ci.example/run/1"))
            .WithAttestation(BuildAttestation.Sbom(ImageReference.Parse("127.0.0.1:5000/mirror/syft:1")).WithOption("scan-stage", "true"));
        string[] expected =
        [
            "type=provenance,builder-id=https://ci.example/run/1,mode=max",
            "type=sbom,generator=127.0.0.1:5000/mirror/syft:1,scan-stage=true",
        ];

        Assert.Equal(expected, ValuesOf(Args(request), "--attest"));
        Assert.Equal(expected, Strings(BakeTarget(request), "attest"));
    }

    [Fact]
    public void A_disabled_attestation_says_disabled_true()
    {
        Assert.Equal("type=provenance,disabled=true", BuildAttestation.Provenance(ProvenanceMode.None).ToString());
        Assert.Equal("type=sbom,disabled=true", BuildAttestation.Disable(AttestationType.Sbom).ToString());
    }

    [Fact]
    public void No_cache_filter_names_each_stage()
    {
        var deps = Stage.Named("deps").From("busybox:1.36");
        var test = Stage.Named("test").From(deps);
        var request = Minimal.WithNoCacheFilter(deps, test);

        Assert.Equal(["deps", "test"], ValuesOf(Args(request), "--no-cache-filter"));
        Assert.Equal(["deps", "test"], Strings(BakeTarget(request), "no-cache-filter"));
    }

    [Fact]
    public void Image_id_file_renders_before_the_metadata_file() =>
        Assert.Equal(["--iidfile", "out/app.iid", "--metadata-file"], Args(Minimal.WithImageIdFile("out/app.iid")).SkipWhile(a => a != "--iidfile").Take(3));

    [Fact]
    public void Bake_refuses_an_image_id_file_it_cannot_write()
    {
        var e = Assert.Throws<BuildRequestException>(() => BakeTarget(Minimal.WithImageIdFile("app.iid")));
        Assert.Equal("ImageIdFile", e.Option);
    }

    [Theory]
    [InlineData(64L << 20, "64m")]
    [InlineData(1L << 30, "1g")]
    [InlineData(1536L * 1024, "1536k")]
    [InlineData(1000L, "1000")]
    public void Shm_size_renders_in_the_largest_exact_unit(long bytes, string text)
    {
        var request = Minimal.WithShmSize(ByteSize.FromBytes(bytes));
        Assert.Contains("--shm-size=" + text, Args(request));
        Assert.Equal(text, BakeTarget(request).GetProperty("shm-size").GetString());
    }

    [Theory]
    [InlineData("64m", 64L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("512 kb", 512L << 10)]
    [InlineData("4096", 4096L)]
    public void Shm_size_reads_as_docker_reads_it(string text, long bytes) => Assert.Equal(bytes, ByteSize.Parse(text).Bytes);

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("1.5g")]
    [InlineData("12t")]
    [InlineData("-1")]
    public void A_size_docker_would_not_read_is_refused_with_its_form(string text) =>
        Assert.Contains("e.g. 64m", Assert.Throws<FormatException>(() => ByteSize.Parse(text)).Message);

    [Fact]
    public void Ulimits_render_as_name_soft_hard()
    {
        var request = Minimal.WithUlimit(new BuildUlimit(UlimitName.Nofile, 1024, 4096)).WithUlimit(BuildUlimit.Of(UlimitName.Nproc, -1));
        Assert.Equal(["nofile=1024:4096", "nproc=-1:-1"], ValuesOf(Args(request), "--ulimit"));
        Assert.Equal(["nofile=1024:4096", "nproc=-1:-1"], Strings(BakeTarget(request), "ulimits"));
    }

    [Fact]
    public void The_image_exporter_is_named_by_the_tags_and_renders_each_option_set()
    {
        var second = ImageReference.Parse("127.0.0.1:5000/team/app:latest");
        var request = Minimal.WithTags(Tag, second).WithOutput(BuildOutput.Image(new ImageExportOptions
        {
            Push = true,
            PushByDigest = true,
            NameCanonical = true,
            Compression = ImageCompression.Zstd,
            CompressionLevel = 19,
            ForceCompression = true,
            OciMediaTypes = true,
            Unpack = false,
            Store = false,
        }));
        const string expected = "type=image,\"name=127.0.0.1:5000/team/app:1,127.0.0.1:5000/team/app:latest\",push=true,push-by-digest=true,name-canonical=true,"
            + "compression=zstd,compression-level=19,force-compression=true,oci-mediatypes=true,unpack=false,store=false";

        Assert.Equal([expected], ValuesOf(Args(request), "--output"));
        Assert.Equal([expected], Strings(BakeTarget(request), "output"));
    }

    [Fact]
    public void An_image_exporter_with_no_options_is_just_its_type_and_name() =>
        Assert.Equal(["type=image,name=127.0.0.1:5000/team/app:1"], ValuesOf(Args(Minimal.WithTags(Tag).WithOutput(BuildOutput.Image(new ImageExportOptions()))), "--output"));

    [Theory]
    [InlineData("Check", "--call=check,format=json")]
    [InlineData("Outline", "--call=outline,format=json")]
    [InlineData("Targets", "--call=targets,format=json")]
    public void A_call_evaluates_instead_of_exporting(string callName, string flag)
    {
        var call = Enum.Parse<BuildCall>(callName);
        var request = Minimal.WithTags(Tag).WithOutput(BuildOutput.Push).WithImageIdFile("app.iid")
            .WithAnnotation(ImageAnnotation.Index("k", "v")).WithProvenance(ProvenanceMode.Max).WithBuildArg(new BuildArg("V"), "1");

        var args = BuildxArguments.ForCall(request, call);

        Assert.Equal([flag, "--progress=rawjson", "ctx"], args.TakeLast(3));
        Assert.Contains("--build-arg", args); // what the evaluation reads stays
        foreach (var exportOnly in new[] { "--push", "--iidfile", "--metadata-file", "--annotation", "--provenance=mode=max" })
            Assert.DoesNotContain(exportOnly, args);
    }

    [Fact]
    public void A_call_validates_the_request_first() =>
        Assert.Throws<BuildRequestException>(() => BuildxArguments.ForCall(new BuildRequest(""), BuildCall.Check));

    [Fact]
    public void Unset_options_render_nothing_new()
    {
        var args = Args(Minimal);
        foreach (var flag in new[] { "--allow", "--annotation", "--attest", "--no-cache-filter", "--iidfile", "--ulimit" }) Assert.DoesNotContain(flag, args);
        Assert.DoesNotContain(args, a => a.StartsWith("--network", StringComparison.Ordinal) || a.StartsWith("--shm-size", StringComparison.Ordinal));
        var target = BakeTarget(Minimal);
        foreach (var field in new[] { "entitlements", "network", "annotations", "attest", "no-cache-filter", "shm-size", "ulimits" })
            Assert.False(target.TryGetProperty(field, out _), field);
    }
}

/// <summary>Small models the flag tests share.</summary>
internal static class FlagTestModels
{
    public static Dockerfile Plain { get; } = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("true"));
}
