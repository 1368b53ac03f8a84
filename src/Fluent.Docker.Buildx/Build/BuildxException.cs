using System.Text;

namespace Fluent.Docker.Build;

/// <summary>
/// buildx failed. <see cref="Failure"/> says what kind of failure it was (a base image not found, a platform a base
/// lacks, a push the registry refused, a failed step) as one line with its fix; the message leads with that line, then
/// buildx's own error line, each failed step (its instruction, Dockerfile line and last output lines, decoded from the
/// progress stream), the command (secret values never appear in it) and buildx's last text lines.
/// </summary>
public sealed class BuildxException : Exception, IProblemException
{
    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, Exception? innerException = null)
        : this(exitCode, commandLine, errorOutputTail, [], innerException)
    {
    }

    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, Exception? innerException = null)
        : this(exitCode, commandLine, errorOutputTail, failedSteps, [], innerException)
    {
    }

    /// <summary>A failure whose <see cref="Failure"/> can name the platform a base lacks: <paramref name="platforms"/> are those the build asked for (a single-platform build's steps do not name theirs).</summary>
    public BuildxException(int? exitCode, string commandLine, string errorOutputTail, IReadOnlyList<BuildEvent.StepFailed> failedSteps,
        IReadOnlyList<Platform> platforms, Exception? innerException = null)
        : this(exitCode, commandLine, errorOutputTail, failedSteps ?? [], Classify(exitCode, errorOutputTail, failedSteps ?? [], platforms ?? [], innerException), innerException)
    {
    }

    /// <summary>A failure of a run on <paramref name="builder"/> (null: the current one), which the builder and engine failures name.</summary>
    internal BuildxException(int? exitCode, string commandLine, string errorOutputTail, IReadOnlyList<BuildEvent.StepFailed> failedSteps,
        IReadOnlyList<Platform> platforms, string? builder)
        : this(exitCode, commandLine, errorOutputTail, failedSteps, OnBuilder(Classify(exitCode, errorOutputTail, failedSteps, platforms, null), builder), null)
    {
    }

    private static BuildFailure OnBuilder(BuildFailure failure, string? builder) => failure.Builder is null ? failure with { Builder = builder } : failure;

    private BuildxException(int? exitCode, string commandLine, string errorOutputTail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, BuildFailure failure, Exception? innerException)
        : base(Describe(exitCode, commandLine, errorOutputTail, failedSteps, failure, innerException), innerException)
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        ErrorOutputTail = errorOutputTail;
        FailedSteps = failedSteps;
        Failure = failure;
    }

    /// <summary>The process exit code; null when <c>docker</c> could not be started at all.</summary>
    public int? ExitCode { get; }

    public string CommandLine { get; }

    /// <summary>The last lines buildx wrote outside its progress stream, where it reports what went wrong.</summary>
    public string ErrorOutputTail { get; }

    /// <summary>The steps that failed (empty when buildx failed before or after running any, or could not start).</summary>
    public IReadOnlyList<BuildEvent.StepFailed> FailedSteps { get; }

    /// <summary>The <see cref="Failure"/> as a <see cref="Problem"/> (<see cref="BuildFailure.ToProblem"/>).</summary>
    public IReadOnlyList<Problem> Problems => [Failure.ToProblem()];

    /// <summary>What kind of failure this was, its cause and its fix (<see cref="BuildFailureKind.Other"/> when docker did not start).</summary>
    public BuildFailure Failure { get; }

    /// <summary>buildx's last <c>ERROR:</c> line, or its last line of output.</summary>
    public string ErrorLine => Headline(ErrorOutputTail);

    private static BuildFailure Classify(int? exitCode, string tail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, IReadOnlyList<Platform> platforms, Exception? inner) =>
        exitCode is null
            ? new BuildFailure(BuildFailureKind.Other, inner?.Message ?? "docker could not be started")
            : BuildFailure.Classify(failedSteps, tail ?? "", platforms);

    private static string Describe(int? exitCode, string commandLine, string tail, IReadOnlyList<BuildEvent.StepFailed> failedSteps, BuildFailure failure, Exception? inner)
    {
        var status = exitCode is { } code ? $"exit code {code}" : $"could not start: {inner?.Message}";
        var text = new StringBuilder();
        if (failure.Kind != BuildFailureKind.Other) text.AppendLine(failure.ToString());
        text.Append("docker buildx failed (").Append(status).Append("): ").AppendLine(Headline(tail));
        foreach (var failed in failedSteps) text.Append("Failed step: ").AppendLine(failed.ToString());
        text.Append("Command: ").AppendLine(commandLine);
        text.AppendLine("buildx output (last lines):").Append(tail);
        return text.ToString();
    }

    private static string Headline(string tail)
    {
        var lines = (tail ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "(no output)";
    }
}
