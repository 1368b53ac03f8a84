using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class PlatformDigestTests
{
    private const string Digest = "sha256:49abd4ad810570771ecbd021b2c23e43d0e533f17b6fe1dd891c5c258e970d0c";
    private static readonly ImageReference Repository = ImageReference.Parse("127.0.0.1:5000/team/app");

    [Fact]
    public void A_digest_file_reads_back_as_the_platform_repository_and_digest_it_was_written_with()
    {
        var directory = Directory.CreateTempSubdirectory("platform-digest-").FullName;
        try
        {
            var path = Path.Combine(directory, "linux-arm64.json");
            var written = new PlatformDigest(Platform.LinuxArm64, Repository, Digest);
            written.WriteTo(path);

            var read = PlatformDigest.ReadFrom(path);

            Assert.Equal(written, read);
            Assert.Equal($"127.0.0.1:5000/team/app@{Digest}", read.Image.ToString());
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Fact]
    public void The_file_is_json_with_platform_repository_and_digest_fields()
    {
        var json = new PlatformDigest(Platform.LinuxArmV7, Repository, Digest).ToJson();

        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("linux/arm/v7", document.RootElement.GetProperty("platform").GetString());
        Assert.Equal("127.0.0.1:5000/team/app", document.RootElement.GetProperty("repository").GetString());
        Assert.Equal(Digest, document.RootElement.GetProperty("digest").GetString());
    }

    [Theory]
    [InlineData("""{"platform":"linux/arm64","repository":"127.0.0.1:5000/team/app:1","digest":"DIGEST"}""", "'repository'")]
    [InlineData("""{"platform":"linux/arm64","digest":"DIGEST"}""", "'repository'")]
    [InlineData("""{"platform":"not a platform!","repository":"127.0.0.1:5000/team/app","digest":"DIGEST"}""", "'platform'")]
    [InlineData("""{"platform":"linux/arm64","repository":"127.0.0.1:5000/team/app","digest":"sha256:abc"}""", "'digest'")]
    [InlineData("""{"platform":"linux/arm64","repository":"127.0.0.1:5000/team/app"}""", "'digest'")]
    [InlineData("""[1,2]""", "ci/arm64.json")]
    public void A_bad_digest_file_is_refused_naming_the_file_and_the_field(string json, string named)
    {
        var error = Assert.Throws<FormatException>(() => PlatformDigest.Parse(json.Replace("DIGEST", Digest, StringComparison.Ordinal), "ci/arm64.json"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("ci/arm64.json", error.Message, StringComparison.Ordinal);
    }
}
