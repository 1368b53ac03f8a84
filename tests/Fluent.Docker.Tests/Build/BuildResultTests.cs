using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class BuildResultTests
{
    private const string PushMetadata = """
        {
          "buildx.build.ref": "default/default/u73truxxe0hvetgvomhk9dgm4",
          "containerimage.config.digest": "sha256:096d7368f13834d8187e72e271f44eec2e0e5b72ea5732427d016feac6959129",
          "containerimage.descriptor": {
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "digest": "sha256:096d7368f13834d8187e72e271f44eec2e0e5b72ea5732427d016feac6959129",
            "size": 1607
          },
          "containerimage.digest": "sha256:096d7368f13834d8187e72e271f44eec2e0e5b72ea5732427d016feac6959129",
          "image.name": "127.0.0.1:5000/exp/multi:1,127.0.0.1:5000/exp/multi:latest"
        }
        """;

    [Fact]
    public void Digest_comes_from_containerimage_digest() =>
        Assert.Equal("sha256:096d7368f13834d8187e72e271f44eec2e0e5b72ea5732427d016feac6959129", BuildResult.FromMetadata(PushMetadata, TimeSpan.Zero).Digest);

    [Fact]
    public void Media_type_comes_from_the_descriptor() =>
        Assert.Equal("application/vnd.oci.image.index.v1+json", BuildResult.FromMetadata(PushMetadata, TimeSpan.Zero).MediaType);

    [Fact]
    public void Image_names_are_split_on_commas() =>
        Assert.Equal(["127.0.0.1:5000/exp/multi:1", "127.0.0.1:5000/exp/multi:latest"],
            BuildResult.FromMetadata(PushMetadata, TimeSpan.Zero).ImageNames.Select(n => n.ToString()));

    [Fact]
    public void Raw_metadata_keeps_every_entry() =>
        Assert.Equal("default/default/u73truxxe0hvetgvomhk9dgm4", BuildResult.FromMetadata(PushMetadata, TimeSpan.Zero).Metadata["buildx.build.ref"].GetString());

    [Fact]
    public void Missing_metadata_gives_an_empty_result()
    {
        var result = BuildResult.FromMetadata(null, TimeSpan.FromSeconds(2));
        Assert.Null(result.Digest);
        Assert.Empty(result.ImageNames);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
    }
}
