using System.Diagnostics;
using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.E2E;

/// <summary>
/// What BuildKit accepts keeps its meaning through read and emit (issue 13), checked on the lab engine: the Dockerfile
/// is read, written by our emitter, built with <c>docker buildx build --load</c>, and <c>docker image inspect</c>
/// shows what the original text sets, and what <see cref="ImageConfigProjection"/> predicts.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class AcceptedInstructionsE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task An_emitted_MAINTAINER_sets_the_images_author()
    {
        var file = Dockerfile.Parse("FROM busybox:1.36\nMAINTAINER someone\n");

        var image = await BuildAsync("maintainer", file);
        using var inspect = await InspectAsync(image);

        Assert.Contains("MAINTAINER someone\n", file.Emit(), StringComparison.Ordinal);
        Assert.Equal("someone", inspect.RootElement.GetProperty("Author").GetString());
        Assert.Equal("someone", ImageConfigProjection.Project(file).Author);
        Assert.Equal("someone", (await lab.Engine.InspectImageAsync(image.ToString())).Author);
    }

    [Fact]
    public async Task Emitted_ONBUILD_triggers_are_stored_as_they_were_written()
    {
        var file = Dockerfile.Parse("FROM busybox:1.36\nONBUILD ENV A b\nONBUILD RUN  echo built\n");

        var image = await BuildAsync("onbuild-text", file);
        using var inspect = await InspectAsync(image);

        var stored = inspect.RootElement.GetProperty("Config").GetProperty("OnBuild").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(["ENV A b", "RUN  echo built"], stored);
        Assert.Equal(stored, ImageConfigProjection.Project(file).OnBuild);
    }

    private async Task<ImageReference> BuildAsync(string name, Dockerfile file)
    {
        var image = lab.UniqueReference(name);
        lab.RemoveAtEnd(image.ToString());
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext(name, file)).WithTags(image).WithOutput(BuildOutput.Load()));
        return image;
    }

    /// <summary>The first object of <c>docker image inspect</c>'s JSON for <paramref name="image"/>.</summary>
    private static async Task<JsonDocument> InspectAsync(ImageReference image)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "image", "inspect", "--format", "{{json .}}", image.ToString() }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"docker image inspect {image} failed ({process.ExitCode}): {await stderr}");
        return JsonDocument.Parse(stdout);
    }
}
