namespace Fluent.Docker;

/// <summary>
/// The command of RUN/CMD/ENTRYPOINT/HEALTHCHECK: an exec array (no shell; emitted as JSON), a shell command line
/// (run by the stage's SHELL), or a multi-line script (emitted as a heredoc).
/// </summary>
public abstract record CommandLine
{
    private CommandLine() { }

    /// <summary>Exec form: the process and its arguments, without a shell.</summary>
    public sealed record Exec(ValueList<string> Arguments) : CommandLine;

    /// <summary>Shell form: one line of shell, passed to the stage's SHELL.</summary>
    public sealed record Shell(string Command) : CommandLine;

    /// <summary>A script in a heredoc (<c>RUN &lt;&lt;EOF</c>), run by the stage's SHELL.</summary>
    public sealed record Script(string Text) : CommandLine;
}
