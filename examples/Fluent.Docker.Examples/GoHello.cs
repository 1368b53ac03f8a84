using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Go image, from the Go template: compiled on the build machine's platform for every target platform (Go
/// cross-compiles, so arm64 needs no emulation while compiling), shipped on scratch as uid 10001 with the template's
/// static health probe (a TCP connect to the port; the binary has no health code).
/// </summary>
public static class GoHello
{
    public static ImageDefinition Definition { get; } = GoTemplate.Create("examples/go-hello", new GoOptions
    {
        ContextDirectory = "go-hello",
        Metadata = new ImageMetadata
        {
            Description = "A tiny Go HTTP service on scratch",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/go-hello"),
        },
    });
}
