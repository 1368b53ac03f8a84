using Fluent.Docker.Hosting;

namespace Fluent.Docker.Tests.Hosting;

/// <summary>The definitions host in-process: what <c>generate</c> and <c>describe</c> write, and how bad input ends.</summary>
public sealed class ImageDefinitionHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fluent-docker-host-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private static readonly ImageDefinition Api = ImageDefinition.Create("team/api", Dockerfile.Create(
            Stage.Named("app").From("busybox:1.36").Cmd("echo", "hi")))
        .WithContextDirectory("api")
        .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);

    private static readonly ImageDefinition Worker = ImageDefinition.Create("team/worker", Dockerfile.Create(
            Stage.Named("app").From("busybox:1.36").Cmd("true")))
        .WithContextDirectory("api")
        .WithDockerfileName("worker.Dockerfile");

    private int Run(params string[] args) => ImageDefinitionHost.Run(args, [Api, Worker], _output, _error);

    [Fact]
    public void Generate_is_the_default_and_writes_every_image_into_its_context()
    {
        var exit = Run("--base-directory", _directory);

        Assert.Equal(0, exit);
        Assert.Equal(Api.Dockerfile.Emit(), File.ReadAllText(Path.Combine(_directory, "api", "Dockerfile")));
        Assert.Equal(Worker.Dockerfile.Emit(), File.ReadAllText(Path.Combine(_directory, "api", "worker.Dockerfile")));
        Assert.True(File.Exists(Path.Combine(_directory, "api", "worker.Dockerfile.dockerignore")));
        Assert.Equal("team/api: api/Dockerfile, api/.dockerignore\nteam/worker: api/worker.Dockerfile, api/worker.Dockerfile.dockerignore\n",
            _output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Describe_writes_only_the_manifest_which_reads_back_equal()
    {
        var manifestPath = Path.Combine(_directory, "manifest.json");

        var exit = Run("describe", "--base-directory", _directory, "--output", manifestPath);
        var manifest = HostManifest.Parse(File.ReadAllText(manifestPath));

        Assert.Equal(0, exit);
        Assert.False(Directory.Exists(Path.Combine(_directory, "api")), "describe writes no image files");
        Assert.Equal(HostManifest.CurrentProtocol, manifest.Protocol);
        var api = manifest.Images[0];
        Assert.Equal(("team/api", Path.Combine(_directory, "api"), Path.Combine(_directory, "api", "Dockerfile")), (api.Name, api.ContextDirectory, api.DockerfilePath));
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], api.Platforms);
        Assert.Equal(Api.Dockerfile.Emit(), api.Dockerfile);
        Assert.Equal(Api.Ignore.Emit(), api.DockerIgnore);
        Assert.Equal("worker.Dockerfile.dockerignore", Path.GetFileName(manifest.Images[1].DockerIgnorePath));
    }

    [Fact]
    public void An_invalid_image_exits_2_naming_the_problem_and_writes_nothing()
    {
        var broken = ImageDefinition.Create("team/broken", Dockerfile.Create(Stage.Named("app").From("Busybox:1.36")));

        var exit = ImageDefinitionHost.Run(["generate", "--base-directory", _directory], [Api, broken], _output, _error);

        Assert.Equal(ImageDefinitionHost.InvalidDefinition, exit);
        Assert.StartsWith("error: The Dockerfile has 1 problem(s):", _error.ToString());
        Assert.Contains("stage 'app' (#1)", _error.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public void An_invalid_image_is_reported_to_the_tool_as_typed_problems_in_the_manifest()
    {
        var broken = ImageDefinition.Create("team/broken", Dockerfile.Create(Stage.Named("app").From("Busybox:1.36")));
        var manifestPath = Path.Combine(Path.GetTempPath(), $"fluent-host-problems-{Guid.NewGuid():N}.json");

        try
        {
            var exit = ImageDefinitionHost.Run(["generate", "--base-directory", _directory, "--output", manifestPath], [Api, broken], _output, _error);

            Assert.Equal(ImageDefinitionHost.InvalidDefinition, exit);
            var manifest = HostManifest.Parse(File.ReadAllText(manifestPath));
            Assert.Equal(HostManifest.CurrentProtocol, manifest.Protocol);
            Assert.Empty(manifest.Images);
            var problem = Assert.Single(manifest.Problems);
            Assert.Equal((ProblemCodes.InvalidValue, "app", 0), (problem.Code, problem.Location.Stage, problem.Location.StageIndex));
            Assert.Contains("uppercase", problem.Message, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("stage 'app' (#1)", problem.ToString());
            Assert.Contains(" Fix: ", problem.ToString());
            Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    [Fact]
    public void Two_images_writing_the_same_file_are_refused()
    {
        var twin = ImageDefinition.Create("team/twin", Api.Dockerfile).WithContextDirectory("api");

        var exit = ImageDefinitionHost.Run(["--base-directory", _directory], [Api, twin], _output, _error);

        Assert.Equal(2, exit);
        Assert.Contains($"Two images write {Path.Combine(_directory, "api", "Dockerfile")}", _error.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Theory]
    [InlineData(new[] { "publish" }, "error: Unknown command 'publish'. Fix: use 'generate' or 'describe'.")]
    [InlineData(new[] { "describe" }, "error: describe needs --output FILE.")]
    [InlineData(new[] { "generate", "--base-directory" }, "error: --base-directory needs a value.")]
    [InlineData(new[] { "--force" }, "error: Unknown option '--force'.")]
    public void Bad_arguments_exit_2_with_one_line(string[] args, string expected)
    {
        Assert.Equal(2, Run(args));
        Assert.StartsWith(expected, _error.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
