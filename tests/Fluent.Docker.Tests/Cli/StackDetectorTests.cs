using Fluent.Docker.Cli.Stacks;

namespace Fluent.Docker.Tests.Cli;

/// <summary>What init reads from a project directory: the stack and the template options its files tell.</summary>
public sealed class StackDetectorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fluent-docker-detect-").FullName;

    private void Write(string path, string content)
    {
        var full = Path.Combine(_directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    private static string Options(DetectedStack stack) => string.Join("; ", stack.Options.Select(o => $"{o.Option} = {o.Expression}"));

    [Fact]
    public void Web_project_is_an_aspnet_core_app_named_by_its_project_file()
    {
        Write("Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>");

        var stack = Assert.Single(StackDetector.Detect(_directory));

        Assert.Equal(StackKind.DotNet, stack.Kind);
        Assert.Equal("Project = \"Api.csproj\"; Kind = DotNetAppKind.AspNetCore", Options(stack));
    }

    [Fact]
    public void Console_project_is_a_console_app() =>
        Assert.Contains("DotNetAppKind.Console", Options(Detect("Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>")));

    [Fact]
    public void Go_module_builds_its_root_package_or_the_first_command()
    {
        Write("go.mod", "module example.com/x\n");
        Write("cmd/api/main.go", "package main\n");

        Assert.Equal("Package = \"./cmd/api\"; Port = null", Options(Assert.Single(StackDetector.Detect(_directory))));
        Write("main.go", "package main\n");
        Assert.Equal("Package = \".\"; Port = null", Options(Assert.Single(StackDetector.Detect(_directory))));
    }

    [Fact]
    public void Python_runs_the_entry_file_it_finds()
    {
        Write("pyproject.toml", "[project]\nname='x'\n");
        Write("main.py", "print(1)\n");

        var stack = Assert.Single(StackDetector.Detect(_directory));

        Assert.Equal((StackKind.Python, "pyproject.toml"), (stack.Kind, stack.Evidence));
        Assert.Equal("Dependencies = PythonDependencies.PyProject(); Command = [\"python\", \"main.py\"]; Port = null", Options(stack));
    }

    [Fact]
    public void Node_app_takes_its_build_script_and_start_command()
    {
        var stack = Detect("package.json", """{ "main": "dist/server.js", "scripts": { "build": "node build.js", "start": "node dist/server.js" } }""");

        Assert.Equal(StackKind.Node, stack.Kind);
        Assert.Equal("BuildScript = \"build\"; Command = [\"node\", \"dist/server.js\"]; Port = null", Options(stack));
    }

    [Fact]
    public void Package_with_an_index_page_and_no_server_is_a_static_site_built_by_npm()
    {
        Write("src/index.html", "<h1>x</h1>");
        var stack = Detect("package.json", """{ "scripts": { "build": "node build.js" } }""");

        Assert.Equal((StackKind.Static, "src/index.html"), (stack.Kind, stack.Evidence));
        Assert.Equal("Build = new StaticSiteBuild.Npm(\"build\", \"dist\")", Options(stack));
    }

    [Fact]
    public void Plain_index_page_is_served_as_it_is() =>
        Assert.Equal("Build = new StaticSiteBuild.Prebuilt(\".\")", Options(Detect("index.html", "<h1>x</h1>")));

    [Fact]
    public void Maven_project_builds_with_maven_and_plain_sources_with_javac()
    {
        Write("src/example/App.java", "package example;\npublic class App { public static void main(String[] a) {} }\n");
        Assert.Equal("Build = new JavaBuild.Javac(\"example.App\", \"src\")", Options(Assert.Single(StackDetector.Detect(_directory))));

        Write("pom.xml", "<project/>");
        Assert.Equal("Build = new JavaBuild.Maven()", Options(Assert.Single(StackDetector.Detect(_directory))));
    }

    [Fact]
    public void Several_stacks_come_in_preference_order()
    {
        Write("go.mod", "module x\n");
        Write("requirements.txt", "");
        Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");

        Assert.Equal([StackKind.DotNet, StackKind.Go, StackKind.Python], StackDetector.Detect(_directory).Select(s => s.Kind));
    }

    [Fact]
    public void Empty_directory_has_no_stack() => Assert.Empty(StackDetector.Detect(_directory));

    private DetectedStack Detect(string file, string content)
    {
        Write(file, content);
        return Assert.Single(StackDetector.Detect(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
