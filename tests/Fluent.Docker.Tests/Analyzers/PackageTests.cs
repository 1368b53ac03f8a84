using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using Fluent.Docker.Tests.Examples;
using Fluent.Docker.Tests.Packaging;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>
/// The analyzers reach users through the Fluent.Docker package: pack it into a local feed, restore a fresh console
/// project from that feed (beside the machine's usual sources), build it with the SDK's own compiler and find the
/// diagnostics, and an <c>.editorconfig</c> severity change, in the build output. One pack, one restore, one build.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "fluent-docker-package-" + Guid.NewGuid().ToString("N")[..12]);

    private const string ConsumerProgram = """
        using Fluent.Docker;

        var build = Stage.Named("build").From("golang:latest")
            .Run("cd /src && go build -o /out/app .");
        var runtime = Stage.Named("runtime").From("debian")
            .Run("apt-get update && apt-get install curl")
            .CopyFrom(build, "/out/app", "/app")
            .CmdShell("/app --serve");

        Console.WriteLine(Dockerfile.Create(build, runtime).Emit());
        """;

    // FD0002 raised to error; the Maintainability category (FD0023 is an info there) raised to warning.
    private const string ConsumerEditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.FD0002.severity = error
        dotnet_analyzer_diagnostic.category-FluentDocker.Maintainability.severity = warning
        """;

    [Fact]
    public void Packed_package_brings_the_analyzers_into_a_consumer_build()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var version = "0.0.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var configuration = typeof(PackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

        // The test project's build built the library and both analyzer assemblies in this configuration.
        Run(RepositoryLayout.Root, "pack", Path.Combine("src", "Fluent.Docker", "Fluent.Docker.csproj"),
            "-c", configuration, "--no-build", "-o", feed, $"-p:PackageVersion={version}");

        var package = Path.Combine(feed, $"Fluent.Docker.{version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/Fluent.Docker.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Fluent.Docker.Analyzers.CodeFixes.dll", entries);
            Assert.Contains("lib/net10.0/Fluent.Docker.dll", entries);
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.DoesNotContain("Fluent.Docker.Analyzers", nuspec.ReadToEnd());
        }

        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Fluent.Docker" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        // The feed is added to the machine's sources (not replacing them); packages restore into a private folder so
        // the throw-away version never lands in the shared cache, and the machine's cache serves the dependencies.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), LocalFeed.NuGetConfig(feed, Path.Combine(_work, "packages")));
        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), ConsumerEditorConfig);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        var (exitCode, output) = RunAllowingFailure(consumer, "build", "-nologo", "-p:TreatWarningsAsErrors=false");

        Assert.NotEqual(0, exitCode); // FD0002 is an error now
        string[] expected =
        [
            "error FD0002",   // "golang:latest", raised by .editorconfig
            "warning FD0001", // "debian"
            "warning FD0014", // cd /src && …
            "warning FD0016", // apt-get install without -y
            "warning FD0006", // CmdShell
            "warning FD0012", // final stage without USER
            "warning FD0023", // info by default, raised through its category
        ];
        foreach (var diagnostic in expected) Assert.True(output.Contains(diagnostic, StringComparison.Ordinal), $"'{diagnostic}' not in the build output:\n{output}");
        // Analyzers that the compiler could not load or that crashed report these instead of the rules.
        foreach (var failure in new[] { "CS9057", "CS8032", "AD0001" }) Assert.DoesNotContain(failure, output);
        Assert.Contains("https://github.com/fluent-docker/Fluent.Docker/blob/main/docs/rules/FD0001.md", output);
    }

    private static void Run(string directory, params string[] arguments)
    {
        var (exitCode, output) = RunAllowingFailure(directory, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
    }

    private static (int ExitCode, string Output) RunAllowingFailure(string directory, params string[] arguments)
    {
        var run = LocalFeed.Run("dotnet", directory, arguments, TimeSpan.FromMinutes(8));
        return (run.ExitCode, run.Output + run.Error);
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
