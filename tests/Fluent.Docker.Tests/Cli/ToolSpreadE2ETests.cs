using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// Issue 15: a multi-platform image built as a CI matrix with the installed tool. Two separate processes each build one
/// platform on its own engine (linux/amd64 on the default one, linux/arm64 on docker context lab-node2), push it by
/// digest and write a digest file; a third process merges the files into one tagged index.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolSpreadE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    private static readonly Dictionary<string, string> Token = new() { ["CLI_TEST_TOKEN"] = "not-empty" };

    [Fact]
    public async Task Two_platform_jobs_push_by_digest_on_their_own_engines_and_merge_joins_their_digest_files_under_one_tag()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "spread");
        var tag = "spread-" + lab.RunId;
        string[] common = ["build", "--registry", lab.Registry, "--tag", tag, "--push-by-digest", "--secret", "id=token,env=CLI_TEST_TOKEN"];

        var amd64 = tool.Run(repo, [.. common, "--platform", "linux/amd64", "--digest-file", "digests/amd64.json"], Token);
        var arm64 = tool.Run(repo, [.. common, "--platform", "linux/arm64", "--context", "lab-node2", "--digest-file", "digests/arm64.json"], Token);
        var reference = ImageReference.Parse($"{lab.Registry}/cli-tests/hello:{tag}");
        var merge = tool.Run(repo, "merge", "--tag", reference.ToString(), "digests/amd64.json", "digests/arm64.json");

        Assert.True(amd64.ExitCode == 0, amd64.ToString());
        Assert.True(arm64.ExitCode == 0, arm64.ToString());
        Assert.Contains("building linux/arm64 on lab-node2", arm64.Error);
        var parts = new[] { "amd64", "arm64" }.Select(a => PlatformDigest.ReadFrom(Path.Combine(repo, "digests", a + ".json"))).ToList();
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], parts.Select(p => p.Platform));
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var index = await lab.Buildx.ImagetoolsInspectAsync(reference);
        Assert.Contains($"{reference} -> {index.Digest}", merge.Output);
        Assert.Equal(["linux/amd64", "linux/arm64"], index.Platforms.Select(p => p.ToString()).Order());
        foreach (var part in parts) Assert.Contains(part.Image.ToString(), merge.Output);
    }

    [Fact]
    public void A_platform_job_on_a_builder_that_does_not_exist_stops_in_one_line_with_the_fix()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "nobuilder");

        var run = tool.Run(repo, ["build", "--registry", lab.Registry, "--platform", "linux/amd64", "--push-by-digest", "--digest-file", "d.json", "--builder", "fd-no-such-builder"], Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: builder 'fd-no-such-builder' does not exist. Fix: create it (fluent-docker builder create fd-no-such-builder --driver docker-container), or name one that `docker buildx ls` lists.",
            run.Error.Trim().Split('\n').Last(l => l.StartsWith("error:", StringComparison.Ordinal)).Trim());
    }
}
