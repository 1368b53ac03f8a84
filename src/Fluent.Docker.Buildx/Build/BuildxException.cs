namespace Fluent.Docker.Build;

/// <summary>
/// buildx failed. The message leads with buildx's own error line (e.g. <c>ERROR: failed to solve: …</c>), then the
/// command (secret values never appear in it) and the tail of its output.
/// </summary>
public sealed class BuildxException : Exception
{
    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, Exception? innerException = null)
        : base(Describe(exitCode, commandLine, errorOutputTail, innerException), innerException)
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        ErrorOutputTail = errorOutputTail;
    }

    /// <summary>The process exit code; null when <c>docker</c> could not be started at all.</summary>
    public int? ExitCode { get; }

    public string CommandLine { get; }

    /// <summary>The last lines buildx wrote to stderr, where it reports what went wrong.</summary>
    public string ErrorOutputTail { get; }

    /// <summary>buildx's last <c>ERROR:</c> line, or its last line of output.</summary>
    public string ErrorLine => Headline(ErrorOutputTail);

    private static string Describe(int? exitCode, string commandLine, string tail, Exception? inner)
    {
        var status = exitCode is { } code ? $"exit code {code}" : $"could not start: {inner?.Message}";
        return $"docker buildx failed ({status}): {Headline(tail)}{Environment.NewLine}" +
               $"Command: {commandLine}{Environment.NewLine}" +
               $"buildx output (last lines):{Environment.NewLine}{tail}";
    }

    private static string Headline(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "(no output)";
    }
}
