using Docker.DotNet;
using Docker.DotNet.Models;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

/// <summary>Smoke runs (healthy, port answers, always cleaned up) and the history layer table, against the lab engine.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SmokeTestE2ETests(DockerLabFixture lab)
{
    private static Stage WebServer(Healthcheck healthcheck) => Stage.Named("web").From("busybox:1.36")
        .CopyContent("/www/index.html", "hello from the smoke test\n")
        .Expose(8080)
        .Healthcheck(healthcheck)
        .Cmd("httpd", "-f", "-p", "8080", "-h", "/www");

    private async Task<ImageReference> LoadAsync(string name, Dockerfile dockerfile)
    {
        var image = lab.UniqueReference(name);
        lab.RemoveAtEnd(image.ToString());
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext(name, dockerfile)).WithTags(image).WithOutput(BuildOutput.Load()));
        return image;
    }

    [Fact]
    public async Task Smoke_run_waits_for_healthy_probes_the_port_and_removes_the_container()
    {
        var image = await LoadAsync("smoke-ok", Dockerfile.Create(WebServer(
            Healthcheck.Exec("wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/").WithInterval(TimeSpan.FromSeconds(1)).WithRetries(30))));

        var result = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8080, "/index.html").WithTimeout(TimeSpan.FromSeconds(90)));

        Assert.Equal("healthy", result.Health);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("hello from the smoke test\n", result.Body);
        Assert.InRange(result.HostPort!.Value, 1, 65535);
        Assert.Empty(await SmokeContainersOfAsync(image));
    }

    [Fact]
    public async Task Unhealthy_image_fails_with_the_healthcheck_output_and_is_removed()
    {
        var image = await LoadAsync("smoke-bad", Dockerfile.Create(WebServer(
            Healthcheck.Shell("echo probe-says-no && false").WithInterval(TimeSpan.FromSeconds(1)).WithRetries(1))));

        var e = await Assert.ThrowsAsync<SmokeTestException>(() => lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8080).WithTimeout(TimeSpan.FromSeconds(90))));

        Assert.Contains("unhealthy", e.Message);
        Assert.Contains("probe-says-no", e.Message);
        Assert.Empty(await SmokeContainersOfAsync(image));
    }

    [Fact]
    public async Task History_lists_each_step_and_the_layer_table_shows_sizes()
    {
        var image = await LoadAsync("history", Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Run("head -c 300000 /dev/zero > /blob")
            .Env("MODE", "test")
            .Expose(8080, Port.Udp(53))
            .Healthcheck(Healthcheck.Exec("true", "say \"ok\"").WithInterval(TimeSpan.FromSeconds(5)).WithRetries(4))
            .Cmd("true")));

        var history = await lab.Engine.HistoryAsync(image.ToString());
        var table = LayerTable.Format(history);

        var run = Assert.Single(history, h => h.CreatedBy.Contains("head -c 300000", StringComparison.Ordinal));
        Assert.InRange(run.Size, 300000, 400000);
        Assert.Contains(history, h => h.CreatedBy.Contains("MODE=test", StringComparison.Ordinal) && h.Size == 0);
        Assert.Contains("head -c 300000 /dev/zero > /blob", table); // shell prefix and buildkit noise removed
        Assert.Contains("KiB", table);
        Assert.StartsWith("STEP", table);
        // BuildKit records these as Go values (EXPOSE map[…] before Docker 28, EXPOSE […] in Docker 28, HEALTHCHECK &{…});
        // the table reads them back as Dockerfile text.
        Assert.Contains(history, h => h.CreatedBy.StartsWith("EXPOSE map[", StringComparison.Ordinal) || h.CreatedBy.StartsWith("EXPOSE [", StringComparison.Ordinal));
        Assert.Contains("EXPOSE 53/udp 8080/tcp", table);
        Assert.Contains("HEALTHCHECK --interval=5s --retries=4 CMD [\"true\",\"say \\\"ok\\\"\"]", table);
    }

    private async Task<IList<ContainerListResponse>> SmokeContainersOfAsync(ImageReference image)
    {
        using var client = new DockerClientBuilder().WithEndpoint(lab.Engine.Endpoint).Build();
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["org.fluent-docker.smoke=true"] = true } },
        });
        return containers.Where(c => c.Image == image.ToString()).ToList();
    }
}
