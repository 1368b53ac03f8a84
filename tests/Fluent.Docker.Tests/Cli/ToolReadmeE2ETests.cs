using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// The README's "from zero to a pushed multi-arch image in four commands", run as written (the install is the
/// fixture's, from artifacts/packages): its fluent-docker lines in a Go repository, then the registry must hold both
/// platforms and the arm64 image must run under QEMU.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed partial class ToolReadmeE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    [Fact]
    public async Task The_four_commands_of_the_readme_push_a_two_platform_image()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "README.md"));
        var block = FourCommands().Match(readme);
        Assert.True(block.Success, "README has the four-command block");
        var lines = block.Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('#')[0].Trim()).Where(line => line.Length > 0).ToList();
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("dotnet tool install -g fluent-docker", lines[0]);
        var commands = lines.Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.All(commands, c => Assert.Equal("fluent-docker", c[0]));
        // The block pushes to the lab registry; this test must too.
        Assert.Contains(lab.Registry, lines[3]);

        var repo = tool.NewRepository("readme-go");
        foreach (var (path, content) in ToolLanguagesE2ETests.Apps["go"]) File.WriteAllText(Path.Combine(repo, path), content);
        var runs = commands.Select(c => tool.Run(repo, c[1..])).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        var name = ImageName().Match(runs[0].Output).Groups["name"].Value;
        var tag = commands[2][Array.IndexOf(commands[2], "--tag") + 1];
        var reference = ImageReference.Parse($"{lab.Registry}/{name}:{tag}");
        lab.RemoveAtEnd(reference.ToString());
        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(reference);
        var arm64 = await lab.Engine.RunAsync(reference, null, Platform.LinuxArm64, TimeSpan.FromMinutes(2));

        Assert.Equal(["linux/amd64", "linux/arm64"], platforms.Select(p => p.ToString()).Order());
        Assert.Equal(0, arm64.ExitCode);
        Assert.Equal("hi\n", arm64.Stdout); // the cross-compiled binary, run under QEMU
    }

    [GeneratedRegex("## From zero to a pushed multi-arch image in four commands\n.*?```bash\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FourCommands();

    [GeneratedRegex(@"image '(?<name>[^']+)'")]
    private static partial Regex ImageName();
}
