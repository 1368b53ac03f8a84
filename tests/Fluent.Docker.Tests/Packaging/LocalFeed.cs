using System.Diagnostics;
using System.Text;

namespace Fluent.Docker.Tests.Packaging;

/// <summary>
/// What tests that consume our packed packages share: a nuget.config that restores into a private folder (so
/// throw-away builds never land in the machine's cache) from two sources, mapped so that our packages come only from
/// the feed under test and everything else from the machine's cache, read as a local feed (no network). A
/// Fluent.Docker of the same version left in the machine's cache (say, by trying the README's tool install) can then
/// never stand in for the fresh pack. Also a process runner with the SDK's build servers off (they would outlive the
/// test and hold its folders).
/// </summary>
internal static class LocalFeed
{
    public static string NuGetConfig(string feed, string packagesFolder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packagesFolder}" />
          </config>
          <packageSources>
            <clear />
            <add key="fluent-docker-under-test" value="{feed}" />
            <add key="machine-cache" value="{MachinePackagesFolder()}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="fluent-docker-under-test">
              <package pattern="Fluent.Docker" />
              <package pattern="Fluent.Docker.*" />
              <package pattern="fluent-docker" />
            </packageSource>
            <packageSource key="machine-cache">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    public static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Runs <paramref name="fileName"/> to completion (killed with its children after <paramref name="timeout"/>).</summary>
    public static ProcessRun Run(string fileName, string directory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} took longer than {timeout}:\n{output}{error}");
        }
        process.WaitForExit();
        lock (output) lock (error) return new ProcessRun(process.ExitCode, output.ToString(), error.ToString());
    }
}

/// <summary>What one process run did.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
