using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Java builder → JRE image, from the Java template: javac and jar in a JDK stage, the jar on a JRE image
/// as uid 10001, its health checked by a TCP connect to its port (the template's default; the jar knows nothing of it).
/// </summary>
public static class JavaWeb
{
    public static ImageDefinition Definition { get; } = JavaTemplate.Create("examples/java-web", Options);

    /// <summary>The options, for variants (the benchmarks also measure a jlink runtime).</summary>
    public static JavaOptions Options => new()
    {
        ContextDirectory = "java-web",
        Build = new JavaBuild.Javac("example.App"),
        // The lab seeds the Temurin images for amd64 only.
        Platforms = [Platform.LinuxAmd64],
        Metadata = new ImageMetadata
        {
            Description = "A Java HTTP service on the JDK's built-in server",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/java-web"),
        },
    };
}
