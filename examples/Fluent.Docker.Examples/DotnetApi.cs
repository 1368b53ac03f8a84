using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// An ASP.NET Core minimal API from the .NET template. The lab serves .NET images from its own registry (MCR names
/// cannot be mirrored), hence the base-registry override.
/// </summary>
public static class DotnetApi
{
    /// <summary>The lab registry that holds <c>dotnet/sdk</c> and <c>dotnet/aspnet</c>.</summary>
    public const string LabRegistry = "127.0.0.1:5000";

    public static ImageDefinition Definition { get; } = DotNetTemplate.Create("examples/dotnet-api", Options);

    public static DotNetOptions Options => new()
    {
        ContextDirectory = "dotnet-api",
        Project = "DotnetApi.csproj",
        // The app maps /health; the probe GETs it through bash's /dev/tcp (the runtime image has no curl).
        Health = HealthProbe.Http("/health"),
        BaseRegistry = LabRegistry,
        // arm64 cross-compiles here (see the e2e test), but the lab has no arm64 aspnet runtime image to ship it on.
        Platforms = [Platform.LinuxAmd64],
        Metadata = new ImageMetadata
        {
            Description = "An ASP.NET Core minimal API",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/dotnet-api"),
        },
    };
}
