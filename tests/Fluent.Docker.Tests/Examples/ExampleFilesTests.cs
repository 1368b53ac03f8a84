using Fluent.Docker.Examples;

namespace Fluent.Docker.Tests.Examples;

/// <summary>The committed example Dockerfiles and .dockerignore files are exactly what their C# definitions generate.</summary>
public class ExampleFilesTests
{
    public static TheoryData<string> Definitions => new(ExampleCatalog.All.Select(d => d.Name));

    private static ImageDefinition Find(string name) => ExampleCatalog.All.Single(d => d.Name == name);

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Committed_dockerfile_is_up_to_date(string name)
    {
        var definition = Find(name);
        var path = Path.Combine(RepositoryLayout.ExamplesDirectory, definition.ContextDirectory, "Dockerfile");

        Assert.True(File.Exists(path), $"{path} is missing: run ./build.sh --target=Generate");
        Assert.Equal(definition.Dockerfile.Emit(), File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Committed_dockerignore_is_up_to_date(string name)
    {
        var definition = Find(name);
        var path = Path.Combine(RepositoryLayout.ExamplesDirectory, definition.ContextDirectory, ".dockerignore");

        Assert.Equal(definition.Ignore.Emit(), File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Example_final_stage_runs_as_a_non_root_user_with_a_healthcheck(string name)
    {
        var config = ImageConfigProjection.Project(Find(name).Dockerfile);

        Assert.NotEqual("", config.User);
        Assert.False(config.User is "root" or "0" || config.User.StartsWith("0:", StringComparison.Ordinal), $"{name} runs as {config.User}");
        Assert.NotNull(config.Healthcheck);
        Assert.NotNull(config.GetLabel("org.opencontainers.image.title"));
    }

    [Fact]
    public void Go_example_cross_compiles_on_the_build_platform_for_amd64_and_arm64()
    {
        var go = GoHello.Definition;
        var build = go.Dockerfile.Stages[0];

        Assert.Equal(Platform.BuildPlatform, build.Platform);
        Assert.IsType<BaseImage.Scratch>(go.Dockerfile.FinalStage!.Base);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], go.Platforms);
        Assert.Contains(build.Instructions, i => i is ArgInstruction { Arg.Name: "TARGETARCH" });
    }
}
