using System.CommandLine;
using Fluent.Docker.IO;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>fmt [PATH…] [--check] [--width N]</c>: rewrites Dockerfiles in the layout the emitter writes (every instruction
/// rendered afresh, long lines wrapped where BuildKit reads the same instruction back, comments kept). Every file is read
/// and formatted before any is written; a file BuildKit would not read stops the run with its line, nothing written.
/// <c>--check</c> writes nothing and exits 1 listing the files that would change, like <c>generate --verify-no-changes</c>.
/// </summary>
internal static class FmtCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Dockerfiles (or directories holding one) to format; none: ./Dockerfile.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 listing the files that are not formatted.",
        };
        var width = new Option<int>("--width")
        {
            Description = $"Columns a line may take before it is wrapped (at least {EmitOptions.MinWidth}).",
            DefaultValueFactory = _ => EmitOptions.Default.Width,
            HelpName = "N",
        };
        var command = new Command("fmt", "Format Dockerfiles: wrap long lines, one package per line, canonical flag order.")
        {
            paths, check, width,
        };
        command.SetAction(parse => Run(console, parse.GetValue(paths) ?? [], parse.GetValue(check), parse.GetValue(width)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, bool check, int width)
    {
        if (width < EmitOptions.MinWidth)
            throw CliException.Usage($"--width {width} is too narrow. Fix: pass --width {EmitOptions.MinWidth} or more.");
        var options = new EmitOptions { Width = width };
        var files = (paths.Length > 0 ? paths : ["Dockerfile"]).Select(console.ExistingDockerfile).Distinct(StringComparer.Ordinal).ToList();

        var changed = new List<(string Path, string Formatted)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            string formatted;
            try
            {
                formatted = Dockerfile.Format(text, options);
            }
            catch (DockerfileParseException e)
            {
                throw CliException.Usage($"{console.Display(file)}:{e.Line}:{e.Column}: {e.Reason}. Fix: correct the file; nothing was written.");
            }
            if (!string.Equals(formatted, text, StringComparison.Ordinal)) changed.Add((file, formatted));
        }

        if (check)
        {
            foreach (var (file, _) in changed) console.Out.WriteLine($"{console.Display(file)}: not formatted");
            if (changed.Count == 0)
            {
                console.Out.WriteLine($"{files.Count} file(s): every file is formatted.");
                return ExitCodes.Ok;
            }
            console.Error.WriteLine($"error: {changed.Count} file(s) are not formatted. Fix: run '{CliApp.Name} fmt' and commit the result.");
            return ExitCodes.Findings;
        }
        foreach (var (file, formatted) in changed)
        {
            AtomicFile.WriteAllText(file, formatted);
            console.Out.WriteLine($"{console.Display(file)}: formatted");
        }
        console.Out.WriteLine($"{files.Count} file(s), {changed.Count} rewritten.");
        return ExitCodes.Ok;
    }
}
