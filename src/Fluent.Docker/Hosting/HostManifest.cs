using System.Reflection;
using System.Text.Json;

namespace Fluent.Docker.Hosting;

/// <summary>
/// What <c>describe</c> reports: every image of a definitions project with the files it generates. The tool reads it
/// back with <see cref="Parse"/>; <see cref="Protocol"/> changes when the shape does.
/// </summary>
public sealed record HostManifest(int Protocol, string LibraryVersion, IReadOnlyList<HostManifestImage> Images)
{
    public const int CurrentProtocol = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Validates and emits every image (throws <see cref="DockerfileValidationException"/> and the value exceptions) without writing.</summary>
    public static HostManifest Describe(IReadOnlyList<ImageDefinition> images, string baseDirectory)
    {
        var described = images.Select(image =>
        {
            var context = Path.GetFullPath(Path.Combine(baseDirectory, image.ContextDirectory));
            return new HostManifestImage(image.Name, [.. image.Platforms.Select(p => p.ToString())], context,
                Path.Combine(context, image.DockerfileName), Path.Combine(context, image.IgnoreFileName),
                image.Dockerfile.Emit(), image.Ignore.Emit());
        }).ToList();
        var clash = described.SelectMany(i => new[] { i.DockerfilePath, i.DockerIgnorePath }).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"Two images write {clash.Key}. Fix: give each image its own context directory or Dockerfile name (WithDockerfileName).");
        return new HostManifest(CurrentProtocol, LibraryVersionOf(typeof(HostManifest).Assembly), described);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HostManifest Parse(string json) =>
        JsonSerializer.Deserialize<HostManifest>(json, Json) ?? throw new FormatException("The manifest is empty.");

    /// <summary>The informational version without the source-revision suffix (<c>1.2.0+abc</c> → <c>1.2.0</c>).</summary>
    public static string LibraryVersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}

/// <summary>One image of a <see cref="HostManifest"/>: absolute paths, and the text each file gets.</summary>
public sealed record HostManifestImage(
    string Name, IReadOnlyList<string> Platforms, string ContextDirectory,
    string DockerfilePath, string DockerIgnorePath, string Dockerfile, string DockerIgnore);
