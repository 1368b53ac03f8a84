using System.Text;

namespace Fluent.Docker.Build;

/// <summary>
/// buildx failed. The message leads with buildx's own error line (e.g. <c>ERROR: failed to solve: …</c>), then each failed
/// step (its instruction, Dockerfile line and last output lines, decoded from the progress stream), the command (secret
/// values never appear in it) and buildx's last text lines.
/// </summary>
public sealed class BuildxException : Exception
{
    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, Exception? innerException = null)
        : this(exitCode, commandLine, errorOutputTail, [], innerException)
    {
    }

    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, Exception? innerException = null)
        : base(Describe(exitCode, commandLine, errorOutputTail, failedSteps ?? [], innerException), innerException)
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        ErrorOutputTail = errorOutputTail;
        FailedSteps = failedSteps ?? [];
    }

    /// <summary>The process exit code; null when <c>docker</c> could not be started at all.</summary>
    public int? ExitCode { get; }

    public string CommandLine { get; }

    /// <summary>The last lines buildx wrote outside its progress stream, where it reports what went wrong.</summary>
    public string ErrorOutputTail { get; }

    /// <summary>The steps that failed (empty when buildx failed before or after running any, or could not start).</summary>
    public IReadOnlyList<BuildEvent.StepFailed> FailedSteps { get; }

    /// <summary>buildx's last <c>ERROR:</c> line, or its last line of output.</summary>
    public string ErrorLine => Headline(ErrorOutputTail);

    private static string Describe(int? exitCode, string commandLine, string tail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, Exception? inner)
    {
        var status = exitCode is { } code ? $"exit code {code}" : $"could not start: {inner?.Message}";
        var text = new StringBuilder($"docker buildx failed ({status}): {Headline(tail)}").AppendLine();
        foreach (var failed in failedSteps) text.Append("Failed step: ").AppendLine(failed.ToString());
        text.Append("Command: ").AppendLine(commandLine);
        text.AppendLine("buildx output (last lines):").Append(tail);
        return text.ToString();
    }

    private static string Headline(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "(no output)";
    }
}
