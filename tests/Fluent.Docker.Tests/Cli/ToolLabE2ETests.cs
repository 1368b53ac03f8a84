using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// The installed tool against the real lab: <c>build --push</c> of a two-platform image to the lab registry, <c>inspect</c>
/// of the result. Fails (never skips) without the lab.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolLabE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    [Fact]
    public async Task Build_pushes_every_platform_to_the_registry_and_inspect_reads_it_back()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "build");
        var tag = "cli-" + lab.RunId;

        var build = tool.Run(repo, ["build", "--registry", lab.Registry, "--tag", tag, "--push", "--secret", "id=token,env=CLI_TEST_TOKEN"],
            new Dictionary<string, string> { ["CLI_TEST_TOKEN"] = "not-empty" });
        var reference = ImageReference.Parse($"{lab.Registry}/cli-tests/hello:{tag}");
        lab.RemoveAtEnd(reference.ToString());
        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(reference);
        var inspect = tool.Run(repo, "inspect", reference.ToString(), "--platform", "linux/arm64");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(Path.Combine(repo, "Dockerfile")), "build generates the files first");
        // The summary table on stdout, the step log (non-interactive progress) on stderr.
        Assert.Matches(@"(?m)^IMAGE\s+PLATFORMS\s+SIZE\s+DIGEST", build.Output);
        Assert.Matches($@"(?m)^{Regex.Escape(reference.ToString())}\s+linux/amd64,linux/arm64\s+[\d.]+ [KM]iB\s+sha256:", build.Output);
        Assert.Contains("COPY hello.txt ./", build.Error);
        Assert.Equal(["linux/amd64", "linux/arm64"], platforms.Select(p => p.ToString()).Order());
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("linux/arm64", inspect.Output);
        Assert.Contains("user 10001:10001, workdir /srv, entrypoint (unset), cmd [\"cat\",\"/srv/hello.txt\"]", inspect.Output);
        Assert.Matches(@"STEP\s+SIZE\s+SHARE\s+CREATED BY", inspect.Output);
        Assert.Matches(@"COPY hello.txt ./", inspect.Output);
        Assert.Matches(@"total .* in \d+ layer\(s\)", inspect.Output);
    }
}
