using Fluent.Docker.Hosting;

namespace Fluent.Docker.Workflow;

/// <summary>
/// One image as every workflow step sees it: its name, the platforms it is built for, its Dockerfile model, and where
/// its files are (or go). Made from an in-process definition (<see cref="From(GeneratedImage)"/>,
/// <see cref="From(ImageDefinition, string)"/>) or from what a definitions host described (<see cref="From(HostManifestImage)"/>).
/// </summary>
public sealed record WorkflowImage(string Name, IReadOnlyList<Platform> Platforms, Dockerfile Dockerfile, string ContextDirectory, string DockerfilePath)
{
    /// <summary>The definition the image came from, when it was made in this process.</summary>
    public ImageDefinition? Definition { get; init; }

    /// <summary>The bake target name: the image name with '/' and '.' turned into '-'.</summary>
    public string TargetName => Build.ImageGraph.TargetName(Name);

    /// <summary>An image whose files <see cref="ImageDefinition.Generate"/> wrote.</summary>
    public static WorkflowImage From(GeneratedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var definition = image.Definition;
        return new WorkflowImage(definition.Name, [.. definition.Platforms], definition.Dockerfile, image.ContextDirectory, image.DockerfilePath) { Definition = definition };
    }

    /// <summary>A definition whose files go (or went) under <paramref name="baseDirectory"/>.</summary>
    public static WorkflowImage From(ImageDefinition definition, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var context = Path.GetFullPath(Path.Combine(baseDirectory, definition.ContextDirectory));
        return new WorkflowImage(definition.Name, [.. definition.Platforms], definition.Dockerfile, context, Path.Combine(context, definition.DockerfileName)) { Definition = definition };
    }

    /// <summary>
    /// An image a definitions host described. Its Dockerfile is read back from the text the host emitted; a text the
    /// reader refuses throws <see cref="FormatException"/> naming the file.
    /// </summary>
    public static WorkflowImage From(HostManifestImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Dockerfile dockerfile;
        try { dockerfile = Dockerfile.Parse(image.Dockerfile); }
        catch (Parsing.DockerfileParseException e) { throw new FormatException($"{image.DockerfilePath} (generated): {e.Message}", e); }
        return new WorkflowImage(image.Name, image.Platforms, dockerfile, image.ContextDirectory, image.DockerfilePath);
    }
}
