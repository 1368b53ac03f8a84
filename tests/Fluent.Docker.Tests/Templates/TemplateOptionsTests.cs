using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>Bad options fail before anything is built, with every problem named by its option and a fix.</summary>
public class TemplateOptionsTests
{
    [Theory]
    [InlineData("golang:1.19", "mirror.example.com/library/golang:1.19")]
    [InlineData("docker.io/library/python:3.11-slim", "mirror.example.com/library/python:3.11-slim")]
    [InlineData("bitnami/redis:7.2", "mirror.example.com/bitnami/redis:7.2")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0", "mirror.example.com/dotnet/sdk:10.0")]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", "mirror.example.com/distroless/static-debian12:nonroot")]
    [InlineData("127.0.0.1:5000/dotnet/aspnet:10.0", "mirror.example.com/dotnet/aspnet:10.0")]
    public void Base_registry_keeps_the_path_mirrors_store(string image, string expected)
    {
        var options = new GoOptions { BaseRegistry = "mirror.example.com" };

        Assert.Equal(expected, options.Resolve(image).ToString());
    }

    [Fact]
    public void Base_registry_keeps_tag_and_digest_and_no_registry_changes_nothing()
    {
        var digest = "sha256:" + new string('a', 64);

        Assert.Equal($"127.0.0.1:5000/library/golang:1.19@{digest}", new GoOptions { BaseRegistry = "127.0.0.1:5000" }.Resolve($"golang:1.19@{digest}").ToString());
        Assert.Equal("golang:1.19", new GoOptions().Resolve("golang:1.19").ToString());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_option_and_fix()
    {
        var options = new GoOptions
        {
            BaseRegistry = "https://mirror.example.com/v2",
            Port = 70000,
            Health = HealthProbe.Http("health"),
            User = new RuntimeUser(0, 0, "root"),
            Package = "cmd/api",
            Binary = "app",
        };

        var error = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", options));

        Assert.Equal("Go", error.Template);
        Assert.Equal(["BaseRegistry", "Port", "Health", "User", "Binary", "Package"], error.Problems.Select(p => p.Location.Slot));
        Assert.All(error.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
        Assert.Contains("non-root", error.Problems.Single(p => p.Location.Slot == "User").Message);
        Assert.Contains("'./'", error.Problems.Single(p => p.Location.Slot == "Package").Fix);
        Assert.Contains("6 problem(s)", error.Message);
    }

    [Theory]
    [InlineData("Api.txt", "not a project file")]
    [InlineData("../Api/Api.csproj", "plain relative path")]
    [InlineData("/src/Api.csproj", "plain relative path")]
    [InlineData("My Api.csproj", "plain relative path")]
    public void DotNet_project_must_be_a_project_file_inside_the_context(string project, string message)
    {
        var error = Assert.Throws<TemplateOptionsException>(() => DotNetTemplate.Create("team/api", new DotNetOptions { Project = project }));

        Assert.Contains(message, Assert.Single(error.Problems, p => p.Location.Slot == "Project").Message);
    }

    [Fact]
    public void Image_name_must_be_a_repository_path()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => NodeTemplate.Create("Registry.example.com/Team/App:1"));

        Assert.Equal("name", error.Problems[0].Location.Slot);
    }

    [Theory]
    [InlineData("build; rm -rf /")]
    [InlineData("")]
    public void Node_build_script_must_be_a_script_name(string script)
    {
        var error = Assert.Throws<TemplateOptionsException>(() => NodeTemplate.Create("team/web", new NodeOptions { BuildScript = script }));

        Assert.Equal("BuildScript", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Java_options_name_the_bad_main_class_module_and_jvm_option()
    {
        var options = new JavaOptions
        {
            Build = new JavaBuild.Javac("1bad.Main"),
            Runtime = new JavaRuntime.Jlink(["java.base", "not a module"]),
            JvmOptions = ["Xmx512m"],
        };

        var error = Assert.Throws<TemplateOptionsException>(() => JavaTemplate.Create("team/api", options));

        Assert.Equal(["Build.MainClass", "Runtime.Modules", "JvmOptions"], error.Problems.Select(p => p.Location.Slot));
    }

    [Fact]
    public void Python_and_static_site_paths_and_commands_are_checked()
    {
        var python = Assert.Throws<TemplateOptionsException>(() => PythonTemplate.Create("team/api", new PythonOptions { Dependencies = PythonDependencies.Requirements("../requirements.txt"), Command = [] }));
        var site = Assert.Throws<TemplateOptionsException>(() => StaticSiteTemplate.Create("team/site", new StaticSiteOptions { Build = new StaticSiteBuild.Npm("build", "/dist"), DocumentRoot = "www" }));

        Assert.Equal(["Dependencies", "Command"], python.Problems.Select(p => p.Location.Slot));
        Assert.Equal(["DocumentRoot", "Build.OutputDirectory"], site.Problems.Select(p => p.Location.Slot));
    }

    [Fact]
    public void Metadata_must_fit_on_one_line_and_urls_must_be_absolute()
    {
        var options = new GoOptions { Metadata = new ImageMetadata { Description = "two\nlines", Source = new Uri("team/app", UriKind.Relative), Version = " " } };

        var error = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", options));

        Assert.Equal(["Metadata.Version", "Metadata.Description", "Metadata.Source"], error.Problems.Select(p => p.Location.Slot));
    }

    [Fact]
    public void Platforms_must_be_concrete()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", new GoOptions { Platforms = [Platform.BuildPlatform] }));

        Assert.Equal("Platforms", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Options_are_values_and_defaults_are_per_language()
    {
        Assert.Equal(new GoOptions(), new GoOptions());
        Assert.Equal(8000, new PythonOptions().Port?.Number);
        Assert.Equal(3000, new NodeOptions().Port?.Number);
        Assert.Equal(8080, new DotNetOptions().Port?.Number);
        Assert.Equal(new RuntimeUser(1654, 1654, "app"), new DotNetOptions().User); // Microsoft's images' own account
        Assert.Equal(DotNetRuntimeVariant.FrameworkDependent, new DotNetOptions().RuntimeVariant);
        Assert.Null(new StaticSiteOptions().Health); // the template's default: GET / (the site is its index)
        Assert.Equal(HealthProbe.Http("/"), new StaticSiteOptions().EffectiveHealth);
        Assert.Equal(HealthProbe.Tcp, new GoOptions().EffectiveHealth);
        Assert.Equal(HealthProbe.None, new DotNetOptions { Kind = DotNetAppKind.Console }.EffectiveHealth);
    }

    [Fact]
    public void Templates_default_to_current_releases_and_a_version_option_names_the_image()
    {
        Assert.Equal("golang:1.24", new GoOptions().BuildImage.ToString());
        Assert.Equal("node:20-slim", new NodeOptions().Image.ToString());
        Assert.Equal("python:3.13-slim", new PythonOptions().Image.ToString());
        Assert.Equal("eclipse-temurin:21-jdk", new JavaOptions().JdkImage.ToString());
        Assert.Equal(new JavaRuntime.Jre("eclipse-temurin:21-jre"), new JavaOptions().Runtime);

        Assert.Equal("golang:1.23", new GoOptions { GoVersion = "1.23" }.BuildImage.ToString());
        Assert.Equal("node:22-slim", new NodeOptions { NodeVersion = "22" }.Image.ToString());
        Assert.Equal("python:3.12-slim", (new PythonOptions() with { PythonVersion = "3.12" }).Image.ToString());
        Assert.Equal(new JavaRuntime.Jre("eclipse-temurin:17-jre"), new JavaOptions { JavaVersion = 17 }.Runtime);
        Assert.Equal("team/node:20", new NodeOptions { NodeVersion = "22", Image = "team/node:20" }.Image.ToString()); // an explicit image wins
    }

    [Fact]
    public void A_version_that_cannot_name_an_image_tag_is_refused_naming_the_option()
    {
        var go = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", new GoOptions { GoVersion = "latest" }));
        var node = Assert.Throws<TemplateOptionsException>(() => NodeTemplate.Create("team/web", new NodeOptions { NodeVersion = "20." }));
        var java = Assert.Throws<TemplateOptionsException>(() => JavaTemplate.Create("team/jvm", new JavaOptions { JavaVersion = 0 }));

        Assert.Equal("GoVersion", Assert.Single(go.Problems).Location.Slot);
        Assert.Equal("NodeVersion", Assert.Single(node.Problems).Location.Slot);
        Assert.Equal("JavaVersion", Assert.Single(java.Problems).Location.Slot);
        Assert.Contains("1.24", go.Problems[0].Fix);
    }
}
