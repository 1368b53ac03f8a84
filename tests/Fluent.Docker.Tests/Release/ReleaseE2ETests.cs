using Fluent.Docker.Build;
using Fluent.Docker.Release;
using Fluent.Docker.Tests.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Release;

/// <summary>Releases against the lab: fanned-out tags on one multi-platform index (labels from git), and R6 reproducibility.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class ReleaseE2ETests(DockerLabFixture lab)
{
    private static readonly SourceInfo Source = new("0123456789abcdef0123456789abcdef01234567", "main", "https://example.com/team/app", DateTimeOffset.FromUnixTimeSeconds(1700000000));

    [Fact]
    public async Task Release_pushes_every_fanned_out_tag_to_the_same_multi_platform_index_with_git_labels()
    {
        var name = $"fluent-tests/release-{lab.RunId}";
        var image = ImageDefinition.Create(name, DockerLabFixture.GreetingDockerfile)
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .Generate(Path.Combine(lab.WorkDirectory, "release"));
        var settings = new ReleaseSettings(lab.Registry, TagStrategy.ForVersion("1.2.3").WithLatest()).WithSource(Source);
        var log = new List<string>();

        var released = Assert.Single(await ImageRelease.RunAsync([image], settings, lab.Buildx, new SynchronousProgress(log)));

        Assert.Equal(["1.2.3", "1.2", "1", "latest"], released.Tags.Select(t => t.Tag));
        foreach (var tag in released.Tags)
        {
            lab.RemoveAtEnd(tag.ToString());
            var index = await lab.Buildx.ImagetoolsInspectAsync(tag);
            Assert.Equal(released.Digest, index.Digest);
            Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], index.Platforms.OrderBy(p => p.ToString()));
        }
        var arm64 = await lab.Engine.InspectImageAsync(released.Tags[0].ToString(), Platform.LinuxArm64);
        Assert.Equal(Source.Commit, arm64.Labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://example.com/team/app", arm64.Labels["org.opencontainers.image.source"]);
        Assert.Equal("1.2.3", arm64.Labels["org.opencontainers.image.version"]);
        Assert.Equal(name, arm64.Labels["org.opencontainers.image.title"]);
        Assert.Equal("2023-11-14T22:13:20Z", arm64.Labels["org.opencontainers.image.created"]);
    }

    [Fact]
    public async Task R6_same_model_and_source_date_epoch_give_the_same_digest_twice()
    {
        // RUN writes files (their times are the build's unless rewritten) and COPY reads the context.
        var dockerfile = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Copy("Dockerfile", "/etc/model")
            .Run("mkdir -p /data && echo built > /data/out && touch /data/stamp")
            .Cmd("cat", "/data/out"));
        var context = lab.WriteContext("r6", dockerfile);
        BuildRequest Request(string output, DateTimeOffset epoch) => new BuildRequest(context)
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithSourceDateEpoch(epoch)
            .WithProvenance(ProvenanceMode.None)
            .WithNoCache()
            .WithOutput(BuildOutput.OciLayout(Path.Combine(lab.WorkDirectory, "r6-out", output)));
        var epoch = DateTimeOffset.FromUnixTimeSeconds(1700000000);

        var first = await lab.Buildx.BuildAsync(Request("first", epoch));
        var second = await lab.Buildx.BuildAsync(Request("second", epoch));
        var otherEpoch = await lab.Buildx.BuildAsync(Request("other", epoch.AddDays(1)));

        Assert.StartsWith("sha256:", first.Digest);
        Assert.Equal(first.Digest, second.Digest);
        Assert.NotEqual(first.Digest, otherEpoch.Digest); // the epoch, not luck, makes them equal
    }
}
