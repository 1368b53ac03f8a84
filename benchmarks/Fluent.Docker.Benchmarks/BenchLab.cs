using Docker.DotNet;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Examples;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// The lab as the benchmarks use it: buildx, the engine, the lab registry, a scratch directory, and clean-up of every
/// image they make. Apps are copied from <c>examples/</c> so the measurements never touch the working copy.
/// </summary>
public sealed class BenchLab : IAsyncDisposable
{
    private readonly List<string> _images = [];

    private BenchLab(BenchmarkContext context)
    {
        RepositoryRoot = FindRoot();
        Registry = context.Registry;
        RunId = context.RunId;
        Buildx = context.Buildx;
        Log = context.Log;
        Apps = context.Apps;
        Engine = DockerEngine.Connect(buildx: Buildx);
        Docker = new DockerClientBuilder().WithEndpoint(Engine.Endpoint).WithTimeout(TimeSpan.FromMinutes(10)).Build();
        WorkDirectory = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, "templates-" + Guid.NewGuid().ToString("N")[..6])).FullName;
    }

    public string RepositoryRoot { get; }
    public string ExamplesDirectory => Path.Combine(RepositoryRoot, "examples");

    /// <summary>The registry images are pushed to (host:port).</summary>
    public string Registry { get; }

    public IProgress<string> Log { get; }

    /// <summary>The example apps to measure; empty means all.</summary>
    public IReadOnlyList<string> Apps { get; }
    public Buildx Buildx { get; }
    public DockerEngine Engine { get; }

    /// <summary>For what <see cref="DockerEngine"/> does not offer (image history).</summary>
    public DockerClient Docker { get; }

    public string WorkDirectory { get; }

    /// <summary>Unique per run: tags and cache ids never meet an earlier run's.</summary>
    public string RunId { get; }

    public static async Task<BenchLab> StartAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var lab = new BenchLab(context);
        var registry = context.Registry;
        try
        {
            await lab.Engine.PingAsync(cancellationToken);
            if (!await lab.Buildx.IsAvailableAsync(cancellationToken)) throw new InvalidOperationException("docker buildx is not available");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            (await http.GetAsync($"http://{registry}/v2/", cancellationToken)).EnsureSuccessStatusCode();
            return lab;
        }
        catch (Exception e)
        {
            await lab.DisposeAsync();
            throw new InvalidOperationException($"The Docker lab is not ready ({e.GetBaseException().Message}): run bash ../shared/lab/up.sh", e);
        }
    }

    /// <summary>A new empty directory under the scratch directory.</summary>
    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(WorkDirectory, name + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;

    /// <summary>Writes <paramref name="definition"/>'s files into <paramref name="root"/>, beside a copy of the app of <paramref name="example"/>.</summary>
    public GeneratedImage Materialize(ImageDefinition example, ImageDefinition definition, string root)
    {
        var source = Path.Combine(ExamplesDirectory, example.ContextDirectory);
        var target = Path.Combine(root, definition.ContextDirectory);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative is "Dockerfile" or ".dockerignore" || relative.StartsWith("Dockerfile.", StringComparison.Ordinal)) continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return definition.Generate(root);
    }

    /// <summary>The naive twin of <paramref name="example"/> as a definition: same app, no .dockerignore.</summary>
    public static ImageDefinition NaiveOf(ImageDefinition example) =>
        ImageDefinition.Create(example.Name + "-naive", NaiveImages.ByExample[example.Name])
            .WithContextDirectory(example.ContextDirectory)
            .WithIgnore(DockerIgnore.Empty)
            .WithPlatforms(Platform.LinuxAmd64);

    /// <summary><c>registry/fluent-bench/name:runid</c>, removed from the engine at the end.</summary>
    public ImageReference Tag(string name)
    {
        var reference = ImageReference.Parse($"{Registry}/fluent-bench/{name.Replace('/', '-')}:{RunId}");
        lock (_images) _images.Add(reference.ToString());
        return reference;
    }

    /// <summary>Runs a build and keeps its log (which steps ran, context bytes).</summary>
    public async Task<(BuildResult Result, BuildLog Log)> BuildAsync(BuildRequest request, CancellationToken cancellationToken)
    {
        var log = new BuildLog();
        var result = await Buildx.BuildAsync(request, log, cancellationToken);
        return (result, log);
    }

    /// <summary>Pushes <paramref name="images"/> to the registry; sizes are compressed bytes, what a pull transfers.</summary>
    public async Task<IReadOnlyList<BuiltImage>> PushAsync(IEnumerable<GeneratedImage> images, CancellationToken cancellationToken)
    {
        var built = await ImageSetBuild.RunAsync(images, new ImageDestination.Registry(Registry, "bench-" + RunId), Buildx, null, cancellationToken);
        lock (_images) _images.AddRange(built.Select(b => b.Location));
        return built;
    }

    /// <summary>Bytes the image takes unpacked (the sum of its layers' sizes in the image history), for linux/amd64.</summary>
    public async Task<long> UnpackedBytesAsync(ImageReference image, CancellationToken cancellationToken)
    {
        await Engine.PullAsync(image, Platform.LinuxAmd64, null, cancellationToken);
        var history = await Docker.Images.GetImageHistoryAsync(image.ToString(), cancellationToken);
        return history.Sum(h => h.Size);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var image in _images.Distinct())
        {
            try { await Engine.RemoveImageAsync(image); }
            catch (DockerEngineException) { }
        }
        Engine.Dispose();
        Docker.Dispose();
        try { Directory.Delete(WorkDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The repository root: the folder above this assembly that holds FluentDocker.sln.</summary>
    internal static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "FluentDocker.sln"))) return directory.FullName;
        throw new InvalidOperationException("FluentDocker.sln not found above " + AppContext.BaseDirectory);
    }
}
