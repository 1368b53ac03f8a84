using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// init → generate → lint → build in the lab, through the installed tool, for every stack init detects: a minimal app
/// per language (dependency-free: builds here have no network), the scaffold left as init wrote it, one platform.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolLanguagesE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    /// <summary>Per stack: the files of a minimal app, the file init names as evidence, extra init options.</summary>
    public static TheoryData<string, string, string[]> Stacks => new()
    {
        { "go", "go.mod", [] },
        { "python", "requirements.txt", [] },
        { "node", "package.json", [] },
        { "static", "index.html", [] },
        { "java", "src/example/App.java", [] },
        // The lab serves the .NET images from its registry (MCR names cannot be mirrored).
        { "dotnet", "App.csproj", ["--base-registry", "127.0.0.1:5000"] },
    };

    internal static readonly Dictionary<string, (string Path, string Content)[]> Apps = new()
    {
        ["go"] = [("go.mod", "module example.com/app\n\ngo 1.19\n"), ("main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n")],
        ["python"] = [("requirements.txt", "# standard library only\n"), ("app.py", "print('hi')\n")],
        ["node"] =
        [
            ("package.json", """{ "name": "app", "version": "1.0.0", "main": "server.js", "scripts": { "start": "node server.js" } }"""),
            ("package-lock.json", """{ "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": { "": { "name": "app", "version": "1.0.0" } } }"""),
            ("server.js", "console.log('hi');\n"),
        ],
        ["static"] = [("index.html", "<!doctype html><title>hi</title><h1>hi</h1>\n")],
        ["java"] = [("src/example/App.java", "package example;\n\npublic class App {\n    public static void main(String[] args) { System.out.println(\"hi\"); }\n}\n")],
        ["dotnet"] =
        [
            ("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n"),
            ("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/health\", () => \"ok\");\napp.Run();\n"),
        ],
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Init_generate_lint_and_build_in_the_lab(string stack, string evidence, string[] initOptions)
    {
        var repo = tool.NewRepository("lang-" + stack);
        foreach (var (path, content) in Apps[stack])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo, path))!);
            File.WriteAllText(Path.Combine(repo, path), content);
        }
        var name = $"cli-tests/{stack}";
        var tag = "lang-" + lab.RunId;

        var init = tool.Run(repo, ["init", "--yes", "--name", name, "--platform", "linux/amd64", .. initOptions]);
        var generate = tool.Run(repo, "generate");
        var verify = tool.Run(repo, "generate", "--verify-no-changes");
        var lint = tool.Run(repo, "lint", "--fail-on", "none");
        var build = tool.Run(repo, "build", "--tag", tag);
        lab.RemoveAtEnd($"{name}:{tag}");
        Assert.True(build.ExitCode == 0, build.ToString());
        var image = await lab.Engine.InspectImageAsync($"{name}:{tag}");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains($"(from {evidence})", init.Output);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.Contains($"{name}: wrote Dockerfile, .dockerignore", generate.Output);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Contains("Dockerfile: ", lint.Output);
        Assert.Matches($@"(?m)^{Regex.Escape(name)}:{Regex.Escape(tag)}\s+linux/amd64\s", build.Output);
        // Every template runs its app as a non-root uid: .NET the app account of its images (1654), the others 10001.
        Assert.Equal(stack == "dotnet" ? "1654:1654" : "10001:10001", image.User);
    }
}
