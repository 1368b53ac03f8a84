using Spectre.Console;

namespace Fluent.Docker.Cli;

/// <summary>
/// Where a command writes and reads: standard output for results, standard error for progress and errors, the working
/// directory, and whether a person is there to answer questions and watch live progress.
/// </summary>
/// <param name="Ansi">Rich output (tables, charts, prompts) on standard output.</param>
/// <param name="Progress">Live build progress, on standard error so standard output keeps only results.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, bool Interactive, IAnsiConsole Ansi, IAnsiConsole Progress)
{
    /// <summary>The process console; interactive when both input and output are a terminal.</summary>
    public static CliConsole System() => new(
        Console.Out, Console.Error, Directory.GetCurrentDirectory(),
        !Console.IsInputRedirected && !Console.IsOutputRedirected,
        AnsiConsole.Console,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>A path given on the command line, resolved against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>
    /// <paramref name="path"/> as the user would type it from the working directory: relative below it, absolute
    /// elsewhere (a chain of <c>../</c> to reach <c>/srv/corpora/…</c> reads worse than the path itself).
    /// </summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, path);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
