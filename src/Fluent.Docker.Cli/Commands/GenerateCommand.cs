using System.CommandLine;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Cli.Output;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>generate</c>: runs the image definitions and writes each image's Dockerfile and .dockerignore. With
/// <c>--verify-no-changes</c> it writes nothing and fails (exit 1, unified diff) when a committed file is stale, like
/// <c>dotnet format --verify-no-changes</c>.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var verify = new Option<bool>("--verify-no-changes")
        {
            Description = "Write nothing; exit 1 with a diff when a generated file on disk differs from what the definitions produce.",
        };
        var command = new Command("generate", "Run the image definitions and write Dockerfile + .dockerignore.")
        {
            project, verify,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var definitions = DefinitionsProject.Find(console, parse.GetValue(project), parse.GetValue(CliApp.Verbose));
            if (!parse.GetValue(verify))
            {
                var written = await definitions.GenerateAsync(cancellationToken);
                foreach (var image in written.Images)
                    console.Out.WriteLine($"{image.Name}: wrote {console.Display(image.DockerfilePath)}, {console.Display(image.DockerIgnorePath)}");
                return ExitCodes.Ok;
            }

            var manifest = await definitions.DescribeAsync(cancellationToken);
            var stale = FileWorkflow.StaleFiles(manifest);
            foreach (var file in stale)
            {
                var shown = console.Display(file.Path);
                console.Out.Write(UnifiedDiff.Create(file.OnDisk, file.Generated, $"{shown} (on disk)", $"{shown} (generated)"));
            }
            if (stale.Count == 0)
            {
                console.Out.WriteLine($"{manifest.Images.Count} image(s): every generated file is up to date.");
                return ExitCodes.Ok;
            }
            console.Error.WriteLine($"error: {stale.Count} generated file(s) are stale. Fix: run '{CliApp.Name} generate' and commit the result.");
            return ExitCodes.Findings;
        });
        return command;
    }
}
