using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Build;

/// <summary>A multi-image graph run by <c>docker buildx bake</c>: the shared base is built once and read through a target: context.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BakeE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task Bake_builds_a_shared_base_once_and_both_dependents_see_its_files_on_both_platforms()
    {
        var prefix = $"fluent-tests/bake-{lab.RunId}";
        var baseImage = ImageDefinition.Create(prefix + "/base", Dockerfile.Create(Stage.Named("base").From("busybox:1.36").Run("uname -m > /built-on")))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);
        ImageDefinition Leaf(string name) => ImageDefinition.Create($"{prefix}/{name}",
                Dockerfile.Create(Stage.Named(name).From((ImageReference)(prefix + "/base")).Run($"echo {name} > /name").Cmd("cat", "/built-on", "/name")))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);
        var root = Path.Combine(lab.WorkDirectory, "bake");
        var images = new[] { baseImage, Leaf("api"), Leaf("web") }.Select(d => d.WithContextDirectory(d.Name.Split('/')[^1]).Generate(root)).ToList();
        var log = new BuildLog();

        var bake = ImageGraph.ToBake(images, (image, request) => request
            .WithTags(ImageReference.Parse($"{lab.Registry}/{image.Definition.Name}:1"))
            .WithOutput(BuildOutput.Push));
        var results = await lab.Buildx.BakeAsync(bake, log);

        Assert.Equal(["fluent-tests-bake-" + lab.RunId.Replace('.', '-') + "-api", "fluent-tests-bake-" + lab.RunId.Replace('.', '-') + "-base", "fluent-tests-bake-" + lab.RunId.Replace('.', '-') + "-web"], results.Keys.Order());
        Assert.All(results.Values, r => Assert.StartsWith("sha256:", r.Digest));
        // "Built once": one vertex for the base's arm64 RUN, however many targets read it (run, or cached from an
        // earlier run of the lab), and its steps carry their bake target.
        var baseArm = Assert.Single(log.Steps, s => s.Instruction == "RUN uname -m > /built-on" && s.Platform == Platform.LinuxArm64);
        Assert.NotNull(baseArm.Target);
        Assert.Contains(baseArm.State, new[] { StepState.Done, StepState.Cached });
        Assert.Empty(log.Failures);
        foreach (var leaf in new[] { "api", "web" })
        {
            var reference = ImageReference.Parse($"{lab.Registry}/{prefix}/{leaf}:1");
            lab.RemoveAtEnd(reference.ToString());
            var arm64 = await lab.Engine.RunAsync(reference, null, Platform.LinuxArm64, TimeSpan.FromMinutes(2));
            Assert.Equal($"aarch64\n{leaf}", arm64.Stdout.Trim());
        }
    }
}
