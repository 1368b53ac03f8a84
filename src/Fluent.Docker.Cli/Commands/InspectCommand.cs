using System.CommandLine;
using System.Net;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Cli.Commands;

/// <summary><c>inspect IMAGE</c>: the image's layers (a table and a size chart) and its runtime config, through the engine API.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var image = new Argument<string>("IMAGE") { Description = "An image reference or id the engine has (e.g. 127.0.0.1:5000/team/api:1.0)." };
        var platform = new Option<string?>("--platform") { Description = "Which platform of a multi-platform image.", HelpName = "OS/ARCH" };
        var command = new Command("inspect", "Show an image's layers and size chart through the engine API.")
        {
            image, platform,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reference = parse.GetValue(image)!;
            var forPlatform = parse.GetValue(platform) is { } p ? Platform.Parse(p) : null;
            using var engine = DockerEngine.Connect();
            await engine.PingAsync(cancellationToken);
            ImageInspection inspection;
            try
            {
                inspection = await engine.InspectImageAsync(reference, forPlatform, cancellationToken);
            }
            catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw CliException.Usage($"image not found: {reference}. Fix: pull or build it first, or check the name.");
            }
            console.Out.WriteLine($"{reference}  {inspection.Platform}  {inspection.Id}");
            console.Out.WriteLine($"size {inspection.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes"}, user {inspection.User ?? "(root)"}, workdir {inspection.WorkingDir ?? "/"}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
