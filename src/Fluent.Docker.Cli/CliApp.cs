using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Fluent.Docker.Cli.Commands;

namespace Fluent.Docker.Cli;

/// <summary>
/// The <c>fluent-docker</c> command line: one System.CommandLine command per file in Commands/, each a thin layer over
/// the Fluent.Docker library. Parse errors and every expected failure end as one <c>error:</c> line and a documented
/// exit code (<see cref="ExitCodes"/>); stack traces only with <c>--verbose</c>.
/// </summary>
public static class CliApp
{
    public const string Name = "fluent-docker";

    /// <summary>Shown on every command: turns on stack traces and the definitions project's full build output.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show details on failure (stack traces, the full output of the steps run).",
        Recursive = true,
    };

    /// <summary>Every command, by the name it is invoked with, in the order help lists them.</summary>
    internal static IReadOnlyList<(string Name, Func<CliConsole, Command> Create)> Commands { get; } =
    [
        ("init", InitCommand.Create),
        ("generate", GenerateCommand.Create),
        ("lock", LockCommand.Create),
        ("lint", LintCommand.Create),
        ("fmt", FmtCommand.Create),
        ("import", ImportCommand.Create),
        ("build", BuildCommand.Create),
        ("inspect", InspectCommand.Create),
        ("merge", MergeCommand.Create),
        ("builder", BuilderCommand.Create),
    ];

    /// <summary>
    /// The command line; with <paramref name="invoked"/> naming a command, that command alone under the root (its parse,
    /// help and errors are the same), so a <c>lint</c> in a pre-commit hook does not build (and JIT) every other command's
    /// options. Anything else (no command, a typo, <c>--help</c>) gets them all.
    /// </summary>
    public static RootCommand Create(CliConsole console, string? invoked = null)
    {
        var root = new RootCommand(
            "Dockerfile-as-code for .NET: scaffold image definitions in C#, generate Dockerfile + .dockerignore, lint, import and build.")
        {
            Verbose,
        };
        var only = Commands.Where(c => c.Name == invoked).ToList();
        foreach (var (_, create) in only.Count > 0 ? only : Commands) root.Subcommands.Add(create(console));
        // Every command's help ends with the exit codes.
        foreach (var help in root.Options.OfType<HelpOption>())
            if (help.Action is HelpAction standard) help.Action = new HelpWithExitCodes(standard);
        return root;
    }

    private sealed class HelpWithExitCodes(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            standard.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpText);
            return ExitCodes.Ok;
        }
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Create(console, args.FirstOrDefault());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine("error: " + error.Message);
            console.Error.WriteLine($"Run '{Name} {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("  ", " "));
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = console.Out,
                Error = console.Error,
            }, cancellationToken);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, console, parse.GetValue(Verbose));
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
