using System.CommandLine;
using Fluent.Docker.Cli.Definitions;

namespace Fluent.Docker.Cli.Commands;

/// <summary>Options several commands share, so they read and complete the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Project() => new("--project", "-p")
    {
        Description = $"The image-definitions project (default: {DefinitionsProject.DefaultDirectory}, as scaffolded by init).",
        HelpName = "DIR",
    };
}
