using System.CommandLine;

namespace Fluent.Docker.Cli.Commands;

/// <summary><c>import DOCKERFILE</c>: reads a Dockerfile through the parser and writes the equivalent C# definition.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var dockerfile = new Argument<string>("DOCKERFILE") { Description = "The Dockerfile to import." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the C# here instead of standard output.",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite the output file." };
        var command = new Command("import", "Write the C# definition equivalent to a Dockerfile.")
        {
            dockerfile, output, force,
        };
        command.SetAction(int (parse) =>
        {
            var path = console.Resolve(parse.GetValue(dockerfile)!);
            if (!File.Exists(path)) throw CliException.MissingFile(console.Display(path), "Dockerfile");
            var target = parse.GetValue(output) is { } o ? console.Resolve(o) : null;
            if (target is not null && File.Exists(target) && !parse.GetValue(force))
                throw CliException.Usage($"{console.Display(target)} already exists. Fix: pass --force to overwrite it.");
            // The parser and its C# importer land from their own issue.
            throw new CliException(ExitCodes.StepFailed, "import: this build of Fluent.Docker has no Dockerfile importer yet.");
        });
        return command;
    }
}
