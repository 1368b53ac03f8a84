namespace Fluent.Docker.Build;

/// <summary>
/// Generated images that build on each other: an image whose Dockerfile names another image of the set (in
/// <c>FROM</c>, <c>COPY --from</c> or a mount's <c>from</c>) by its definition name, e.g. <c>FROM examples/base</c>,
/// depends on it. <see cref="ToBake"/> makes that one bake definition where the dependency is a <c>target:</c>
/// context, so a shared base is built once and independent images build in parallel.
/// </summary>
public static class ImageGraph
{
    /// <summary>The bake target name of an image: its name with '/' and '.' turned into '-'.</summary>
    public static string TargetName(ImageDefinition definition) =>
        TargetName((definition ?? throw new ArgumentNullException(nameof(definition))).Name);

    /// <summary>The bake target name of the image called <paramref name="imageName"/>.</summary>
    public static string TargetName(string imageName) =>
        (imageName ?? throw new ArgumentNullException(nameof(imageName))).Replace('/', '-').Replace('.', '-');

    /// <summary>For each image, the images of the set it reads, as (name in its Dockerfile → definition it refers to).</summary>
    public static IReadOnlyDictionary<string, ImageDefinition> DependenciesOf(ImageDefinition image, IReadOnlyCollection<ImageDefinition> set)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(set);
        var byName = set.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var dependencies = new Dictionary<string, ImageDefinition>(StringComparer.Ordinal);
        foreach (var reference in ImagesNamedIn(image.Dockerfile))
        {
            // An image of the set is named by its bare name (no registry), optionally :latest.
            if (reference.Domain is not null || reference.Digest is not null || reference.Tag is not (null or "latest")) continue;
            if (byName.TryGetValue(reference.Path, out var dependency) && dependency != image)
                dependencies[BuildRequest.ContextKey(reference)] = dependency;
        }
        return dependencies;
    }

    /// <summary>One bake target per image, <paramref name="configure"/> deciding tags, output and the rest per image.</summary>
    public static BakeDefinition ToBake(IReadOnlyList<GeneratedImage> images, Func<GeneratedImage, BuildRequest, BuildRequest>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var definitions = images.Select(i => i.Definition).ToList();
        return new BakeDefinition(images.Select(image =>
        {
            var request = Workflow.ImageRequests.For(Workflow.WorkflowImage.From(image));
            if (configure is not null) request = configure(image, request);
            var contexts = DependenciesOf(image.Definition, definitions).ToDictionary(d => d.Key, d => TargetName(d.Value), StringComparer.Ordinal);
            return new BakeTarget(TargetName(image.Definition), request, contexts);
        }).ToList());
    }

    private static IEnumerable<ImageReference> ImagesNamedIn(Dockerfile dockerfile) => dockerfile.PulledImages();
}
