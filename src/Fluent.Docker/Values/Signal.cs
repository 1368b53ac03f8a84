namespace Fluent.Docker;

/// <summary>A stop signal (STOPSIGNAL): a name such as SIGTERM or a signal number.</summary>
public sealed record Signal : IDockerValue
{
    private Signal(string text) => Text = text;

    public string Text { get; }

    public static Signal SIGTERM { get; } = new("SIGTERM");
    public static Signal SIGINT { get; } = new("SIGINT");
    public static Signal SIGQUIT { get; } = new("SIGQUIT");
    public static Signal SIGKILL { get; } = new("SIGKILL");
    public static Signal SIGHUP { get; } = new("SIGHUP");
    public static Signal SIGUSR1 { get; } = new("SIGUSR1");
    public static Signal SIGUSR2 { get; } = new("SIGUSR2");
    public static Signal SIGWINCH { get; } = new("SIGWINCH");

    public static Signal Named(string name) => new(name ?? "");
    public static Signal Number(int number) => new(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Problem? Problem =>
        Text.Length > 0 && (Text.All(char.IsAsciiDigit) && int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 65
                            || Text.StartsWith("SIG", StringComparison.Ordinal) && Text.Length > 3 && Text.Skip(3).All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '+' or '-'))
            ? null
            : Problem.InvalidValue($"'{ImageReference.Printable(Text)}' is not a signal.", "use a name such as SIGTERM or a number from 1 to 64.");

    public override string ToString() => Text;
}
