using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// A static site from the static-site template: built by a Node stage on the build platform, served by busybox httpd
/// as uid 10001 on amd64 and arm64.
/// </summary>
public static class StaticSite
{
    public static ImageDefinition Definition { get; } = StaticSiteTemplate.Create("examples/static-site", new StaticSiteOptions
    {
        ContextDirectory = "static-site",
        Build = new StaticSiteBuild.Npm("build", "dist"),
        Metadata = new ImageMetadata
        {
            Description = "A static site served by busybox httpd",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/static-site"),
        },
    });
}
