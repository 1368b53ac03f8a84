using System.ComponentModel;
using CliWrap;

namespace Fluent.Docker.Build;

/// <summary>
/// Runs the docker CLI with an argument array (never a shell string) and keeps what error reporting needs: the exit
/// code, stdout, and the last lines of stderr. Each output line is also handed to an optional <c>onLine</c>.
/// </summary>
internal static class DockerCliRun
{
    public const int TailLines = 40;

    public sealed record Outcome(int ExitCode, byte[] StandardOutput, string ErrorTail, TimeSpan Duration);

    /// <summary>Throws <see cref="BuildxException"/> (exit code null) when the executable cannot be started.</summary>
    public static async Task<Outcome> ExecuteAsync(
        string executable,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment,
        Action<string>? onLine,
        bool forwardStandardOutput,
        CancellationToken cancellationToken)
    {
        var stdout = new MemoryStream();
        var tail = new Queue<string>();
        var stdoutTarget = forwardStandardOutput && onLine is not null
            ? PipeTarget.Merge(PipeTarget.ToStream(stdout), PipeTarget.ToDelegate(onLine))
            : PipeTarget.ToStream(stdout);
        var stderrTarget = PipeTarget.ToDelegate(line =>
        {
            onLine?.Invoke(line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
        });

        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(stdoutTarget)
            .WithStandardErrorPipe(stderrTarget);
        if (environment is { Count: > 0 }) command = command.WithEnvironmentVariables(environment);

        try
        {
            var result = await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            string errorTail;
            lock (tail) errorTail = string.Join(Environment.NewLine, tail);
            return new Outcome(result.ExitCode, stdout.ToArray(), errorTail, result.RunTime);
        }
        catch (Win32Exception exception)
        {
            throw new BuildxException(null, CommandLineText.Format(executable, arguments), "",
                new InvalidOperationException($"'{executable}' could not be started: install the Docker CLI with the buildx plugin, or pass its path to new Buildx(…).", exception));
        }
    }
}
