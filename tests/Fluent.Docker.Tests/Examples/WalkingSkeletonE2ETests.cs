using System.Formats.Tar;
using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Examples;

/// <summary>
/// The walking skeleton, for real: each example is generated from C#, built by buildx for all its platforms,
/// pushed to the lab registry, and the result is checked against the model it came from.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class WalkingSkeletonE2ETests(DockerLabFixture lab)
{
    /// <summary>All examples, generated into a temp copy and pushed once per run (the tests share them as input).</summary>
    private Task<IReadOnlyDictionary<string, BuiltImage>> PushedExamplesAsync() => PushedExamples.GetAsync(lab);

    public static TheoryData<string> Definitions => new(ExampleCatalog.All.Select(d => d.Name));

    private static ImageDefinition Find(string name) => ExampleCatalog.All.Single(d => d.Name == name);

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Pushed_index_lists_every_declared_platform(string name)
    {
        var image = (await PushedExamplesAsync())[name];

        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(ImageReference.Parse(image.Location));

        Assert.Equal(Find(name).Platforms.Select(p => p.ToString()).Order(), platforms.Select(p => p.ToString()).Order());
        Assert.Equal(platforms.Select(p => p.ToString()).Order(), image.Platforms.Select(p => p.ToString()).Order());
        Assert.StartsWith("sha256:", image.Digest);
        Assert.True(image.CompressedBytes > 0);
    }

    [Fact]
    public async Task Go_example_index_has_both_amd64_and_arm64()
    {
        var image = (await PushedExamplesAsync())[GoHello.Definition.Name];

        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(ImageReference.Parse(image.Location));

        Assert.Contains(Platform.LinuxAmd64, platforms);
        Assert.Contains(Platform.LinuxArm64, platforms);
    }

    [Theory]
    [InlineData("linux/arm64", "aarch64")]
    [InlineData("linux/amd64", "x86_64")]
    public async Task Go_example_runs_on_each_platform_and_reports_its_machine(string platform, string machine)
    {
        var image = ImageReference.Parse((await PushedExamplesAsync())[GoHello.Definition.Name].Location);

        var run = await lab.Engine.RunAsync(image, ["-arch"], Platform.Parse(platform), TimeSpan.FromMinutes(2));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(machine, run.Stdout.Trim());
    }

    [Fact]
    public async Task Python_example_runs_as_uid_10001()
    {
        var image = ImageReference.Parse((await PushedExamplesAsync())[PythonApi.Definition.Name].Location);

        var run = await lab.Engine.RunAsync(image, ["python", "-c", "import os; print(os.getuid(), os.getgid())"], Platform.LinuxAmd64, TimeSpan.FromMinutes(2));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("10001 10001", run.Stdout.Trim());
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Image_config_on_every_platform_equals_the_model(string name)
    {
        var definition = Find(name);
        var image = ImageReference.Parse((await PushedExamplesAsync())[name].Location);

        foreach (var platform in definition.Platforms)
        {
            // Only the final stage's FROM chain shapes its config; each base is pulled for the platform its stage runs on.
            var baseConfigs = new Dictionary<string, ImageConfig>();
            for (var stage = definition.Dockerfile.FinalStage; stage is not null;)
            {
                if (stage.Base is BaseImage.Image { Reference: var reference })
                {
                    var stagePlatform = stage.Platform is null || stage.Platform == Platform.TargetPlatform ? platform
                        : stage.Platform == Platform.BuildPlatform ? Platform.LinuxAmd64 : stage.Platform;
                    // The copy the build started from: the engine's own tag when it has one, else the registry's.
                    baseConfigs[reference.ToString()] = await lab.Engine.BaseImageConfigAsync(reference, stagePlatform);
                }
                stage = stage.Base is BaseImage.OfStage { Stage.Name: var parent }
                    ? definition.Dockerfile.Stages.Single(s => s.Name == parent)
                    : null;
            }

            var expected = Normalize(ImageConfigProjection.Project(definition.Dockerfile, platform: platform, baseImages: r => baseConfigs.GetValueOrDefault(r.ToString())));
            var inspection = await lab.Engine.InspectImageAsync(image.ToString(), platform);
            var actual = Normalize(inspection.ToImageConfig());

            Assert.Equal(platform.Architecture, inspection.Architecture);
            Assert.Equal(expected.User, actual.User);
            Assert.Equal(expected.WorkingDir, actual.WorkingDir);
            Assert.Equal(expected.Env, actual.Env);
            Assert.Equal(expected.Labels, actual.Labels);
            Assert.Equal(expected.ExposedPorts, actual.ExposedPorts);
            Assert.Equal(expected.Cmd, actual.Cmd);
            Assert.Equal(expected.Entrypoint, actual.Entrypoint);
            Assert.Equal(expected.Healthcheck, actual.Healthcheck);
            Assert.Equal(expected.StopSignal, actual.StopSignal);
            Assert.Equal(expected.Volumes, actual.Volumes);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Label order is not part of an image config (a JSON object); compare it sorted.</summary>
    private static ImageConfig Normalize(ImageConfig config) =>
        config with { Labels = ValueList.From(config.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)), OnBuild = ValueList<string>.Empty };

    [Fact]
    public async Task Without_a_registry_the_go_example_becomes_a_multi_platform_oci_archive()
    {
        var root = Path.Combine(lab.WorkDirectory, "oci-" + Guid.NewGuid().ToString("N")[..6]);
        RepositoryLayout.CopyExampleSources(GoHello.Definition, root);
        var generated = GoHello.Definition.Generate(root);

        var built = Assert.Single(await ImageSetBuild.RunAsync([generated], new ImageDestination.OciArchives(Path.Combine(root, "images")), lab.Buildx));

        Assert.True(File.Exists(built.Location));
        var blobs = ReadTar(built.Location);
        using var index = JsonDocument.Parse(blobs["index.json"]);
        var top = index.RootElement.GetProperty("manifests")[0];
        var platforms = new List<string>();
        if (top.GetProperty("mediaType").GetString()!.Contains("index", StringComparison.Ordinal))
        {
            using var nested = JsonDocument.Parse(blobs["blobs/sha256/" + top.GetProperty("digest").GetString()!["sha256:".Length..]]);
            foreach (var manifest in nested.RootElement.GetProperty("manifests").EnumerateArray())
                if (manifest.TryGetProperty("platform", out var p) && p.GetProperty("os").GetString() != "unknown")
                    platforms.Add(p.GetProperty("os").GetString() + "/" + p.GetProperty("architecture").GetString());
        }
        Assert.Equal(["linux/amd64", "linux/arm64"], platforms.Order());
    }

    private static Dictionary<string, byte[]> ReadTar(string path)
    {
        var entries = new Dictionary<string, byte[]>();
        using var stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            entries[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
        }
        return entries;
    }
}
