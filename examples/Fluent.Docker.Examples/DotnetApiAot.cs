using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The dotnet-api app as the .NET template's smallest variant: a NativeAOT binary (compiled on the amd64 build machine,
/// which is also its one target) on a <c>runtime-deps</c> base, running as the base's <c>app</c> account. The base is
/// given, because in the lab it is <see cref="DotnetRuntimeDeps"/>, built and pushed first; elsewhere it would be
/// <c>mcr.microsoft.com/dotnet/runtime-deps:10.0</c>, the template's default.
/// </summary>
public static class DotnetApiAot
{
    public const string Name = "examples/dotnet-api-aot";

    public static DotNetOptions Options(ImageReference runtimeDeps) => DotnetApi.Options with
    {
        RuntimeVariant = DotNetRuntimeVariant.NativeAot,
        RuntimeImage = runtimeDeps,
    };

    public static ImageDefinition Create(ImageReference runtimeDeps) => DotNetTemplate.Create(Name, Options(runtimeDeps));
}
