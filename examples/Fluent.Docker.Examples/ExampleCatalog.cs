namespace Fluent.Docker.Examples;

/// <summary>Every example image, in build order. Context directories are relative to the examples/ folder.</summary>
public static class ExampleCatalog
{
    public static IReadOnlyList<ImageDefinition> All { get; } =
        [GoHello.Definition, PythonApi.Definition, NodeWeb.Definition, JavaWeb.Definition, DotnetApi.Definition, StaticSite.Definition];
}
