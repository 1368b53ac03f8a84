using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Each bad value of the issue-15 flags fails before buildx runs, naming the option and a fix.</summary>
public class BuildxFlagValidationTests
{
    private static readonly BuildRequest Minimal = new("ctx");
    private static readonly ImageReference Tag = ImageReference.Parse("127.0.0.1:5000/team/app:1");

    private static BuildRequestException Invalid(BuildRequest request, string option)
    {
        var e = Assert.Throws<BuildRequestException>(request.Validate);
        Assert.Equal(option, e.Option);
        Assert.False(string.IsNullOrWhiteSpace(e.Problems[0].Fix));
        return e;
    }

    [Fact]
    public void A_bake_file_system_grant_is_refused_on_a_build() =>
        Assert.Contains("BakeDefinition.Entitlements", Invalid(Minimal.WithEntitlement(BuildEntitlement.FileSystemRead("/tmp")), "Entitlements").Problems[0].Fix);

    [Fact]
    public void An_undefined_network_mode_is_refused() => Invalid(Minimal.WithNetwork((NetworkMode)7), "Network");

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("has space")]
    public void A_bad_annotation_key_is_refused(string key) => Invalid(Minimal.WithAnnotation(ImageAnnotation.Manifest(key, "v")), "Annotations");

    [Fact]
    public void A_key_with_a_colon_needs_an_explicit_level()
    {
        Assert.Contains("ImageAnnotation.Manifest", Invalid(Minimal.WithAnnotation(ImageAnnotation.Of("urn:x", "v")), "Annotations").Problems[0].Fix);
        Minimal.WithAnnotation(ImageAnnotation.Manifest("urn:x", "v")).Validate();
    }

    [Fact]
    public void A_platform_annotation_for_a_platform_not_built_is_refused() =>
        Assert.Contains("linux/arm64", Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64)
            .WithAnnotation(ImageAnnotation.Manifest("k", "v", Platform.LinuxArm64)), "Annotations").Problems[0].Message);

    [Fact]
    public void The_same_annotation_twice_is_refused_but_two_levels_are_not()
    {
        Invalid(Minimal.WithAnnotation(ImageAnnotation.Index("k", "1")).WithAnnotation(ImageAnnotation.Index("k", "2")), "Annotations");
        Minimal.WithAnnotation(ImageAnnotation.Index("k", "1")).WithAnnotation(ImageAnnotation.Manifest("k", "1")).Validate();
    }

    [Fact]
    public void Annotations_on_a_local_directory_are_refused() =>
        Invalid(Minimal.WithOutput(BuildOutput.LocalDirectory("out")).WithAnnotation(ImageAnnotation.Of("k", "v")), "Annotations");

    [Fact]
    public void A_second_attestation_of_a_type_is_refused_whichever_way_it_came()
    {
        Invalid(Minimal.WithAttestation(BuildAttestation.Sbom()).WithAttestation(BuildAttestation.Of(AttestationType.Sbom)), "Attestations");
        var e = Invalid(Minimal.WithProvenance(ProvenanceMode.Min).WithAttestation(BuildAttestation.Provenance(ProvenanceMode.Max)), "Attestations");
        Assert.Contains("WithProvenance", e.Problems[0].Fix);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("disabled")]
    [InlineData("")]
    [InlineData("a,b")]
    public void An_attestation_option_key_buildx_would_misread_is_refused(string key) =>
        Invalid(Minimal.WithAttestation(BuildAttestation.Of(AttestationType.Sbom).WithOption(key, "x")), "Attestations");

    [Fact]
    public void A_disabled_attestation_with_options_is_refused() =>
        Invalid(Minimal.WithAttestation(BuildAttestation.Disable(AttestationType.Provenance).WithOption("mode", "max")), "Attestations");

    [Fact]
    public void An_unknown_provenance_mode_is_refused() =>
        Invalid(Minimal.WithAttestation(BuildAttestation.Of(AttestationType.Provenance).WithOption("mode", "full")), "Attestations");

    [Fact]
    public void An_unnamed_stage_cannot_be_filtered() =>
        Invalid(Minimal.WithNoCacheFilter(Stage.Unnamed().From("busybox:1.36")), "NoCacheFilter");

    [Fact]
    public void A_no_cache_filter_with_no_cache_is_refused() =>
        Assert.Contains("WithNoCacheFilter", Invalid(Minimal.WithNoCache().WithNoCacheFilter(Stage.Named("deps").From("busybox:1.36")), "NoCacheFilter").Problems[0].Fix);

    [Fact]
    public void An_empty_image_id_file_is_refused() => Invalid(Minimal.WithImageIdFile(" "), "ImageIdFile");

    [Fact]
    public void A_zero_shm_size_is_refused() => Invalid(Minimal.WithShmSize(ByteSize.FromBytes(0)), "ShmSize");

    [Fact]
    public void A_soft_limit_above_the_hard_one_is_refused() =>
        Assert.Contains("soft", Invalid(Minimal.WithUlimit(new BuildUlimit(UlimitName.Nofile, 4096, 1024)), "Ulimits").Problems[0].Message);

    [Fact]
    public void A_ulimit_below_minus_one_or_given_twice_is_refused()
    {
        Invalid(Minimal.WithUlimit(BuildUlimit.Of(UlimitName.Nofile, -2)), "Ulimits");
        Invalid(Minimal.WithUlimit(BuildUlimit.Of(UlimitName.Nofile, 1)).WithUlimit(BuildUlimit.Of(UlimitName.Nofile, 2)), "Ulimits");
        Minimal.WithUlimit(new BuildUlimit(UlimitName.Core, 0, -1)).Validate(); // unlimited hard limit
    }

    [Fact]
    public void An_image_exporter_that_pushes_needs_a_tag() =>
        Assert.Contains("WithTags", Invalid(Minimal.WithOutput(BuildOutput.Image(new ImageExportOptions { Push = true })), "Output").Problems[0].Fix);

    [Fact]
    public void Push_by_digest_needs_push() =>
        Invalid(Minimal.WithTags(Tag).WithOutput(BuildOutput.Image(new ImageExportOptions { PushByDigest = true })), "Output");

    [Theory]
    [InlineData(ImageCompression.Gzip, 10)]
    [InlineData(ImageCompression.Zstd, 23)]
    [InlineData(ImageCompression.Uncompressed, 1)]
    public void A_compression_level_outside_the_compressions_range_is_refused(ImageCompression compression, int level) =>
        Invalid(Minimal.WithTags(Tag).WithOutput(BuildOutput.Image(new ImageExportOptions { Compression = compression, CompressionLevel = level })), "Output");

    [Fact]
    public void A_compression_level_without_a_compression_is_refused() =>
        Invalid(Minimal.WithTags(Tag).WithOutput(BuildOutput.Image(new ImageExportOptions { CompressionLevel = 3 })), "Output");

    [Fact]
    public void Force_compression_without_a_compression_is_refused() =>
        Invalid(Minimal.WithTags(Tag).WithOutput(BuildOutput.Image(new ImageExportOptions { ForceCompression = true })), "Output");

    [Fact]
    public void Valid_flags_together_pass()
    {
        var request = Minimal.WithTags(Tag).WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithOutput(BuildOutput.Image(new ImageExportOptions { Push = true, Compression = ImageCompression.Zstd, CompressionLevel = 22 }))
            .WithEntitlement(BuildEntitlement.NetworkHost).WithNetwork(NetworkMode.None)
            .WithAnnotation(ImageAnnotation.Manifest("k", "v", Platform.LinuxArm64)).WithAttestation(BuildAttestation.Sbom())
            .WithNoCacheFilter(Stage.Named("deps").From("busybox:1.36")).WithImageIdFile("app.iid")
            .WithShmSize(ByteSize.FromMebibytes(128)).WithUlimit(new BuildUlimit(UlimitName.Nofile, 1024, 4096));
        request.Validate();
    }
}
