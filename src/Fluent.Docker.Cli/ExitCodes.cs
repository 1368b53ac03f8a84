namespace Fluent.Docker.Cli;

/// <summary>The tool's exit codes; <c>fluent-docker --help</c> and the README list them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>lint: findings at or above <c>--fail-on</c>; generate or lock <c>--verify-no-changes</c>: stale files.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments or input: a missing file, a malformed Dockerfile, an unknown template, an invalid definition.</summary>
    public const int Usage = 2;

    /// <summary>No Docker engine (or buildx) reachable.</summary>
    public const int EngineUnavailable = 3;

    /// <summary>A step the tool ran failed: the definitions project did not build or run, or buildx failed.</summary>
    public const int StepFailed = 4;

    /// <summary>A bug in the tool; <c>--verbose</c> shows the stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    public const string HelpText = """
        Exit codes:
          0   success
          1   lint findings at or above --fail-on; generate/lock --verify-no-changes found stale files; fmt --check found unformatted files
          2   usage or input error (missing file, malformed Dockerfile, unknown template, invalid definition)
          3   no Docker engine or buildx reachable
          4   a step failed (the definitions project did not build or run, buildx failed)
          70  internal error (run with --verbose for the stack trace)
        """;
}
