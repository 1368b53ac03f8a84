using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cake;

/// <summary>FluentDockerBake retries a bake the registry failed, in a real Cake run: a registry port nothing listens on refuses every push.</summary>
[Trait("Category", "E2E")]
[Trait("Category", "Cake")]
[Collection(DockerLabCollection.Name)]
public sealed class CakeBakeRetryE2ETests(DockerLabFixture lab)
{
    private const string Script = """
        #r "src/Fluent.Docker.Cake/bin/Release/net10.0/Fluent.Docker.Cake.dll"
        var work = Argument<string>("work");
        var images = new[] { ImageDefinition.Create("cake-retry/hello", Dockerfile.Create(Stage.Named("app").From("busybox:1.36").User(UserSpec.Id(10001, 10001)).Cmd("true"))) };
        Task("Bake").Does(async () => await FluentDockerBake(FluentDockerGenerate(images, new FluentDockerGenerateSettings { BaseDirectory = work }),
            new FluentDockerBakeSettings { Registry = "127.0.0.1:5999", Retry = new PushRetry(3, TimeSpan.FromMilliseconds(100)) }));
        RunTarget("Bake");
        """;

    [Fact]
    public async Task A_bake_the_registry_refuses_is_tried_again_then_fails_naming_the_attempts()
    {
        var work = Directory.CreateDirectory(Path.Combine(lab.WorkDirectory, "cake-retry-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var run = await CakeScript.RunAsync("cake-retry", Script, $"--work={work}");
        var output = CakeScript.WithoutColours(run.Output);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("push attempt 1/3 failed", output);
        Assert.Contains("push attempt 2/3 failed", output);
        Assert.Contains("The push failed after 3 attempt(s)", output);
    }
}
