using System.Diagnostics;
using System.Reflection;
using System.Text;
using Fluent.Docker.Cli;
using Fluent.Docker.Hosting;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// The fluent-docker tool as a user gets it: Fluent.Docker and fluent-docker packed (from the build the tests ran on)
/// into a local feed, then <c>dotnet tool install --tool-path … --add-source FEED fluent-docker</c>. Tests start the
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
        Feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        Packages = Path.Combine(_work, "packages");
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        foreach (var project in new[] { "src/Fluent.Docker/Fluent.Docker.csproj", "src/Fluent.Docker.Cli/Fluent.Docker.Cli.csproj" })
            Dotnet(RepositoryLayout.Root, ["pack", project, "-c", configuration, "--no-build", "-o", Feed]);
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
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <add key="fluent-docker-under-test" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine-cache" value="{MachinePackagesFolder()}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        return directory;
    }

    /// <summary>Runs the installed tool in <paramref name="directory"/>.</summary>
    public ToolRun Run(string directory, params string[] arguments) => Run(directory, arguments, null);

    public ToolRun Run(string directory, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Executable) { WorkingDirectory = directory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        return Execute(start, TimeSpan.FromMinutes(10));
    }

    private void Dotnet(string directory, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NUGET_PACKAGES"] = Packages;
        var run = Execute(start, TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({run.ExitCode}):\n{run.Output}{run.Error}");
    }

    private static ToolRun Execute(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} took longer than {timeout}:\n{output}{error}");
        }
        process.WaitForExit();
        lock (output) lock (error) return new ToolRun(process.ExitCode, output.ToString(), error.ToString());
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { /* a file still held open is left to the OS's temp clean-up */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>What one run of the tool did.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed fluent-docker tool";
}
