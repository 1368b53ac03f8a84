using System.CommandLine;
using System.Net;
using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Display;
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
            // A platform of a multi-platform image: its layers as the registry holds them (the engine keeps one history per name).
            var history = forPlatform is null
                ? await engine.HistoryAsync(reference, cancellationToken)
                : await RegistryLayers.ReadAsync(new Buildx(), ImageReference.Parse(reference), forPlatform, cancellationToken);
            console.Out.WriteLine($"{reference}  {forPlatform ?? inspection.Platform}  {inspection.Id}");
            console.Out.WriteLine($"user {(inspection.User is { Length: > 0 } user ? user : "root")}, workdir {(inspection.WorkingDir is { Length: > 0 } dir ? dir : "/")}, "
                + $"entrypoint {Json(inspection.Entrypoint)}, cmd {Json(inspection.Cmd)}");
            console.Out.WriteLine();
            console.Out.Write(LayerTable.Format(history));
            // The chart is for people; logs and pipes get the table alone.
            if (console.Interactive) console.Ansi.Write(BuildReport.LayerChart($"{reference}: size per step", history));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Json(IReadOnlyList<string>? list) => list is null ? "(unset)" : JsonSerializer.Serialize(list);
}
