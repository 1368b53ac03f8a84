using Fluent.Docker.Hosting;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Workflow;

public static partial class FileWorkflow
{
    /// <summary>
    /// Pins every image to <paramref name="lockPath"/> when given (an image the lock lacks, or a missing lock, throws
    /// <see cref="ImageLockException"/>), validates and emits every image, and only then writes each one's Dockerfile
    /// and .dockerignore into its context directory under <paramref name="baseDirectory"/>: a stale lock or an invalid
    /// image leaves no half-generated set behind.
    /// </summary>
    public static GenerateRun Generate(IEnumerable<ImageDefinition> images, string baseDirectory, string? lockPath = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        var full = Path.GetFullPath(baseDirectory);
        var definitions = Pin(images, lockPath);
        _ = HostManifest.Describe(definitions, full); // validates and emits every image, and refuses two images writing one file
        return new GenerateRun(full, [.. definitions.Select(image => image.Generate(full))]);
    }

    /// <summary>
    /// Every image pinned to the lock at <paramref name="lockPath"/> (<see cref="ImageDefinition.PinnedBy"/>); null
    /// pins nothing. A missing lock file, or an image the lock lacks, throws <see cref="ImageLockException"/>.
    /// </summary>
    public static IReadOnlyList<ImageDefinition> Pin(IEnumerable<ImageDefinition> images, string? lockPath)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (lockPath is null) return [.. images];
        if (!File.Exists(lockPath))
            throw new ImageLockException($"{lockPath}: no such lock file.", $"lock the images first ('fluent-docker lock', or the FluentDockerLock alias).");
        var imageLock = ImageLock.Load(lockPath);
        return [.. images.Select(image => image.PinnedBy(imageLock))];
    }

    /// <summary>
    /// The generated files on disk that differ from <paramref name="expected"/> (path → the text the definitions
    /// produce), missing ones included. Reads only.
    /// </summary>
    public static IReadOnlyList<StaleFile> StaleFiles(IEnumerable<KeyValuePair<string, string>> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return [.. expected
            .Select(file => new StaleFile(file.Key, File.Exists(file.Key) ? File.ReadAllText(file.Key) : null, file.Value))
            .Where(file => file.OnDisk != file.Generated)];
    }

    /// <summary>The files of <paramref name="manifest"/> that are stale on disk (Dockerfile, then .dockerignore, per image).</summary>
    public static IReadOnlyList<StaleFile> StaleFiles(HostManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return StaleFiles(manifest.Images.SelectMany(image => new[]
        {
            KeyValuePair.Create(image.DockerfilePath, image.Dockerfile),
            KeyValuePair.Create(image.DockerIgnorePath, image.DockerIgnore),
        }));
    }
}

/// <summary>What <see cref="FileWorkflow.Generate"/> wrote, under which base directory.</summary>
public sealed record GenerateRun(string BaseDirectory, IReadOnlyList<GeneratedImage> Images)
{
    /// <summary>One line per image: <c>name: Dockerfile, .dockerignore</c>, paths relative to the base directory with '/'.</summary>
    public IReadOnlyList<string> Lines() =>
        [.. Images.Select(image => $"{image.Definition.Name}: {Relative(image.DockerfilePath)}, {Relative(image.DockerIgnorePath)}")];

    private string Relative(string path) => Path.GetRelativePath(BaseDirectory, path).Replace('\\', '/');
}

/// <summary>A generated file whose text on disk (null: missing) differs from what the definitions produce.</summary>
public sealed record StaleFile(string Path, string? OnDisk, string Generated);
