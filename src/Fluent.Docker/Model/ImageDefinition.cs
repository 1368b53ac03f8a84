using System.Text.RegularExpressions;
using Fluent.Docker.IO;

namespace Fluent.Docker;

/// <summary>
/// Everything needed to produce one image: its repository name, the Dockerfile model, the .dockerignore, the
/// platforms it is built for, and its build-context directory. Immutable; <c>With*</c> returns a new value.
/// </summary>
public sealed partial record ImageDefinition
{
    private ImageDefinition(string name, Dockerfile dockerfile)
    {
        Name = name;
        Dockerfile = dockerfile;
    }

    /// <summary>The repository path without registry or tag, e.g. <c>examples/go-hello</c>.</summary>
    public string Name { get; }
    public Dockerfile Dockerfile { get; private init; }

    /// <summary>
    /// The .dockerignore: the one given to <see cref="WithIgnore"/>, or the one generated from the Dockerfile for the
    /// language given to <see cref="WithIgnoreFor"/> (so it follows later <see cref="WithDockerfile"/> calls).
    /// </summary>
    public DockerIgnore Ignore => IgnoreLanguage is { } language ? DockerIgnore.For(Dockerfile, language).With([.. _alsoIgnore]) : _ignore;

    private ValueList<string> _alsoIgnore = ValueList<string>.Empty;

    private DockerIgnore _ignore = DockerIgnore.Common;

    /// <summary>Set by <see cref="WithIgnoreFor"/>: the .dockerignore is generated for this language.</summary>
    public ProjectLanguage? IgnoreLanguage { get; private init; }

    /// <summary>
    /// The Dockerfile's file name in the context directory (default <c>Dockerfile</c>). Another name gets its own
    /// ignore file beside it, <c>&lt;name&gt;.dockerignore</c>, which BuildKit prefers to the context's .dockerignore.
    /// </summary>
    public string DockerfileName { get; private init; } = DefaultDockerfileName;

    public const string DefaultDockerfileName = "Dockerfile";

    /// <summary>The ignore file's name: <c>.dockerignore</c> beside <c>Dockerfile</c>, else <c>&lt;DockerfileName&gt;.dockerignore</c>.</summary>
    public string IgnoreFileName => DockerfileName == DefaultDockerfileName ? DockerIgnore.FileName : DockerfileName + DockerIgnore.FileName;
    public ValueList<Platform> Platforms { get; private init; } = ValueList.Of(Platform.LinuxAmd64);

    /// <summary>The build context, relative to the directory given to <see cref="Generate"/> (default: that directory).</summary>
    public string ContextDirectory { get; private init; } = ".";

    /// <summary>True when <paramref name="name"/> is a repository path <see cref="Create"/> accepts (no registry, no tag).</summary>
    public static bool IsRepositoryName(string? name) => name is not null && RepositoryPattern().IsMatch(name);

    public static ImageDefinition Create(string name, Dockerfile dockerfile)
    {
        if (!IsRepositoryName(name))
            throw new DockerValueException(Problem.InvalidValue($"'{name}' is not a repository name.", "use lowercase path components such as 'team/api' (no registry, no tag)."));
        return new ImageDefinition(name, dockerfile ?? throw new ArgumentNullException(nameof(dockerfile)));
    }

    public ImageDefinition WithDockerfile(Dockerfile dockerfile) => this with { Dockerfile = dockerfile ?? throw new ArgumentNullException(nameof(dockerfile)) };
    public ImageDefinition WithIgnore(DockerIgnore ignore) => this with { _ignore = ignore ?? throw new ArgumentNullException(nameof(ignore)), IgnoreLanguage = null };

    /// <summary>
    /// Generates the .dockerignore from the Dockerfile: an allow-list of exactly the context paths its COPY/ADD
    /// sources and bind mounts read, with <paramref name="language"/>'s build outputs and caches left out
    /// (<see cref="DockerIgnore.For"/>), then <paramref name="alsoExclude"/> (e.g. <c>**/*_test.go</c>).
    /// </summary>
    public ImageDefinition WithIgnoreFor(ProjectLanguage language, params string[] alsoExclude) =>
        this with { IgnoreLanguage = language, _alsoIgnore = ValueList.Of(alsoExclude ?? []) };

    /// <summary>Writes the Dockerfile as <paramref name="fileName"/> (e.g. <c>api.Dockerfile</c>), with <c>&lt;fileName&gt;.dockerignore</c> beside it.</summary>
    public ImageDefinition WithDockerfileName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName is "." or ".." || fileName.IndexOfAny(['/', '\\', '\0', '\r', '\n']) >= 0 || fileName != fileName.Trim())
            throw new DockerValueException(Problem.InvalidValue($"'{ImageReference.Printable(fileName ?? "")}' is not a Dockerfile name.", "give a plain file name in the context directory, such as 'api.Dockerfile'."));
        return this with { DockerfileName = fileName };
    }
    public ImageDefinition WithPlatforms(params Platform[] platforms)
    {
        if (platforms.Length == 0 || platforms.Any(p => p is null || !p.IsConcrete))
            throw new ArgumentException("Give at least one concrete platform such as Platform.LinuxAmd64.", nameof(platforms));
        return this with { Platforms = ValueList.Of(platforms) };
    }
    /// <summary>
    /// This definition with every image it pulls pinned to its digest in <paramref name="imageLock"/>
    /// (<see cref="Pinning.ImagePinning"/>). Throws <see cref="Pinning.ImageLockException"/> naming each image the lock
    /// lacks: a lock that does not cover the definitions is stale, and building half-pinned would hide it.
    /// </summary>
    public ImageDefinition PinnedBy(Pinning.ImageLock imageLock)
    {
        var pinned = Pinning.ImagePinning.Pin(Dockerfile, imageLock, out var unlocked);
        if (unlocked.Count > 0)
            throw new Pinning.ImageLockException(
                $"{Name}: {string.Join(", ", unlocked)} {(unlocked.Count == 1 ? "is" : "are")} not in {Pinning.ImageLock.FileName}.",
                $"run 'fluent-docker lock' (or ImageLocking.LockAsync) to add {(unlocked.Count == 1 ? "it" : "them")}.");
        return WithDockerfile(pinned);
    }

    public ImageDefinition WithContextDirectory(string directory) => this with { ContextDirectory = directory ?? throw new ArgumentNullException(nameof(directory)) };

    /// <summary>
    /// Validates the Dockerfile and the .dockerignore, then writes both into the context directory under
    /// <paramref name="baseDirectory"/> (as <see cref="DockerfileName"/> and <see cref="IgnoreFileName"/>). Nothing is
    /// written unless both are valid; each file is written atomically.
    /// </summary>
    public GeneratedImage Generate(string baseDirectory)
    {
        var context = Path.GetFullPath(Path.Combine(baseDirectory, ContextDirectory));
        var dockerfileText = Dockerfile.Emit();
        var ignoreText = Ignore.Emit();
        var dockerfilePath = Path.Combine(context, DockerfileName);
        var ignorePath = Path.Combine(context, IgnoreFileName);
        AtomicFile.WriteAllText(dockerfilePath, dockerfileText);
        AtomicFile.WriteAllText(ignorePath, ignoreText);
        return new GeneratedImage(this, context, dockerfilePath, ignorePath);
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z")]
    private static partial Regex RepositoryPattern();
}

/// <summary>Where <see cref="ImageDefinition.Generate"/> wrote an image's files.</summary>
public sealed record GeneratedImage(ImageDefinition Definition, string ContextDirectory, string DockerfilePath, string DockerIgnorePath);
