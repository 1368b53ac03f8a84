using Spectre.Console;

namespace Fluent.Docker.Cli;

/// <summary>
/// Where a command writes and reads: standard output for results, standard error for progress and errors, the working
/// directory, and whether a person is there to answer questions and watch live progress.
/// </summary>
/// <remarks>
/// The rich consoles are made on first use: Spectre.Console's set-up (terminal, colour and Unicode detection) costs
/// start-up that commands printing plain lines (<c>lint</c> in a pre-commit hook) should not pay.
/// </remarks>
public sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole> _ansi;
    private readonly Lazy<IAnsiConsole> _progress;

    /// <param name="Out">Standard output: results.</param>
    /// <param name="Error">Standard error: progress and errors.</param>
    /// <param name="WorkingDirectory">What relative paths on the command line are resolved against.</param>
    /// <param name="Interactive">A person is there to answer prompts and watch live progress.</param>
    /// <param name="Ansi">Rich output (tables, charts, prompts) on standard output.</param>
    /// <param name="Progress">Live build progress, on standard error so standard output keeps only results.</param>
    public CliConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, bool Interactive, IAnsiConsole Ansi, IAnsiConsole Progress)
        : this(Out, Error, WorkingDirectory, Interactive, () => Ansi, () => Progress)
    {
    }

    private CliConsole(TextWriter @out, TextWriter error, string workingDirectory, bool interactive, Func<IAnsiConsole> ansi, Func<IAnsiConsole> progress)
    {
        Out = @out;
        Error = error;
        WorkingDirectory = workingDirectory;
        Interactive = interactive;
        _ansi = new Lazy<IAnsiConsole>(ansi);
        _progress = new Lazy<IAnsiConsole>(progress);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public string WorkingDirectory { get; }

    public bool Interactive { get; }

    /// <summary>Rich output (tables, charts, prompts) on standard output.</summary>
    public IAnsiConsole Ansi => _ansi.Value;

    /// <summary>Live build progress, on standard error so standard output keeps only results.</summary>
    public IAnsiConsole Progress => _progress.Value;

    /// <summary>The process console; interactive when both input and output are a terminal.</summary>
    public static CliConsole System() => new(
        Console.Out, Console.Error, Directory.GetCurrentDirectory(),
        !Console.IsInputRedirected && !Console.IsOutputRedirected,
        () => AnsiConsole.Console,
        () => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>A path given on the command line, resolved against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>The Dockerfile a PATH argument names (a directory means its Dockerfile), full path; missing: exit 2 naming it.</summary>
    public string ExistingDockerfile(string path)
    {
        var full = Resolve(path);
        var file = Directory.Exists(full) ? Path.Combine(full, "Dockerfile") : full;
        return File.Exists(file) ? file : throw CliException.MissingFile(Display(file), "Dockerfile");
    }

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
