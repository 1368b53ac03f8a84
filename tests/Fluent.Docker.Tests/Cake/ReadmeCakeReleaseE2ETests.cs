using System.Text.RegularExpressions;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Cake;

/// <summary>
/// The README's five-line Cake release, run for real: the block is saved at the repository root and run by the pinned
/// Cake tool, which loads the built addin (so its aliases really work inside Cake); every example lands in the lab
/// registry with all its platforms.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Cake")]
[Collection(DockerLabCollection.Name)]
public partial class ReadmeCakeReleaseE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task Readme_five_line_cake_release_pushes_every_example_with_its_platforms()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "README.md"));
        var block = FiveLineBlock().Match(readme);
        Assert.True(block.Success, "README has the five-line Cake release block");
        var script = block.Groups["code"].Value;
        Assert.Equal(5, script.TrimEnd('\n').Split('\n').Length);
        var version = $"0.0.1-readme.{lab.RunId}";
        var (exitCode, output) = await CakeScript.RunAsync("readme-release", script, $"--registry={lab.Registry}", $"--release-version={version}");
        Assert.True(exitCode == 0, output);

        foreach (var definition in ExampleCatalog.All)
        {
            var reference = ImageReference.Parse($"{lab.Registry}/{definition.Name}:{version}");
            lab.RemoveAtEnd(reference.ToString());
            var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(reference);
            Assert.Equal(definition.Platforms.Select(p => p.ToString()).Order(), platforms.Select(p => p.ToString()).Order());
        }
    }

    [GeneratedRegex("A release build in five lines:\n\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FiveLineBlock();
}
