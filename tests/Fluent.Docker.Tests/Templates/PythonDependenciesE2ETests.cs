using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Templates;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// In the lab (which has no package index for pip): a standard-library server with no requirements.txt, and one whose
/// pyproject.toml declares no dependencies, build with the Python template on python:3.13-slim and turn healthy; the
/// list the template reads from a pyproject.toml with dependencies is exactly its <c>[project] dependencies</c>, and
/// dynamic dependencies stop the build with the template's message.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class PythonDependenciesE2ETests(DockerLabFixture lab)
{
    private const string Server = """
        import http.server
        import os

        PORT = int(os.environ.get("PORT", "8000"))

        if __name__ == "__main__":
            http.server.ThreadingHTTPServer(("", PORT), http.server.SimpleHTTPRequestHandler).serve_forever()
        """;

    private static PythonOptions Options(PythonDependencies dependencies) => new()
    {
        Dependencies = dependencies,
        Command = ["python", "server.py"],
        Health = HealthProbe.Http("/"),
        // The lab seeds python:3.13-slim for amd64 only.
        Platforms = [Platform.LinuxAmd64],
    };

    [Theory]
    [InlineData("stdlib", null)]
    [InlineData("pyproject", "[project]\nname = \"plain\"\nversion = \"0.1.0\"\n")]
    public async Task Standard_library_server_without_requirements_file_builds_and_turns_healthy(string key, string? pyProject)
    {
        var definition = PythonTemplate.Create("fluent-tests/python-" + key,
            Options(pyProject is null ? PythonDependencies.None : PythonDependencies.PyProject()));
        var files = new Dictionary<string, string> { ["server.py"] = Server };
        if (pyProject is not null) files["pyproject.toml"] = pyProject;
        var root = WriteContext(key, files);

        var built = Assert.Single(await ImageSetBuild.RunAsync([definition.Generate(root)], new ImageDestination.Registry(lab.Registry, "py-" + lab.RunId), lab.Buildx));
        lab.RemoveAtEnd(built.Location);
        var image = ImageReference.Parse(built.Location);
        var smoke = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8000, "/").WithPlatform(Platform.LinuxAmd64).WithTimeout(TimeSpan.FromSeconds(60)));
        await using var container = await RunningContainer.StartAsync(image, Platform.LinuxAmd64);

        Assert.Equal("healthy", smoke.Health);
        Assert.Equal(200, smoke.HttpStatus);
        Assert.Equal(pyProject is null ? 1 : 2, definition.Dockerfile.Stages.Count);
        Assert.All(await container.ProcessUidsAsync(), uid => Assert.Equal("10001", uid));
    }

    [Fact]
    public async Task Pyproject_dependencies_become_the_requirements_pip_installs_and_dynamic_ones_stop_the_build()
    {
        var definition = PythonTemplate.Create("fluent-tests/python-list", Options(PythonDependencies.PyProject()));
        var deps = definition.Dockerfile.Stages.Single(s => s.Name == "deps");
        // The builder stage up to the pip step (the lab cannot download packages), and the list it wrote.
        var listed = deps.Rewritten(deps.Base, ValueList.From(deps.Instructions.SkipLast(1).ToArray()));
        var export = Stage.Named("list").FromScratch().CopyFrom(listed, "/src/pyproject-requirements.txt", "/requirements.txt");
        var probe = definition.WithDockerfile(Dockerfile.Create(listed, export));

        var root = WriteContext("list", new Dictionary<string, string>
        {
            ["server.py"] = Server,
            ["pyproject.toml"] = "[project]\nname = \"plain\"\nversion = \"0.1.0\"\ndependencies = [\n  \"flask==3.0.3\",\n  \"requests>=2,<3\",\n]\n[project.optional-dependencies]\ndev = [\"pytest\"]\n",
        });
        var output = Path.Combine(root, "out");
        await lab.Buildx.BuildAsync(ImageSetBuild.RequestFor(probe.Generate(root)).WithTarget(export).WithOutput(BuildOutput.LocalDirectory(output)));
        var dynamicRoot = WriteContext("dynamic", new Dictionary<string, string>
        {
            ["server.py"] = Server,
            ["pyproject.toml"] = "[project]\nname = \"plain\"\nversion = \"0.1.0\"\ndynamic = [\"dependencies\"]\n",
        });
        var failure = await Assert.ThrowsAsync<BuildxException>(() => ImageSetBuild.RunAsync([definition.Generate(dynamicRoot)], new ImageDestination.Registry(lab.Registry, "py-" + lab.RunId), lab.Buildx));

        Assert.Equal(["# [project] dependencies of pyproject.toml", "flask==3.0.3", "requests>=2,<3"],
            (await File.ReadAllLinesAsync(Path.Combine(output, "requirements.txt"))).Where(l => l.Length > 0));
        Assert.Contains("the dependencies are dynamic", failure.Message + failure.ErrorOutputTail, StringComparison.Ordinal);
    }

    private string WriteContext(string name, IReadOnlyDictionary<string, string> files)
    {
        var root = Path.Combine(lab.WorkDirectory, "python-deps-" + name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(root, file), text);
        return root;
    }
}
