using Fluent.Docker.IO;

namespace Fluent.Docker.Hosting;

/// <summary>
/// The entry point of an image-definitions project: a console program whose <c>Program.cs</c> is
/// <c>return ImageDefinitionHost.Run(args, Images.All);</c>. The <c>fluent-docker</c> tool runs it with
/// <c>dotnet run</c>; run by hand (no arguments) it writes every image's files into the current directory.
/// <list type="bullet">
/// <item><c>generate [--base-directory DIR] [--output FILE] [--lock FILE]</c> (the default): validates every image, then writes each
/// one's Dockerfile and .dockerignore into its context directory under DIR (<see cref="ImageDefinition.Generate"/>;
/// nothing is written when one image is invalid), and the manifest to FILE when given.</item>
/// <item><c>describe --output FILE [--base-directory DIR] [--lint] [--lock FILE]</c>: writes nothing but FILE, a JSON manifest with each
/// image's name, platforms, paths and the exact text its files would get (<see cref="HostManifest"/>), and with
/// <c>--lint</c> each model's lint findings; the tool compares it with the files on disk (<c>--verify-no-changes</c>),
/// lints and builds from it.</item>
/// <item><c>--lock FILE</c>: an <see cref="Pinning.ImageLock"/>; every image pulled by a tag is written with its locked
/// digest (<see cref="ImageDefinition.PinnedBy"/>), and an image the lock lacks is an error.</item>
/// </list>
/// Exit codes: 0 done, 2 an invalid definition or bad arguments (one line each on standard error, no stack trace; with
/// <c>--output FILE</c>, FILE is a manifest carrying them as typed <see cref="HostManifest.Problems"/>).
/// </summary>
public static class ImageDefinitionHost
{
    public const int Success = 0;
    public const int InvalidDefinition = 2;

    public static int Run(string[] args, params ImageDefinition[] images) =>
        Run(args, images, Console.Out, Console.Error);

    /// <summary><see cref="Run(string[], ImageDefinition[])"/> with its output captured (for tests and embedding).</summary>
    public static int Run(string[] args, IReadOnlyList<ImageDefinition> images, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(images);
        HostArguments? command = null;
        try
        {
            command = HostArguments.Parse(args);
            var baseDirectory = Path.GetFullPath(command.BaseDirectory ?? Directory.GetCurrentDirectory());
            switch (command.Verb)
            {
                case "generate":
                    var generated = Workflow.FileWorkflow.Generate(images, baseDirectory, command.Lock);
                    foreach (var line in generated.Lines()) output.WriteLine(line);
                    if (command.Output is { } written)
                        AtomicFile.WriteAllText(written, HostManifest.Describe([.. generated.Images.Select(i => i.Definition)], baseDirectory, command.Lint).ToJson());
                    break;
                case "describe":
                    var manifestPath = command.Output ?? throw HostUsage("describe needs --output FILE.", "pass --output FILE.");
                    AtomicFile.WriteAllText(manifestPath, HostManifest.Describe(Workflow.FileWorkflow.Pin(images, command.Lock), baseDirectory, command.Lint).ToJson());
                    break;
            }
            return Success;
        }
        catch (Exception e) when (e is IProblemException or ArgumentException)
        {
            foreach (var line in e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries)) error.WriteLine("error: " + line.TrimEnd('\r').Trim());
            // The tool reads the typed problems, not these lines.
            if (command?.Output is { } manifestPath) AtomicFile.WriteAllText(manifestPath, HostManifest.Failed(ProblemException.Of(e)).ToJson());
            return InvalidDefinition;
        }
    }

    private sealed record HostArguments(string Verb, string? BaseDirectory, string? Output, bool Lint, string? Lock)
    {
        public static HostArguments Parse(string[] args)
        {
            var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "generate";
            if (verb is not ("generate" or "describe"))
                throw HostUsage($"Unknown command '{verb}'.", "use 'generate' or 'describe'.");
            string? baseDirectory = null, output = null, lockFile = null;
            var lint = false;
            for (var i = verb == args.FirstOrDefault() ? 1 : 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw HostUsage($"{args[i]} needs a value.", $"pass {args[i]} VALUE.");
                switch (args[i])
                {
                    case "--base-directory": baseDirectory = Value(); break;
                    case "--output": output = Value(); break;
                    case "--lint": lint = true; break;
                    case "--lock": lockFile = Value(); break;
                    default: throw HostUsage($"Unknown option '{args[i]}'.", "use --base-directory DIR, --output FILE, --lint or --lock FILE.");
                }
            }
            return new HostArguments(verb, baseDirectory, output, lint, lockFile);
        }
    }

    /// <summary>The host's arguments are wrong: a <see cref="ProblemCodes.Definition"/> problem on the argument.</summary>
    private static ProblemException HostUsage(string message, string fix) =>
        new(Problem.Error(ProblemCodes.Definition, ProblemLocation.None, message, fix));
}
