using Fluent.Docker.Build;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Examples;

/// <summary>
/// Every example, generated into a temp copy, built for all its platforms and pushed to the lab registry once per test
/// run: the walking-skeleton and template e2e tests share these images as their input.
/// </summary>
internal static class PushedExamples
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyDictionary<string, BuiltImage>? _pushed;

    public static async Task<IReadOnlyDictionary<string, BuiltImage>> GetAsync(DockerLabFixture lab)
    {
        await Gate.WaitAsync();
        try
        {
            if (_pushed is not null) return _pushed;
            var root = Path.Combine(lab.WorkDirectory, "examples");
            var generated = ExampleCatalog.All.Select(definition =>
            {
                RepositoryLayout.CopyExampleSources(definition, root);
                return definition.Generate(root);
            }).ToList();
            var built = await ImageSetBuild.RunAsync(generated, new ImageDestination.Registry(lab.Registry, "e2e-" + lab.RunId), lab.Buildx);
            foreach (var image in built) lab.RemoveAtEnd(image.Location);
            return _pushed = built.ToDictionary(b => b.Name);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The pushed reference of the example named <paramref name="name"/>.</summary>
    public static async Task<ImageReference> ReferenceAsync(DockerLabFixture lab, string name) =>
        ImageReference.Parse((await GetAsync(lab))[name].Location);
}
