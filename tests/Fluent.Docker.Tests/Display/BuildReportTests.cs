using Fluent.Docker.Build;
using Fluent.Docker.Display;
using Fluent.Docker.Engine;
using Spectre.Console;

namespace Fluent.Docker.Tests.Display;

/// <summary>The after-build report: summary table, layer chart, and the registry history they read.</summary>
public class BuildReportTests
{
    private static string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 160;
        console.Write(renderable);
        return writer.ToString();
    }

    [Fact]
    public void Summary_table_has_image_platforms_size_digest_and_tags()
    {
        var image = new BuiltImage("team/app", [Platform.LinuxAmd64, Platform.LinuxArm64], 3 * 1024 * 1024, "sha256:" + new string('c', 64), "r/team/app:1.2.3", TimeSpan.FromSeconds(3))
        {
            Tags = [ImageReference.Parse("r:5000/team/app:1.2.3"), ImageReference.Parse("r:5000/team/app:1.2")],
        };

        var text = Render(BuildReport.SummaryTable([image]));

        foreach (var expected in new[] { "Image", "Platforms", "Size", "Digest", "Tags", "team/app", "linux/amd64, linux/arm64", "3.0 MiB", "cccccccccccc", "1.2.3, 1.2" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public void Layer_chart_shows_only_steps_that_added_files_oldest_first()
    {
        IReadOnlyList<ImageLayer> history =
        [
            new("c", DateTimeOffset.UnixEpoch, "CMD [\"app\"]", 0, null),
            new("b", DateTimeOffset.UnixEpoch, "RUN /bin/sh -c make # buildkit", 2048, null),
            new("a", DateTimeOffset.UnixEpoch, "", 4096, null),
        ];

        var text = Render(BuildReport.LayerChart("layers", history));

        Assert.True(text.IndexOf("(base image layer)", StringComparison.Ordinal) < text.IndexOf("RUN make", StringComparison.Ordinal));
        Assert.DoesNotContain("CMD", text);
        Assert.Contains("4", text);
    }

    [Fact]
    public void Registry_history_pairs_layers_with_the_steps_that_made_them()
    {
        const string manifest = """{"layers":[{"size":100},{"size":250}]}""";
        const string config = """{"history":[{"created_by":"base","created":"2023-11-14T22:13:20Z"},{"created_by":"ENV A=1","empty_layer":true},{"created_by":"RUN make","comment":"buildkit.dockerfile.v0"}]}""";

        var layers = RegistryLayers.Combine(manifest, config);

        Assert.Equal(["RUN make", "ENV A=1", "base"], layers.Select(l => l.CreatedBy));
        Assert.Equal([250L, 0L, 100L], layers.Select(l => l.Size));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), layers[2].Created);
    }
}
