using Fluent.Docker.Cli.Stacks;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// What init reads from an app's own files, one rule per test on a small file tree: web, worker or console; the entry
/// that starts it; the port it declares; and the options that follow.
/// </summary>
public sealed class AppDetectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fluent-docker-app-").FullName;

    private AppDetectionTests Write(string path, string content)
    {
        var full = Path.Combine(_directory, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    private DetectedStack Single() => Assert.Single(StackDetector.Detect(_directory));

    private DetectedApp App() => Single().App ?? throw new Xunit.Sdk.XunitException("no app was read");

    private string Option(string name) => Single().Options.Single(o => o.Option == name).Expression;

    private const string WebProject = "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";

    // .NET

    [Fact]
    public void Worker_sdk_is_a_worker_built_on_the_runtime_image_with_no_port()
    {
        Write("Jobs.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Worker\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>");

        Assert.Equal((AppKind.Worker, "Jobs.csproj", (Port?)null), (App().Kind, App().Entry, App().Port));
        Assert.Equal("DotNetAppKind.Console", Option("Kind"));
        Assert.Contains("Jobs.csproj: Sdk=\"Microsoft.NET.Sdk.Worker\"", App().Why);
    }

    [Fact]
    public void Hosting_package_in_an_exe_is_a_worker() =>
        Assert.Equal(AppKind.Worker, Write("Jobs.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" /></ItemGroup>
            </Project>
            """).App().Kind);

    [Fact]
    public void Exe_output_is_a_console_app_and_a_library_says_it_does_not_run()
    {
        Write("Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>");
        Assert.Equal((AppKind.Console, "Tool.csproj: OutputType Exe"), (App().Kind, App().Why[0]));

        Write("Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        Assert.Contains("not a program", App().Why[0]);
    }

    [Fact]
    public void AspNetCore_framework_reference_is_a_web_app() =>
        Assert.Equal(AppKind.Web, Write("Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>
            </Project>
            """).App().Kind);

    [Fact]
    public void Web_port_comes_from_the_first_http_url_of_launch_settings()
    {
        Write("Api.csproj", WebProject).Write("Properties/launchSettings.json", """
            {
              // dotnet new webapi writes comments too
              "profiles": {
                "http": { "commandName": "Project", "applicationUrl": "http://localhost:5062" },
                "https": { "commandName": "Project", "applicationUrl": "https://localhost:7139;http://localhost:5062" }
              }
            }
            """);

        Assert.Equal(5062, App().Port?.Number);
        Assert.Equal("5062", Option("Port"));
    }

    [Fact]
    public void Launch_settings_url_variable_wins_over_the_application_url() =>
        Assert.Equal(5100, Write("Api.csproj", WebProject).Write("Properties/launchSettings.json", """
            { "profiles": { "web": { "commandName": "Project", "applicationUrl": "http://localhost:5062",
              "environmentVariables": { "ASPNETCORE_URLS": "http://+:5100" } } } }
            """).App().Port?.Number);

    [Fact]
    public void Urls_fixed_in_code_win_over_launch_settings()
    {
        Write("Api.csproj", WebProject)
            .Write("Properties/launchSettings.json", """{ "profiles": { "http": { "applicationUrl": "http://localhost:5062" } } }""")
            .Write("Program.cs", "var builder = WebApplication.CreateBuilder(args);\nbuilder.WebHost.UseUrls(\"http://0.0.0.0:9000\");\n");

        Assert.Equal(9000, App().Port?.Number);
        Assert.Contains("Program.cs: UseUrls(\"http://0.0.0.0:9000\"", App().Why);
    }

    [Fact]
    public void Web_app_without_a_declared_port_keeps_the_template_default() =>
        Assert.DoesNotContain(Write("Api.csproj", WebProject).Single().Options, o => o.Option == "Port");

    [Fact]
    public void Assembly_name_other_than_the_project_name_becomes_the_assembly_name_option()
    {
        Write("Api.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><AssemblyName>Service</AssemblyName></PropertyGroup></Project>");

        Assert.Equal("\"Service\"", Option("AssemblyName"));
        Assert.Empty(Single().Warnings);
        Assert.Contains("Api.csproj: AssemblyName Service", App().Why);
    }

    [Fact]
    public void Assembly_name_equal_to_the_project_name_sets_no_option() =>
        Assert.DoesNotContain(Write("Api.csproj", WebProject).Single().Options, o => o.Option == "AssemblyName");

    // Node

    /// <summary>express-generator --no-view 4.16: a start script, bin/www with the PORT default, and public/index.html.</summary>
    [Fact]
    public void Express_generator_app_with_a_public_folder_is_a_node_server_started_by_bin_www()
    {
        Write("package.json", """{ "name": "web", "private": true, "scripts": { "start": "node ./bin/www" }, "dependencies": { "express": "~4.16.1" } }""")
            .Write("bin/www", "var app = require('../app');\nvar port = normalizePort(process.env.PORT || '3000');\nserver.listen(port);\n")
            .Write("app.js", "var express = require('express');\nmodule.exports = app;\n")
            .Write("public/index.html", "<h1>Express</h1>");

        var stack = Single();

        Assert.Equal(StackKind.Node, stack.Kind);
        Assert.Equal((AppKind.Web, "./bin/www", (Port?)3000), (App().Kind, App().Entry, App().Port));
        Assert.Equal("[\"node\", \"./bin/www\"]", Option("Command"));
        Assert.Equal("3000", Option("Port"));
        Assert.Contains("bin/www: process.env.PORT || '3000'", App().Why);
    }

    [Fact]
    public void Bin_www_starts_a_package_without_a_start_script() =>
        Assert.Equal("[\"node\", \"bin/www\"]", Write("package.json", """{ "name": "web" }""").Write("bin/www", "server.listen(port);\n").Option("Command"));

    [Fact]
    public void Listen_with_a_number_gives_the_port() =>
        Assert.Equal(8081, Write("package.json", """{ "main": "server.js" }""").Write("server.js", "require('http').createServer(h).listen(8081);\n").App().Port?.Number);

    [Fact]
    public void Node_entry_that_never_listens_is_a_console_app_with_no_port()
    {
        Write("package.json", """{ "main": "job.js" }""").Write("job.js", "console.log('done');\n");

        Assert.Equal(AppKind.Console, App().Kind);
        Assert.Equal("null", Option("Port"));
    }

    [Fact]
    public void Node_app_without_a_lock_file_gets_the_npm_install_fix()
    {
        Write("package.json", """{ "main": "server.js" }""").Write("server.js", "app.listen(3000);\n");
        Assert.Contains("run 'npm install'", Assert.Single(Single().Warnings));

        Write("package-lock.json", "{}");
        Assert.Empty(Single().Warnings);
    }

    // Python

    [Fact]
    public void Http_server_script_alone_is_a_python_web_app_on_its_port()
    {
        Write("server.py", """
            import http.server, os
            PORT = int(os.environ.get("PORT", "8000"))
            http.server.ThreadingHTTPServer(("", PORT), http.server.SimpleHTTPRequestHandler).serve_forever()
            """);

        var stack = Single();

        Assert.Equal((StackKind.Python, "server.py"), (stack.Kind, stack.Evidence));
        Assert.Equal((AppKind.Web, (Port?)8000), (App().Kind, App().Port));
        Assert.Equal("[\"python\", \"server.py\"]", Option("Command"));
        Assert.Equal("PythonDependencies.None", Option("Dependencies"));
        Assert.Empty(stack.Warnings);
        Assert.Contains("no requirements.txt or pyproject.toml: the standard library only", App().Why);
    }

    [Fact]
    public void Address_tuple_gives_the_port() =>
        Assert.Equal(8765, Write("requirements.txt", "").Write("app.py", "import socketserver\nsocketserver.TCPServer((\"0.0.0.0\", 8765), H).serve_forever()\n").App().Port?.Number);

    [Fact]
    public void Main_guard_names_the_entry_module()
    {
        Write("requirements.txt", "").Write("helpers.py", "X = 1\n").Write("worker.py", "import time\n\nif __name__ == \"__main__\":\n    time.sleep(1)\n");

        Assert.Equal((AppKind.Console, "worker.py"), (App().Kind, App().Entry));
        Assert.Equal("[\"python\", \"worker.py\"]", Option("Command"));
    }

    [Fact]
    public void Package_with_a_main_module_runs_with_python_m() =>
        Assert.Equal("[\"python\", \"-m\", \"service\"]",
            Write("pyproject.toml", "[project]\nname='service'\n").Write("service/__init__.py", "").Write("service/__main__.py", "print(1)\n").Option("Command"));

    [Fact]
    public void Requirements_file_keeps_the_template_default_dependencies() =>
        Assert.DoesNotContain(Write("requirements.txt", "flask==3.0.3\n").Write("app.py", "import flask\n").Single().Options, o => o.Option == "Dependencies");

    [Fact]
    public void Pyproject_without_requirements_file_takes_its_project_dependencies() =>
        Assert.Equal("PythonDependencies.PyProject()",
            Write("pyproject.toml", "[project]\nname='service'\ndependencies=[]\n").Write("app.py", "print(1)\n").Option("Dependencies"));

    [Fact]
    public void Top_level_main_module_is_the_entry() =>
        Assert.Equal("__main__.py", Write("requirements.txt", "").Write("__main__.py", "print(1)\n").App().Entry);

    // Go

    [Fact]
    public void Go_listen_address_gives_the_port()
    {
        Write("go.mod", "module example.com/web\n").Write("main.go", "package main\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n");

        Assert.Equal((AppKind.Web, ".", (Port?)8080), (App().Kind, App().Entry, App().Port));
        Assert.Equal("8080", Option("Port"));
    }

    [Fact]
    public void Go_port_default_beside_getenv_gives_the_port() =>
        Assert.Equal(9090, Write("go.mod", "module x\n").Write("main.go", """
            package main

            func main() {
                port := os.Getenv("PORT")
                if port == "" {
                    port = "9090"
                }
                http.ListenAndServe(":"+port, nil)
            }
            """).App().Port?.Number);

    [Fact]
    public void Cmd_layout_prefers_the_command_named_like_the_module()
    {
        Write("go.mod", "module example.com/shop/api\n")
            .Write("cmd/admin/main.go", "package main\n")
            .Write("cmd/api/main.go", "package main\n")
            .Write("cmd/api/server.go", "package main\n\nfunc serve() { net.Listen(\"tcp\", \":7000\") }\n")
            .Write("cmd/tools/README.md", "not a package");

        Assert.Equal("\"./cmd/api\"", Option("Package"));
        Assert.Equal(7000, App().Port?.Number);
        Assert.Contains("cmd/api of cmd/admin, cmd/api (set Package for another)", App().Why);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
