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

    /// <summary>
    /// Shell form: one line of shell, passed to the stage's SHELL. Kept exactly as given: blanks BuildKit would strip
    /// from its ends are reported by the validator rather than dropped silently (they can change what the shell runs).
    /// </summary>
    public sealed record Shell(string Command) : CommandLine;

    /// <summary>A script in a heredoc (<c>RUN &lt;&lt;EOF</c>), run by the stage's SHELL. Non-empty text ends with a line break.</summary>
    public sealed record Script(string Text) : CommandLine
    {
        private readonly string _text = HeredocText.Normalize(Text);

        public string Text
        {
            get => _text;
            init => _text = HeredocText.Normalize(value);
        }
    }
}

/// <summary>Heredoc bodies are lines: BuildKit reads every body line with its line break, the last one too.</summary>
internal static class HeredocText
{
    public static string Normalize(string? text) => string.IsNullOrEmpty(text) || text.EndsWith('\n') ? text ?? "" : text + "\n";
}
