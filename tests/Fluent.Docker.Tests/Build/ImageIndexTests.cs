using System.Security.Cryptography;
using System.Text;
using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class ImageIndexTests
{
    // As buildx pushed it in the lab: two platforms plus their provenance attestations.
    private const string OciIndex = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:d40e04b5247dc5b30e88dfc9ad535e39d1f8cbc8d83a3741eaae4c141b6232e5", "size": 480,
              "platform": { "architecture": "amd64", "os": "linux" } },
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:492a81c0e71d82cd1c138249110a4ecacad66de13ec119b33dd1e8b5ddde4c1d", "size": 480,
              "platform": { "architecture": "arm64", "os": "linux" } },
            { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:3fb0328f46ffd44985982e22b9e127a4ef7296db96e160c581913815e54131e6", "size": 566,
              "annotations": { "vnd.docker.reference.digest": "sha256:d40e04b5247dc5b30e88dfc9ad535e39d1f8cbc8d83a3741eaae4c141b6232e5", "vnd.docker.reference.type": "attestation-manifest" },
              "platform": { "architecture": "unknown", "os": "unknown" } }
          ]
        }
        """;

    private const string DockerManifestList = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
          "manifests": [
            { "mediaType": "application/vnd.docker.distribution.manifest.v2+json", "size": 528, "digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111",
              "platform": { "architecture": "arm", "os": "linux", "variant": "v6" } },
            { "mediaType": "application/vnd.docker.distribution.manifest.v2+json", "size": 528, "digest": "sha256:2222222222222222222222222222222222222222222222222222222222222222",
              "platform": { "architecture": "arm", "os": "linux", "variant": "v7" } },
            { "mediaType": "application/vnd.docker.distribution.manifest.v2+json", "size": 528, "digest": "sha256:3333333333333333333333333333333333333333333333333333333333333333",
              "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" } }
          ]
        }
        """;

    [Fact]
    public void Oci_index_lists_its_platforms_without_attestations() =>
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], ImageIndex.Parse(OciIndex).Platforms);

    [Fact]
    public void Attestation_entries_are_marked() =>
        Assert.Equal([false, false, true], ImageIndex.Parse(OciIndex).Manifests.Select(m => m.IsAttestation));

    [Fact]
    public void Digest_is_the_sha_256_of_the_raw_bytes() =>
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OciIndex))), ImageIndex.Parse(OciIndex).Digest);

    [Fact]
    public void Docker_manifest_list_platforms_keep_variants() =>
        Assert.Equal(["linux/arm/v6", "linux/arm/v7", "linux/arm64/v8"], ImageIndex.Parse(DockerManifestList).Platforms.Select(p => p.ToString()));

    [Fact]
    public void Find_picks_the_exact_variant() =>
        Assert.Equal("sha256:" + new string('2', 64), ImageIndex.Parse(DockerManifestList).Find(Platform.LinuxArmV7)!.Digest);

    [Fact]
    public void Find_without_variant_accepts_any_variant() =>
        Assert.Equal("sha256:" + new string('3', 64), ImageIndex.Parse(DockerManifestList).Find(Platform.LinuxArm64)!.Digest);

    [Fact]
    public void Find_returns_null_for_a_missing_platform() => Assert.Null(ImageIndex.Parse(OciIndex).Find(Platform.LinuxArmV7));

    [Fact]
    public void Find_never_returns_an_attestation() =>
        Assert.Null(ImageIndex.Parse(OciIndex).Find(Platform.Of("unknown", "unknown")));

    [Fact]
    public void Single_manifest_is_not_an_index_and_has_no_platforms()
    {
        var manifest = ImageIndex.Parse("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}""");
        Assert.False(manifest.IsIndex);
        Assert.Empty(manifest.Platforms);
    }
}
