using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Node builder → runtime image, from the Node template: <c>npm ci</c> and <c>npm run build</c> in a builder
/// stage, production modules installed apart, and only the build output in a slim runtime running as uid 10001.
/// </summary>
public static class NodeWeb
{
    public static ImageDefinition Definition { get; } = NodeTemplate.Create("examples/node-web", new NodeOptions
    {
        ContextDirectory = "node-web",
        BuildScript = "build",
        Command = ["node", "dist/server.js"],
        // The app serves /health; the probe GETs it with Node's own http module.
        Health = HealthProbe.Http("/health"),
        // The lab seeds node:20-slim for amd64 only.
        Platforms = [Platform.LinuxAmd64],
        Metadata = new ImageMetadata
        {
            Description = "A Node HTTP service built in a builder stage",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/node-web"),
        },
    });
}
