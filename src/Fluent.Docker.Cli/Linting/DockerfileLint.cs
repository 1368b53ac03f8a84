using Fluent.Docker.Parsing;

namespace Fluent.Docker.Cli.Linting;

/// <summary>One Dockerfile to lint: the name findings are reported under, its text, and the .dockerignore its build uses.</summary>
public sealed record LintTarget(string DisplayPath, string Text, string? DockerIgnore);

/// <summary>Reads each target through the parser, runs the rule engine on it and renders the findings.</summary>
public static class DockerfileLint
{
    /// <summary>Writes the report in <paramref name="format"/> and returns the exit code for <paramref name="failOn"/>.</summary>
    public static int Run(CliConsole console, IReadOnlyList<LintTarget> targets, string format, string failOn)
    {
        // Every file is read before any is reported: a malformed one is a usage error, with nothing half printed.
        foreach (var target in targets) Parse(target);
        // The rule engine (Fluent.Docker.Linting) lands from its own issue.
        throw new CliException(ExitCodes.StepFailed, "lint: this build of Fluent.Docker has no rule engine yet (Fluent.Docker.Linting).");
    }

    private static Dockerfile Parse(LintTarget target)
    {
        try
        {
            return Dockerfile.Parse(target.Text);
        }
        catch (DockerfileParseException e)
        {
            throw CliException.Usage($"{target.DisplayPath}:{e.Line}:{e.Column}: {e.Reason}");
        }
    }
}
