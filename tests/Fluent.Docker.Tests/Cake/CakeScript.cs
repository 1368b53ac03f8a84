using System.Diagnostics;
using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Cake;

/// <summary>
/// Runs a Cake script as a user does: saved at the repository root (its <c>#r</c> paths are relative to it), run by the
/// pinned Cake tool (which loads the built addin), then deleted.
/// </summary>
internal static partial class CakeScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, string script, params string[] arguments)
    {
        var addin = Path.Combine(RepositoryLayout.Root, "src/Fluent.Docker.Cake/bin/Release/net10.0/Fluent.Docker.Cake.dll");
        Assert.True(File.Exists(addin), $"{addin} is missing: build the solution in Release first (./build.sh does).");
        var path = Path.Combine(RepositoryLayout.Root, $"{name}-{Guid.NewGuid():N}.cake");
        await File.WriteAllTextAsync(path, script);
        try
        {
            return await ProcessAsync("dotnet", ["cake", path, .. arguments], RepositoryLayout.Root);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Cake colours the arguments of log lines; this is the text a log file keeps.</summary>
    public static string WithoutColours(string output) => AnsiEscape().Replace(output, "");

    private static async Task<(int ExitCode, string Output)> ProcessAsync(string executable, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
