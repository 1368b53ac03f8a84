using Fluent.Docker.Templates;

namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Flask-style API as a production image, from the Python template: dependencies installed into a
/// virtualenv in a builder stage (before the source, so code changes keep the dependency layer), a slim runtime, a
/// non-root user, a Python-native HEALTHCHECK and OCI labels.
/// </summary>
public static class PythonApi
{
    public static ImageDefinition Definition { get; } = PythonTemplate.Create("examples/python-api", new PythonOptions
    {
        ContextDirectory = "python-api",
        Port = 5000,
        // The app serves /health; the probe GETs it with Python's own http.client.
        Health = HealthProbe.Http("/health"),
        Command = ["python", "app.py"],
        // The naive image of the seed exercise lives beside it; it is not part of the app.
        ExtraIgnorePatterns = ["Dockerfile.simple"],
        // The lab seeds python:3.13-slim for amd64 only (LAB_EXTRA_ARM64=1 on a fresh lab adds arm64).
        Platforms = [Platform.LinuxAmd64],
        Metadata = new ImageMetadata
        {
            Description = "A Flask-style JSON API on the Python standard library",
            Version = "0.1.0",
            Source = new Uri("https://example.com/fluent-docker/examples/python-api"),
        },
    });
}
