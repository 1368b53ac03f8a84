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
    public void OciIndexListsItsPlatformsWithoutAttestations() =>
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], ImageIndex.Parse(OciIndex).Platforms);

    [Fact]
    public void AttestationEntriesAreMarked() =>
        Assert.Equal([false, false, true], ImageIndex.Parse(OciIndex).Manifests.Select(m => m.IsAttestation));

    [Fact]
    public void DigestIsTheSha256OfTheRawBytes() =>
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OciIndex))), ImageIndex.Parse(OciIndex).Digest);

    [Fact]
    public void DockerManifestListPlatformsKeepVariants() =>
        Assert.Equal(["linux/arm/v6", "linux/arm/v7", "linux/arm64/v8"], ImageIndex.Parse(DockerManifestList).Platforms.Select(p => p.ToString()));

    [Fact]
    public void FindPicksTheExactVariant() =>
        Assert.Equal("sha256:" + new string('2', 64), ImageIndex.Parse(DockerManifestList).Find(Platform.LinuxArmV7)!.Digest);

    [Fact]
    public void FindWithoutVariantAcceptsAnyVariant() =>
        Assert.Equal("sha256:" + new string('3', 64), ImageIndex.Parse(DockerManifestList).Find(Platform.LinuxArm64)!.Digest);

    [Fact]
    public void FindReturnsNullForAMissingPlatform() => Assert.Null(ImageIndex.Parse(OciIndex).Find(Platform.LinuxArmV7));

    [Fact]
    public void FindNeverReturnsAnAttestation() =>
        Assert.Null(ImageIndex.Parse(OciIndex).Find(Platform.Of("unknown", "unknown")));

    [Fact]
    public void SingleManifestIsNotAnIndexAndHasNoPlatforms()
    {
        var manifest = ImageIndex.Parse("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}""");
        Assert.False(manifest.IsIndex);
        Assert.Empty(manifest.Platforms);
    }
}
