using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// Issue 15, point 2 from the command line: two tool processes, as two CI matrix jobs, each build one platform on
/// their own engine (<c>build --platform P --push-by-digest --digest-file F</c>; linux/arm64 on the second engine
/// through <c>DOCKER_CONTEXT=lab-node2</c>), then a third merges their digest files under one tag.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolSpreadE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    [Fact]
    public async Task Platforms_built_by_separate_processes_on_separate_engines_merge_into_one_tagged_index()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "spread");
        var tag = ImageReference.Parse($"{lab.Registry}/cli-tests/hello:spread-{lab.RunId}");
        lab.RemoveAtEnd(tag.ToString());

        var amd64 = tool.Run(repo, "build", "--registry", lab.Registry, "--platform", "linux/amd64", "--push-by-digest", "--digest-file", "digests/amd64.json");
        var arm64 = tool.Run(repo, ["build", "--registry", lab.Registry, "--platform", "linux/arm64", "--push-by-digest", "--digest-file", "digests/arm64.json"],
            new Dictionary<string, string> { ["DOCKER_CONTEXT"] = "lab-node2" });
        var noTagYet = await TagExistsAsync(tag);
        var merge = tool.Run(repo, "merge", "--tag", tag.ToString(), "digests/amd64.json", "digests/arm64.json");

        Assert.True(amd64.ExitCode == 0, amd64.ToString());
        Assert.True(arm64.ExitCode == 0, arm64.ToString());
        var amd64Digest = PlatformDigest.ReadFrom(Path.Combine(repo, "digests", "amd64.json"));
        var arm64Digest = PlatformDigest.ReadFrom(Path.Combine(repo, "digests", "arm64.json"));
        Assert.Equal(Platform.LinuxAmd64, amd64Digest.Platform);
        Assert.Equal(Platform.LinuxArm64, arm64Digest.Platform);
        Assert.Contains($"linux/arm64  {arm64Digest.Image}", arm64.Output, StringComparison.Ordinal);
        Assert.False(noTagYet, "the platform builds store by digest only; the tag is merge's");
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.StartsWith($"{tag}  linux/amd64,linux/arm64  sha256:", merge.Output, StringComparison.Ordinal);
        Assert.Equal(["linux/amd64", "linux/arm64"], (await lab.Buildx.ImagetoolsPlatformsAsync(tag)).Select(p => p.ToString()).Order());
    }

    [Fact]
    public void Push_by_digest_of_two_platforms_is_refused_in_one_line_with_the_fix()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "spread-usage");

        var run = tool.Run(repo, "build", "--registry", lab.Registry, "--platform", "linux/amd64,linux/arm64", "--push-by-digest", "--digest-file", "d.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--push-by-digest builds one platform per run; 2 were given. Fix: pass exactly one --platform", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_names_a_digest_file_that_is_not_one()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "merge-usage");
        File.WriteAllText(Path.Combine(repo, "bad.json"), "{\"platform\":\"linux/amd64\",\"repository\":\"127.0.0.1:5000/a\",\"digest\":\"nope\"}");

        var run = tool.Run(repo, "merge", "--tag", $"{lab.Registry}/a:1", "bad.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'digest' (nope) is not a sha256 digest", run.Error, StringComparison.Ordinal);
    }

    private async Task<bool> TagExistsAsync(ImageReference tag)
    {
        try { return (await lab.Buildx.ImagetoolsPlatformsAsync(tag)).Count > 0; }
        catch (BuildxException) { return false; }
    }
}
