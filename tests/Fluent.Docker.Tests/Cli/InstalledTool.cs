using System.Reflection;
using Fluent.Docker.Cli;
using Fluent.Docker.Hosting;
using Fluent.Docker.Tests.Examples;
using Fluent.Docker.Tests.Packaging;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// The fluent-docker tool as a user gets it: Fluent.Docker and fluent-docker packed (from the build the tests ran on)
/// into artifacts/packages, then <c>dotnet tool install --tool-path … --add-source artifacts/packages fluent-docker</c>. Tests start the
/// installed executable as a process in temporary repositories whose nuget.config adds the same feed, so the scaffolded
/// definitions restore the packed Fluent.Docker package (not a project reference). Packages restore into a private
/// folder: the packed version never lands in the machine's cache.
/// </summary>
public sealed class InstalledTool : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fluent-docker-tool-").FullName;

    public InstalledTool()
    {
        Version = HostManifest.LibraryVersionOf(typeof(CliApp).Assembly);
        // Where ./build.sh --target=Pack puts them: the tests install exactly as the README says.
        Feed = Directory.CreateDirectory(Path.Combine(RepositoryLayout.Root, "artifacts", "packages")).FullName;
        Packages = Path.Combine(_work, "packages");
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        // Packed at the version the build gave the assemblies: MinVer would otherwise count commits made since that build.
        foreach (var project in new[] { "src/Fluent.Docker/Fluent.Docker.csproj", "src/Fluent.Docker.Cli/Fluent.Docker.Cli.csproj" })
            Dotnet(RepositoryLayout.Root, ["pack", project, "-c", configuration, "--no-build", "-o", Feed, $"-p:PackageVersion={Version}"]);
        var tools = Path.Combine(_work, "tools");
        Dotnet(RepositoryLayout.Root, ["tool", "install", "fluent-docker", "--tool-path", tools, "--add-source", Feed, "--version", Version]);
        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "fluent-docker.exe" : "fluent-docker");
    }

    /// <summary>The version both packages carry (the build's), which init's scaffold references.</summary>
    public string Version { get; }

    public string Feed { get; }

    /// <summary>The private global packages folder of every restore the tests cause.</summary>
    public string Packages { get; }

    public string Executable { get; }

    /// <summary>A new empty repository directory with a nuget.config that adds the feed.</summary>
    public string NewRepository(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_work, "repos", name + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), LocalFeed.NuGetConfig(Feed, Packages));
        return directory;
    }

    /// <summary>
    /// A new empty directory with no NuGet configuration at all, as a new user's repository: the tool must find its
    /// Fluent.Docker package by itself. Run the tool there with <see cref="PrivatePackages"/>, which keeps restores out
    /// of the machine's cache without configuring any source.
    /// </summary>
    public string NewBareRepository(string name) =>
        Directory.CreateDirectory(Path.Combine(_work, "bare", name + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;

    /// <summary>The environment that sends every restore into <see cref="Packages"/> (no source is added or removed).</summary>
    public IReadOnlyDictionary<string, string> PrivatePackages => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>Runs the installed tool in <paramref name="directory"/>.</summary>
    public ProcessRun Run(string directory, params string[] arguments) => Run(directory, arguments, null);

    public ProcessRun Run(string directory, string[] arguments, IReadOnlyDictionary<string, string>? environment) =>
        LocalFeed.Run(Executable, directory, arguments, TimeSpan.FromMinutes(10), environment);

    private void Dotnet(string directory, string[] arguments)
    {
        var run = LocalFeed.Run("dotnet", directory, arguments, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages });
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{run}");
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { /* a file still held open is left to the OS's temp clean-up */ }
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed fluent-docker tool";
}
