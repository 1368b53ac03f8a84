using System.Reflection;
using Fluent.Docker.Cli.Stacks;
using Scriban;
using Scriban.Runtime;

namespace Fluent.Docker.Cli.Scaffolding;

/// <summary>What <c>init</c> writes: the image name, the stack, the options the user chose.</summary>
public sealed record ScaffoldRequest(DetectedStack Stack, string ImageName, string ProjectDirectory, string LibraryVersion)
{
    public string? BaseRegistry { get; init; }
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>Why <see cref="Platforms"/> are these (written above them as a comment).</summary>
    public string PlatformsReason { get; init; } = "Chosen with --platform.";
}

/// <summary>
/// Renders the image-definitions project from the Scriban templates embedded in the tool (Scaffolding/Templates):
/// <c>Images.cs</c> calling the stack's language template, the <c>Program.cs</c> host and the project file.
/// </summary>
public static class Scaffold
{
    /// <summary>File name → content, in the order they are written.</summary>
    public static IReadOnlyList<(string FileName, string Content)> Render(ScaffoldRequest request)
    {
        var model = new ScriptObject
        {
            ["image_name"] = CSharp.Literal(request.ImageName),
            ["stack_name"] = request.Stack.Kind.DisplayName,
            ["evidence"] = request.Stack.Evidence,
            ["template_class"] = request.Stack.Kind.TemplateClass,
            ["options_class"] = request.Stack.Kind.OptionsClass,
            ["options"] = request.Stack.Options.Select(o => new ScriptObject { ["name"] = o.Option, ["expression"] = o.Expression }).ToList(),
            ["base_registry"] = request.BaseRegistry is null ? null : CSharp.Literal(request.BaseRegistry),
            ["platforms"] = request.Platforms.Count == 0 ? null : string.Join(", ", request.Platforms.Select(PlatformExpression)),
            ["platforms_reason"] = request.PlatformsReason,
            ["app"] = request.Stack.App?.ToString(),
            ["why"] = request.Stack.App?.Why.ToList() ?? [],
            ["definitions_pattern"] = DefinitionsIgnorePattern(request.ProjectDirectory) is { } pattern ? CSharp.Literal(pattern) : null,
            ["library_version"] = request.LibraryVersion,
            ["project_directory"] = request.ProjectDirectory,
        };
        return
        [
            ("Images.cs", RenderTemplate("Images.cs", model)),
            ("Program.cs", RenderTemplate("Program.cs", model)),
            ("Images.csproj", RenderTemplate("Images.csproj", model)),
        ];
    }

    /// <summary>
    /// The .dockerignore pattern of the definitions folder when it lies inside the build context (the repository
    /// root init runs in): its sources, bin/ and obj/ are no part of any image. Null for a folder outside it.
    /// </summary>
    internal static string? DefinitionsIgnorePattern(string projectDirectory)
    {
        var pattern = projectDirectory.Replace('\\', '/').TrimEnd('/');
        if (pattern.StartsWith("./", StringComparison.Ordinal)) pattern = pattern[2..];
        return pattern.Length == 0 || pattern == "." || pattern.StartsWith('/') || Path.IsPathRooted(pattern) || pattern.Split('/').Contains("..") ? null : pattern;
    }

    private static string PlatformExpression(Platform platform) =>
        platform == Platform.LinuxAmd64 ? "Platform.LinuxAmd64"
        : platform == Platform.LinuxArm64 ? "Platform.LinuxArm64"
        : platform == Platform.LinuxArmV7 ? "Platform.LinuxArmV7"
        : $"Platform.Parse({CSharp.Literal(platform.ToString())})";

    private static string RenderTemplate(string name, ScriptObject model)
    {
        // Embedded as <RootNamespace>.Scaffolding.Templates.<name>.scriban.
        var resource = $"{typeof(Scaffold).Namespace}.Templates.{name}.scriban";
        using var stream = typeof(Scaffold).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The tool lost its embedded template {resource}.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), resource);
        if (template.HasErrors) throw new InvalidOperationException($"{resource}: {string.Join("; ", template.Messages)}");
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = member => member.Name };
        context.PushGlobal(model);
        return template.Render(context).ReplaceLineEndings("\n");
    }

    /// <summary>The tool's version, which the scaffold's Fluent.Docker package reference pins (both are released together).</summary>
    public static string ToolVersion => Hosting.HostManifest.LibraryVersionOf(Assembly.GetExecutingAssembly());
}
