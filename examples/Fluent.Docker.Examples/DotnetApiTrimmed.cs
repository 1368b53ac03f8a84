using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The dotnet-api app as a trimmed self-contained app on the same runtime-deps base as <see cref="DotnetApiAot"/>: it
/// cross-compiles like the framework-dependent default, and the project roots System.Collections.NonGeneric for the
/// trimmer (see DotnetApi.csproj: without it, this SDK's trimmer leaves Kestrel a certificate collection type that
/// does not load).
/// </summary>
public static class DotnetApiTrimmed
{
    public const string Name = "examples/dotnet-api-trimmed";

    public static DotNetOptions Options(ImageReference runtimeDeps) => DotnetApi.Options with
    {
        RuntimeVariant = DotNetRuntimeVariant.SelfContainedTrimmed,
        RuntimeImage = runtimeDeps,
    };

    public static ImageDefinition Create(ImageReference runtimeDeps) => DotNetTemplate.Create(Name, Options(runtimeDeps));
}
