using Microsoft.CodeAnalysis;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// The Fluent.Docker types the rules look at, resolved by metadata name. <see cref="TryCreate"/> fails in a
/// compilation that does not reference Fluent.Docker, and the analyzers then register nothing.
/// </summary>
internal sealed class FluentDockerTypes
{
    private FluentDockerTypes(Compilation compilation, INamedTypeSymbol stage)
    {
        Stage = stage;
        StageDeclaration = compilation.GetTypeByMetadataName("Fluent.Docker.StageDeclaration");
        Dockerfile = compilation.GetTypeByMetadataName("Fluent.Docker.Dockerfile");
        ImageReference = compilation.GetTypeByMetadataName("Fluent.Docker.ImageReference");
        Platform = compilation.GetTypeByMetadataName("Fluent.Docker.Platform");
        BuildArg = compilation.GetTypeByMetadataName("Fluent.Docker.BuildArg");
        Port = compilation.GetTypeByMetadataName("Fluent.Docker.Port");
        UserSpec = compilation.GetTypeByMetadataName("Fluent.Docker.UserSpec");
        AddSourceLocal = compilation.GetTypeByMetadataName("Fluent.Docker.AddSource+Local");
        Mount = compilation.GetTypeByMetadataName("Fluent.Docker.Mount");
    }

    public INamedTypeSymbol Stage { get; }
    public INamedTypeSymbol? StageDeclaration { get; }
    public INamedTypeSymbol? Dockerfile { get; }
    public INamedTypeSymbol? ImageReference { get; }
    public INamedTypeSymbol? Platform { get; }
    public INamedTypeSymbol? BuildArg { get; }
    public INamedTypeSymbol? Port { get; }
    public INamedTypeSymbol? UserSpec { get; }
    public INamedTypeSymbol? AddSourceLocal { get; }
    public INamedTypeSymbol? Mount { get; }

    public static FluentDockerTypes? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Fluent.Docker.Stage") is { } stage ? new FluentDockerTypes(compilation, stage) : null;

    /// <summary>An instance method of <see cref="Stage"/> named <paramref name="name"/> (any overload).</summary>
    public bool IsStageMethod(IMethodSymbol method, string name) =>
        !method.IsStatic && method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, Stage);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
