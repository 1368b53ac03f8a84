namespace Fluent.Docker.Build;

/// <summary>
/// Shows an argument array as a POSIX shell would read it, for logs and error messages only: the runner never goes
/// through a shell. Arguments are already free of secret values (see <see cref="BuildSecret"/>).
/// </summary>
public static class CommandLineText
{
    public static string Format(string executable, IEnumerable<string> arguments) =>
        string.Join(" ", new[] { executable }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
