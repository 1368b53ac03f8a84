using System.Diagnostics;

namespace Fluent.Docker.Tests.Engine;

/// <summary>What a lab command line printed and how it ended.</summary>
internal sealed record ExternalRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs a lab program (<c>docker</c>, <c>buildah</c>) directly, for what the tests check beside the library: the
/// arguments go in as a list (no shell), both streams are read to the end.
/// </summary>
internal static class ExternalCommand
{
    public static async Task<ExternalRun> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ExternalRun(process.ExitCode, await output, await error);
    }
}
