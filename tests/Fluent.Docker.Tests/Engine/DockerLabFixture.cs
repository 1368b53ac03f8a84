using System.Globalization;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

/// <summary>
/// The real Docker lab, shared by every e2e test. It fails (never skips) when the engine, buildx or the registry is
/// missing, so a broken lab shows up as red tests with the fix in the message. Images the tests make are removed at the end.
/// </summary>
public sealed class DockerLabFixture : IAsyncLifetime
{
    private const string LabHint = "run bash ../shared/lab/up.sh";
    private readonly List<string> _imagesToRemove = [];
    private Task<ImageReference>? _multiPlatformImage;

    public DockerLabFixture()
    {
        Engine = DockerEngine.Connect(buildx: Buildx);
        Registry = Environment.GetEnvironmentVariable("FLUENT_DOCKER_TEST_REGISTRY") is { Length: > 0 } registry ? registry : "127.0.0.1:5000";
        WorkDirectory = Directory.CreateTempSubdirectory("fluent-docker-e2e-").FullName;
    }

    public Buildx Buildx { get; } = new();
    public DockerEngine Engine { get; }

    /// <summary>The lab registry (insecure, no auth), host:port.</summary>
    public string Registry { get; }

    public string WorkDirectory { get; }

    /// <summary>Unique per test run, so parallel or repeated runs never see each other's images.</summary>
    public string RunId { get; } = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await Engine.PingAsync(timeout.Token);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Docker engine not reachable at {Engine.Endpoint}: {LabHint} (and check `tail /tmp/lab-up.log`). Cause: {e.GetBaseException().Message}", e);
        }

        if (!await Buildx.IsAvailableAsync(timeout.Token))
            throw new InvalidOperationException($"`docker buildx version` failed: the buildx plugin is missing; {LabHint}.");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            (await http.GetAsync($"http://{Registry}/v2/", timeout.Token)).EnsureSuccessStatusCode();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Registry not reachable at http://{Registry}/v2/: {LabHint}. Cause: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>A new context directory holding <paramref name="dockerfile"/>, written by the model.</summary>
    public string WriteContext(string name, Dockerfile dockerfile)
    {
        var directory = Path.Combine(WorkDirectory, name);
        dockerfile.WriteTo(Path.Combine(directory, "Dockerfile"));
        return directory;
    }

    /// <summary>A registry reference unique to this run: <c>registry/fluent-tests/name-runid:tag</c>.</summary>
    public ImageReference UniqueReference(string name, string tag = "1") => ImageReference.Parse($"{Registry}/fluent-tests/{name}-{RunId}:{tag}");

    /// <summary>Removed from the engine when the run ends.</summary>
    public void RemoveAtEnd(string imageRefOrId)
    {
        lock (_imagesToRemove) _imagesToRemove.Add(imageRefOrId);
    }

    /// <summary>The model every multi-platform test uses: busybox, one ENV and an exec-form CMD.</summary>
    public static Dockerfile GreetingDockerfile { get; } = Dockerfile.Create(
        Stage.Named("app").From("busybox:1.36").Env("GREETING", "hello").Cmd("echo", "hi"));

    /// <summary>
    /// <see cref="GreetingDockerfile"/> built for linux/amd64 + linux/arm64 and pushed, once per run (tests share it
    /// because it is their input, not what they check).
    /// </summary>
    public Task<ImageReference> MultiPlatformImageAsync()
    {
        lock (_imagesToRemove) return _multiPlatformImage ??= BuildMultiPlatformImageAsync();
    }

    private async Task<ImageReference> BuildMultiPlatformImageAsync()
    {
        var image = UniqueReference("multi");
        var request = new BuildRequest(WriteContext("multi", GreetingDockerfile))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithTags(image)
            .WithOutput(BuildOutput.Push);
        await Buildx.BuildAsync(request);
        RemoveAtEnd(image.ToString());
        return image;
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _imagesToRemove)
        {
            try { await Engine.RemoveImageAsync(image); } // not forced: that would also drop other names of the same image
            catch (DockerEngineException) { /* best effort: the lab may already be gone */ }
        }
        Engine.Dispose();
        try { Directory.Delete(WorkDirectory, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class DockerLabCollection : ICollectionFixture<DockerLabFixture>
{
    public const string Name = "Docker lab";
}
