namespace Fluent.Docker.Cli;

/// <summary>An expected failure: one line for the user and the exit code it maps to. Never shown with a stack trace.</summary>
public sealed class CliException(int exitCode, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Lines printed after the message (e.g. compiler errors of the definitions project).</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException MissingFile(string path, string what = "file") =>
        new(ExitCodes.Usage, $"{what} not found: {path}");
}
