namespace Fluent.Docker.Cli.Linting;

/// <summary>One Dockerfile to lint: the name findings are reported under, its text, and the .dockerignore its build uses.</summary>
public sealed record LintTarget(string DisplayPath, string Text, string? DockerIgnore);

/// <summary>Reads each target through the parser, runs the rule engine on it and renders the findings.</summary>
public static class DockerfileLint
{
    /// <summary>Writes the report in <paramref name="format"/> and returns the exit code for <paramref name="failOn"/>.</summary>
    public static int Run(CliConsole console, IReadOnlyList<LintTarget> targets, string format, string failOn) =>
        // The parser (Dockerfile.Parse) and the rule engine (Fluent.Docker.Linting) land from their own issues.
        throw new CliException(ExitCodes.StepFailed, "lint: this build of Fluent.Docker has no rule engine yet (Fluent.Docker.Linting).");
}
