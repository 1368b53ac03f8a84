using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Cli.Scaffolding;
using Fluent.Docker.Cli.Stacks;

namespace Fluent.Docker.Tests.Cli;

/// <summary>What init writes besides the template call: what it read from the app, why these platforms, and the definitions kept out of the context.</summary>
public sealed class ScaffoldTests
{
    private static readonly DetectedStack Express = new(StackKind.Node, "package.json", [("Command", "[\"node\", \"./bin/www\"]"), ("Port", "3000")])
    {
        App = new DetectedApp(AppKind.Web, "./bin/www", 3000, ["package.json: \"start\": \"node ./bin/www\"", "bin/www: process.env.PORT || '3000'"]),
    };

    private static string Images(ScaffoldRequest request) => Scaffold.Render(request).Single(f => f.FileName == "Images.cs").Content;

    [Fact]
    public void Images_say_what_was_read_from_the_app_and_why_the_platforms()
    {
        var images = Images(new ScaffoldRequest(Express, "web", ".fluent-docker", "1.0.0")
        {
            Platforms = [Platform.LinuxAmd64],
            PlatformsReason = "Only what every base image offers: linux/arm64 left out.",
        });

        Assert.Contains("    // What init read from the app (fix the options below where it read wrong): web app, entry ./bin/www, port 3000\n", images);
        Assert.Contains("    //   bin/www: process.env.PORT || '3000'\n", images);
        Assert.Contains("        // Only what every base image offers: linux/arm64 left out.\n        Platforms = [Platform.LinuxAmd64],\n", images);
        Assert.Contains("        Port = 3000,\n", images);
    }

    [Theory]
    [InlineData(".fluent-docker", ".fluent-docker")]
    [InlineData("./build/images/", "build/images")]
    [InlineData("../definitions", null)]
    [InlineData(".", null)]
    public void Definitions_inside_the_context_are_ignored_and_outside_need_nothing(string projectDirectory, string? pattern)
    {
        Assert.Equal(pattern, Scaffold.DefinitionsIgnorePattern(projectDirectory));
        var images = Images(new ScaffoldRequest(Express, "web", projectDirectory, "1.0.0"));
        if (pattern is null) Assert.DoesNotContain("ExtraIgnorePatterns", images);
        else Assert.Contains($"        ExtraIgnorePatterns = [\"{pattern}\"],\n", images);
    }

    [Fact]
    public void Bundled_feed_is_found_beside_an_installed_tool_and_added_after_the_users_sources()
    {
        var tool = Directory.CreateTempSubdirectory("fluent-docker-toolroot-").FullName;
        try
        {
            Assert.Null(BundledLibraryFeed.Locate(tool));
            var feed = Directory.CreateDirectory(Path.Combine(tool, BundledLibraryFeed.DirectoryName)).FullName;
            Assert.Null(BundledLibraryFeed.Locate(tool));
            File.WriteAllBytes(Path.Combine(feed, "Fluent.Docker.1.2.3.nupkg"), [0x50, 0x4b]);

            Assert.Equal(feed, BundledLibraryFeed.Locate(tool));
            Assert.Equal(feed, BundledLibraryFeed.RestoreSources(feed, null));
            Assert.Equal("/mine;" + feed, BundledLibraryFeed.RestoreSources(feed, "/mine"));
            Assert.Equal("/mine", BundledLibraryFeed.RestoreSources(null, "/mine"));
        }
        finally
        {
            Directory.Delete(tool, recursive: true);
        }
    }
}
