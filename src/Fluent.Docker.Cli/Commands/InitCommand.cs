using System.CommandLine;
using System.Text.RegularExpressions;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Cli.Scaffolding;
using Fluent.Docker.Cli.Stacks;
using Fluent.Docker.IO;
using Spectre.Console;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>init</c>: detects the stack of the current directory and scaffolds the image-definitions project (Images.cs on the
/// stack's language template, the host Program.cs, the project file). Asks only on a terminal and never with
/// <c>--yes</c>; refuses to overwrite without <c>--force</c>.
/// </summary>
internal static partial class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var template = new Option<string?>("--template", "-t")
        {
            Description = "The language template, instead of detecting it: " + string.Join(", ", StackKind.All.Select(k => k.Id)) + ".",
            HelpName = "NAME",
        };
        template.CompletionSources.Add(StackKind.All.Select(k => k.Id).ToArray());
        var name = new Option<string?>("--name", "-n") { Description = "The image's repository name (default: the directory's name).", HelpName = "IMAGE" };
        var project = new Option<string?>("--project", "-p")
        {
            Description = $"Where to put the definitions project (default: {DefinitionsProject.DefaultDirectory}).",
            HelpName = "DIR",
        };
        var yes = new Option<bool>("--yes", "-y") { Description = "Ask nothing: take the detected stack and the defaults." };
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite an existing definitions project." };
        var baseRegistry = new Option<string?>("--base-registry")
        {
            Description = "Pull base images from this registry (host[:port], e.g. a mirror) instead of their home registries.",
            HelpName = "HOST",
        };
        var platforms = new Option<string[]>("--platform")
        {
            Description = "Platforms to build (repeatable, e.g. linux/amd64); default: the template's.",
            HelpName = "OS/ARCH",
            AllowMultipleArgumentsPerToken = true,
        };
        platforms.CompletionSources.Add("linux/amd64", "linux/arm64", "linux/arm/v7");

        var command = new Command("init", "Detect the stack here and scaffold a C# image-definitions project.")
        {
            template, name, project, yes, force, baseRegistry, platforms,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var here = console.WorkingDirectory;
            var ask = console.Interactive && !parse.GetValue(yes);
            var stack = ChooseStack(console, here, parse.GetValue(template), ask);
            var imageName = parse.GetValue(name) ?? DefaultImageName(here);
            if (ask) imageName = console.Ansi.Prompt(new TextPrompt<string>("Image name:").DefaultValue(imageName));
            if (!ImageDefinition.IsRepositoryName(imageName))
                throw CliException.Usage($"'{imageName}' is not an image repository name. Fix: use lowercase path components such as 'team/api' (no registry, no tag), with --name.");

            var projectDirectory = parse.GetValue(project) ?? DefinitionsProject.DefaultDirectory;
            var target = console.Resolve(projectDirectory);
            var chosenPlatforms = (parse.GetValue(platforms) ?? []).Select(Platform.Parse).ToList();
            var platformChoice = chosenPlatforms.Count > 0
                ? new PlatformChoice(chosenPlatforms, "Chosen with --platform.", [])
                : await PlatformChoice.ChooseAsync(stack, parse.GetValue(baseRegistry), cancellationToken);
            var request = new ScaffoldRequest(stack, imageName, console.Display(target), Scaffold.ToolVersion)
            {
                BaseRegistry = parse.GetValue(baseRegistry),
                // Written out once the registry was asked; the template's default stays implicit when it could not be.
                Platforms = platformChoice.Decided ? platformChoice.Platforms : [],
                PlatformsReason = platformChoice.Reason,
            };
            var files = Scaffold.Render(request);
            var existing = files.Select(f => Path.Combine(target, f.FileName)).Where(File.Exists).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
                throw CliException.Usage($"{console.Display(existing[0])} already exists. Fix: pass --force to overwrite the definitions project.");

            foreach (var (fileName, content) in files)
            {
                var path = Path.Combine(target, fileName);
                AtomicFile.WriteAllText(path, content);
                console.Out.WriteLine($"created {console.Display(path)}");
            }
            if (stack.App is { } app)
            {
                console.Out.WriteLine($"read: {app}");
                foreach (var reason in app.Why) console.Out.WriteLine($"  {reason}");
            }
            console.Out.WriteLine($"platforms: {string.Join(", ", platformChoice.Platforms)}. {platformChoice.Reason}");
            foreach (var warning in stack.Warnings) console.Error.WriteLine($"warning: {warning}");
            console.Out.WriteLine($"{stack.Kind.DisplayName} image '{imageName}' (from {stack.Evidence}). Next: {CliApp.Name} generate"
                + (projectDirectory == DefinitionsProject.DefaultDirectory ? "" : $" --project {projectDirectory}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DetectedStack ChooseStack(CliConsole console, string directory, string? templateId, bool ask)
    {
        var detected = StackDetector.Detect(directory);
        if (templateId is not null)
        {
            var kind = StackKind.Find(templateId)
                ?? throw CliException.Usage($"unknown template '{templateId}'. Fix: use one of {string.Join(", ", StackKind.All.Select(k => k.Id))}.");
            // The detected options when the files are there (e.g. the project file), the template's defaults otherwise.
            return detected.FirstOrDefault(d => d.Kind == kind) ?? new DetectedStack(kind, "--template", []);
        }
        if (detected.Count == 0)
            throw CliException.Usage($"no stack detected in {console.Display(directory) switch { "." => "this directory", var d => d }} "
                + "(looked for *.csproj, go.mod, pom.xml/build.gradle, requirements.txt/pyproject.toml, package.json, index.html). Fix: pass --template NAME.");
        if (detected.Count == 1 || !ask)
        {
            if (detected.Count > 1)
                console.Error.WriteLine($"note: also found {string.Join(", ", detected.Skip(1))}; pass --template to pick another.");
            return detected[0];
        }
        return console.Ansi.Prompt(new SelectionPrompt<DetectedStack>().Title("Which stack should the image build?").AddChoices(detected));
    }

    /// <summary>The directory's name as a repository name: lowercase, other characters turned into '-'.</summary>
    internal static string DefaultImageName(string directory)
    {
        var name = NotNameCharacters().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)).ToLowerInvariant(), "-").Trim('-', '.', '_');
        return name.Length == 0 ? "app" : name;
    }

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NotNameCharacters();
}
