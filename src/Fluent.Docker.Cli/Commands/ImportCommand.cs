using System.CommandLine;
using Fluent.Docker.Import;
using Fluent.Docker.IO;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>import DOCKERFILE</c>: reads a Dockerfile through the parser and writes the equivalent C# (the library's
/// <see cref="DockerfileImporter"/>): a class whose method returns the same model, ready for the definitions project.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var dockerfile = new Argument<string>("DOCKERFILE") { Description = "The Dockerfile to import." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the C# here instead of standard output.", HelpName = "FILE" };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite the output file." };
        var className = new Option<string>("--class") { Description = "The generated class.", DefaultValueFactory = _ => new ImportOptions().ClassName, HelpName = "NAME" };
        var ns = new Option<string>("--namespace") { Description = "The generated namespace.", DefaultValueFactory = _ => new ImportOptions().Namespace, HelpName = "NAME" };
        var command = new Command("import", "Write the C# definition equivalent to a Dockerfile.")
        {
            dockerfile, output, force, className, ns,
        };
        command.SetAction(int (parse) =>
        {
            var path = console.Resolve(parse.GetValue(dockerfile)!);
            if (!File.Exists(path)) throw CliException.MissingFile(console.Display(path), "Dockerfile");
            var target = parse.GetValue(output) is { } o ? console.Resolve(o) : null;
            if (target is not null && File.Exists(target) && !parse.GetValue(force))
                throw CliException.Usage($"{console.Display(target)} already exists. Fix: pass --force to overwrite it.");

            string csharp;
            try
            {
                csharp = DockerfileImporter.ToCSharp(File.ReadAllText(path), new ImportOptions { ClassName = parse.GetValue(className)!, Namespace = parse.GetValue(ns)! });
            }
            catch (DockerfileParseException e)
            {
                throw CliException.Usage($"{console.Display(path)}:{e.Line}:{e.Column}: {e.Reason}");
            }
            catch (ArgumentException e) when (e.ParamName == nameof(ImportOptions))
            {
                throw CliException.Usage(e.Message.Split(" (Parameter")[0] + " Fix: give a C# identifier to --class/--namespace.");
            }
            if (target is null)
            {
                console.Out.Write(csharp);
                return ExitCodes.Ok;
            }
            AtomicFile.WriteAllText(target, csharp);
            console.Error.WriteLine($"wrote {console.Display(target)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
