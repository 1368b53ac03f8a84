using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using Fluent.Docker.Tests.Examples;
using Fluent.Docker.Tests.Packaging;

namespace Fluent.Docker.Tests.Cake;

/// <summary>
/// The Cake addin as a team consumes it: the library packages and Fluent.Docker.Cake packed into a local feed, then a
/// fresh folder outside the repository (its own tool manifest for the pinned Cake.Tool, a nuget.config with only the
/// feed and the machine's cache) runs a script that starts with <c>#addin nuget:?package=Fluent.Docker.Cake</c>. Cake
/// installs the addin and its dependencies from the feed, compiles the script against them, and the aliases run.
/// </summary>
[Trait("Category", "Package")]
public sealed class AddinPackageTests : IDisposable
{
    private static readonly string[] Packed = ["Fluent.Docker", "Fluent.Docker.Buildx", "Fluent.Docker.Engine", "Fluent.Docker.Workflow", "Fluent.Docker.Display", "Fluent.Docker.Cake"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "fluent-docker-addin-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Addin_directive_loads_the_packed_addin_in_a_cake_run_outside_the_repository()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var packages = Path.Combine(_work, "packages");
        var version = "0.0.0-addintest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var configuration = typeof(AddinPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        foreach (var project in Packed)
            Dotnet(RepositoryLayout.Root, null, "pack", Path.Combine("src", project, project + ".csproj"), "-c", configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}");

        // The core depends on nothing; the addin on the three packages it uses, at the packed version, and not on Cake.Core
        // (Cake brings its own).
        Assert.Empty(Dependencies(feed, "Fluent.Docker", version));
        Assert.Equal(
            ["Fluent.Docker.Buildx " + version, "Fluent.Docker.Display " + version, "Fluent.Docker.Engine " + version, "Fluent.Docker.Workflow " + version],
            Dependencies(feed, "Fluent.Docker.Cake", version).Order(StringComparer.Ordinal));

        var script = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        Assert.False(script.StartsWith(RepositoryLayout.Root, StringComparison.Ordinal), "the consumer must live outside the repository");
        Directory.CreateDirectory(Path.Combine(script, ".config"));
        File.Copy(Path.Combine(RepositoryLayout.Root, ".config", "dotnet-tools.json"), Path.Combine(script, ".config", "dotnet-tools.json"));
        File.WriteAllText(Path.Combine(script, "nuget.config"), LocalFeed.NuGetConfig(feed, packages));
        File.WriteAllText(Path.Combine(script, "build.cake"), $$"""
            #addin nuget:?package=Fluent.Docker.Cake&version={{version}}&loaddependencies=true
            using Fluent.Docker;
            using Fluent.Docker.Release;

            Task("Default").Does(() =>
            {
                var app = Stage.Named("app").From("busybox:1.36").Run("echo hello > /hello.txt");
                var images = FluentDockerGenerate(new[] { ImageDefinition.Create("addin/hello", Dockerfile.Create(app)) });
                Information("tags: {0}", string.Join(", ", TagStrategy.ForVersion("1.2.3").WithLatest().Tags()));
                Information("generated: {0}", System.IO.Path.GetFileName(images[0].DockerfilePath));
            });
            RunTarget("Default");
            """);

        // Cake's own NuGet client: its sources are the feed and the machine's cache only (no registry).
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = packages,
            ["CAKE_NUGET_SOURCE"] = feed + ";" + LocalFeed.MachinePackagesFolder(),
            ["NO_COLOR"] = "1",
        };
        Dotnet(script, environment, "tool", "restore");
        var run = Dotnet(script, environment, "cake", "build.cake");

        var output = CakeScript.WithoutColours(run.Output);
        Assert.Contains("tags: 1.2.3, 1.2, 1, latest", output, StringComparison.Ordinal);
        Assert.Contains("generated: Dockerfile", output, StringComparison.Ordinal);
        var expected = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("echo hello > /hello.txt")).Emit();
        Assert.Equal(expected, File.ReadAllText(Path.Combine(script, "Dockerfile")));
        // Installed from the feed under test, at the packed version, with the library packages beside it.
        foreach (var package in Packed)
            Assert.True(Directory.Exists(Path.Combine(script, "tools", "Addins", $"{package}.{version}")), $"{package} {version} was not installed as an addin:\n{run}");
    }

    private static List<string> Dependencies(string feed, string id, string version)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => $"{(string?)e.Attribute("id")} {(string?)e.Attribute("version")}").ToList();
    }

    private static ProcessRun Dotnet(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var run = LocalFeed.Run("dotnet", directory, arguments, TimeSpan.FromMinutes(8), environment);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{run}");
        return run;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS's temp clean-up; the test result does not depend on it.
        }
    }
}
