namespace Fluent.Docker.Build;

/// <summary>
/// <c>buildah</c> failed (or could not start). The message leads with Buildah's own <c>Error:</c> line, then the command
/// (secret values never appear in it) and Buildah's last output lines. <see cref="Problems"/> says which kind of
/// failure it was: a failed step (<see cref="ProblemCodes.BuildStepFailed"/>), a push
/// (<see cref="ProblemCodes.PushFailed"/>) or anything else (<see cref="ProblemCodes.BuildFailed"/>).
/// </summary>
public sealed class BuildahException : Exception, IProblemException
{
    public BuildahException(int? exitCode, string commandLine, string errorOutputTail, Exception? innerException = null)
        : base(Describe(exitCode, commandLine, errorOutputTail, innerException), innerException)
    {
        ExitCode = exitCode;
        CommandLine = commandLine;
        ErrorOutputTail = errorOutputTail;
    }

    /// <summary>The process exit code; null when <c>buildah</c> could not be started.</summary>
    public int? ExitCode { get; }

    public string CommandLine { get; }

    /// <summary>The last lines Buildah wrote.</summary>
    public string ErrorOutputTail { get; }

    /// <summary>Buildah's last <c>Error:</c> line, or its last line of output.</summary>
    public string ErrorLine => Headline(ErrorOutputTail);

    public IReadOnlyList<Problem> Problems => [ToProblem()];

    private Problem ToProblem()
    {
        var line = ErrorLine;
        var (code, fix) = ExitCode is null
            ? (ProblemCodes.BuildFailed, "install Buildah (apt-get install buildah) or pass its path to new Buildah(…).")
            : line.Contains("building at STEP", StringComparison.Ordinal)
                ? (ProblemCodes.BuildStepFailed, "fix the step Buildah names; a Dockerfile feature Buildah lacks is refused earlier when the model targets BuilderProfile.Buildah(…).")
                : CommandLine.Contains(" push ", StringComparison.Ordinal)
                    ? (ProblemCodes.PushFailed, "check that the registry is reachable and the tag is writable (buildah login for credentials).")
                    : (ProblemCodes.BuildFailed, "read Buildah's error above.");
        return Problem.Error(code, ProblemLocation.None, line.Length == 0 ? Message : line, fix);
    }

    internal static string Headline(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "";
    }

    private static string Describe(int? exitCode, string commandLine, string tail, Exception? inner)
    {
        if (exitCode is null) return $"buildah could not be started: {inner?.Message}{Environment.NewLine}Command: {commandLine}";
        var headline = Headline(tail);
        return $"buildah failed (exit code {exitCode}): {headline}{Environment.NewLine}Command: {commandLine}{Environment.NewLine}{tail}";
    }
}
