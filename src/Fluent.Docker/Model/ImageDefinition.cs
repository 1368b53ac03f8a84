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
    public DockerIgnore Ignore { get; private init; } = DockerIgnore.Common;
    public ValueList<Platform> Platforms { get; private init; } = ValueList.Of(Platform.LinuxAmd64);

    /// <summary>The build context, relative to the directory given to <see cref="Generate"/> (default: that directory).</summary>
    public string ContextDirectory { get; private init; } = ".";

    public static ImageDefinition Create(string name, Dockerfile dockerfile)
    {
        if (name is null || !RepositoryPattern().IsMatch(name))
            throw new DockerValueException(new ValueProblem($"'{name}' is not a repository name.", "use lowercase path components such as 'team/api' (no registry, no tag)."));
        return new ImageDefinition(name, dockerfile ?? throw new ArgumentNullException(nameof(dockerfile)));
    }

    public ImageDefinition WithDockerfile(Dockerfile dockerfile) => this with { Dockerfile = dockerfile ?? throw new ArgumentNullException(nameof(dockerfile)) };
    public ImageDefinition WithIgnore(DockerIgnore ignore) => this with { Ignore = ignore ?? throw new ArgumentNullException(nameof(ignore)) };
    public ImageDefinition WithPlatforms(params Platform[] platforms)
    {
        if (platforms.Length == 0 || platforms.Any(p => p is null || p.IsAutomatic))
            throw new ArgumentException("Give at least one concrete platform such as Platform.LinuxAmd64.", nameof(platforms));
        return this with { Platforms = ValueList.Of(platforms) };
    }
    public ImageDefinition WithContextDirectory(string directory) => this with { ContextDirectory = directory ?? throw new ArgumentNullException(nameof(directory)) };

    /// <summary>
    /// Validates the Dockerfile and the .dockerignore, then writes both into the context directory under
    /// <paramref name="baseDirectory"/>. Nothing is written unless both are valid; each file is written atomically.
    /// </summary>
    public GeneratedImage Generate(string baseDirectory)
    {
        var context = Path.GetFullPath(Path.Combine(baseDirectory, ContextDirectory));
        var dockerfileText = Dockerfile.Emit();
        var ignoreText = Ignore.Emit();
        var dockerfilePath = Path.Combine(context, "Dockerfile");
        var ignorePath = Path.Combine(context, ".dockerignore");
        AtomicFile.WriteAllText(dockerfilePath, dockerfileText);
        AtomicFile.WriteAllText(ignorePath, ignoreText);
        return new GeneratedImage(this, context, dockerfilePath, ignorePath);
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z")]
    private static partial Regex RepositoryPattern();
}

/// <summary>Where <see cref="ImageDefinition.Generate"/> wrote an image's files.</summary>
public sealed record GeneratedImage(ImageDefinition Definition, string ContextDirectory, string DockerfilePath, string DockerIgnorePath);
