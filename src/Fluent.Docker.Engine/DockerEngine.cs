using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;
using Fluent.Docker.Build;
using DockerModels = Docker.DotNet.Models;

namespace Fluent.Docker.Engine;

/// <summary>
/// The Docker Engine API (through Docker.DotNet): pull, inspect, run and remove images. Builds are not here: the
/// Engine API cannot drive BuildKit's multi-platform builds, so they go through <see cref="Buildx"/>.
/// Every engine error surfaces as <see cref="DockerEngineException"/> carrying the engine's own message.
/// </summary>
public sealed partial class DockerEngine : IDisposable
{
    private readonly DockerClient _client;
    private readonly Buildx _buildx;

    private DockerEngine(Uri endpoint, DockerClient client, Buildx buildx)
    {
        Endpoint = endpoint;
        _client = client;
        _buildx = buildx;
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// A client for <paramref name="endpoint"/>, else <c>DOCKER_HOST</c>, else the local socket. Nothing is contacted
    /// yet: call <see cref="PingAsync"/> to find out whether the engine answers. <paramref name="buildx"/> is used only to
    /// read a registry's image index (see <see cref="InspectImageAsync"/>).
    /// </summary>
    public static DockerEngine Connect(Uri? endpoint = null, Buildx? buildx = null)
    {
        var resolved = endpoint ?? DefaultEndpoint(Environment.GetEnvironmentVariable("DOCKER_HOST"));
        // Pulls and container waits outlive the HTTP client's default 100 s; callers bound them with tokens/timeouts.
        var client = new DockerClientBuilder().WithEndpoint(resolved).WithTimeout(Timeout.InfiniteTimeSpan).Build();
        return new DockerEngine(resolved, client, buildx ?? new Buildx());
    }

    internal static Uri DefaultEndpoint(string? dockerHost) =>
        !string.IsNullOrWhiteSpace(dockerHost) ? new Uri(dockerHost)
        : OperatingSystem.IsWindows() ? new Uri("npipe://./pipe/docker_engine")
        : new Uri("unix:///var/run/docker.sock");

    /// <summary>Throws <see cref="DockerEngineException"/> ("Docker engine not reachable at …") unless the engine answers.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        CallAsync("Pinging the engine", () => _client.System.PingAsync(cancellationToken));

    /// <summary>
    /// True when the engine keeps images in the containerd image store (<c>docker info</c>: driver-type
    /// io.containerd.snapshotter.v1), which holds multi-platform images locally; see <see cref="BuildOutput.Load"/>.
    /// </summary>
    public async Task<bool> UsesContainerdImageStoreAsync(CancellationToken cancellationToken = default)
    {
        var info = await CallAsync("Reading engine info", () => _client.System.GetSystemInfoAsync(cancellationToken)).ConfigureAwait(false);
        return info.DriverStatus?.Any(pair => pair is [ "driver-type", "io.containerd.snapshotter.v1" ]) ?? false;
    }

    /// <summary>
    /// Pulls <paramref name="image"/> (<c>:latest</c> when it names no tag or digest), for <paramref name="platform"/>
    /// when given. The engine reports pull failures inside the progress stream, not as an HTTP error; they are raised
    /// here as <see cref="DockerEngineException"/> with the engine's message. Progress lines go to <paramref name="log"/>.
    /// </summary>
    public async Task PullAsync(ImageReference image, Platform? platform = null, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        var reference = Pullable(image);
        if (platform is { IsConcrete: false }) throw new ArgumentException($"{platform} only has a meaning inside a Dockerfile: pull a concrete platform such as linux/arm64.", nameof(platform));
        var stream = new PullProgressStream(log);
        var what = platform is null ? $"Pulling {reference}" : $"Pulling {reference} for {platform}";
        await CallAsync(what, () => _client.Images.CreateImageAsync(
            new DockerModels.ImagesCreateParameters { FromImage = reference, Platform = platform?.ToString() },
            null, stream, cancellationToken)).ConfigureAwait(false);
        if (stream.Error is { } error) throw new DockerEngineException($"{what} failed: {error}", error);
    }

    /// <summary>
    /// Inspects a local image by reference or id. With <paramref name="platform"/>, returns that platform's image of a
    /// multi-platform image, pulling it from the registry when needed (see the remarks in DockerEngine.PlatformInspection.cs).
    /// </summary>
    public async Task<ImageInspection> InspectImageAsync(string imageRefOrId, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageRefOrId);
        if (platform is null)
            return ImageInspectionMapping.From(await CallAsync($"Inspecting {imageRefOrId}", () => _client.Images.InspectImageAsync(imageRefOrId, cancellationToken)).ConfigureAwait(false));
        if (!platform.IsConcrete) throw new ArgumentException($"{platform} only has a meaning inside a Dockerfile: ask for a concrete platform such as linux/arm64.", nameof(platform));
        return await InspectPlatformAsync(imageRefOrId, platform, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="image"/> to completion like <c>docker run --rm</c>: creates the container (pulling the image
    /// when it is missing), starts it, waits at most <paramref name="timeout"/>, reads its output, and always removes
    /// it, also on failure, timeout or cancellation. A container still running at the timeout is killed and
    /// <see cref="TimeoutException"/> is thrown.
    /// </summary>
    /// <param name="image">The image to run; pulled when the engine does not have it.</param>
    /// <param name="command">Replaces the image's CMD; null keeps it.</param>
    /// <param name="platform">Which platform of a multi-platform image to run (emulated when foreign, e.g. through QEMU).</param>
    /// <param name="timeout">How long the container may run before it is killed and removed.</param>
    /// <param name="cancellationToken">Cancels the run; the container is still removed.</param>
    public async Task<ContainerRunResult> RunAsync(ImageReference image, IReadOnlyList<string>? command, Platform? platform, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var reference = Pullable(image);
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive, e.g. TimeSpan.FromSeconds(30).");
        if (platform is { IsConcrete: false }) throw new ArgumentException($"{platform} only has a meaning inside a Dockerfile: run a concrete platform such as linux/arm64.", nameof(platform));

        var parameters = new DockerModels.CreateContainerParameters
        {
            Image = reference,
            Cmd = command?.ToList()!, // null: keep the image CMD
            Platform = platform?.ToString(),
            Tty = false,
            Labels = new Dictionary<string, string> { ["org.fluent-docker.run"] = "true" },
        };
        var id = await CreateContainerAsync(parameters, image, platform, cancellationToken).ConfigureAwait(false);

        var failed = true;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            DockerModels.ContainerWaitResponse exit;
            try
            {
                await CallAsync($"Starting a container from {reference}", () => _client.Containers.StartContainerAsync(id, new DockerModels.ContainerStartParameters(), deadline.Token)).ConfigureAwait(false);
                exit = await CallAsync($"Waiting for the container from {reference}", () => _client.Containers.WaitContainerAsync(id, deadline.Token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The container from {reference} was still running after {timeout}; it was removed. Fix: raise the timeout, or make the command exit.");
            }
            if (exit.Error?.Message is { Length: > 0 } waitError)
                throw new DockerEngineException($"Waiting for the container from {reference} failed: {waitError}", waitError);

            using var logs = await CallAsync($"Reading the output of the container from {reference}",
                () => _client.Containers.GetContainerLogsAsync(id, new DockerModels.ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken)).ConfigureAwait(false);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken).ConfigureAwait(false);
            failed = false;
            return new ContainerRunResult(exit.StatusCode, stdout, stderr);
        }
        finally
        {
            await RemoveContainerAsync(id, rethrow: !failed).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removes an image name (content goes when nothing else uses it). False when there was no such image.
    /// <paramref name="force"/> also removes every other name of the same image, e.g. all tags of a digest.
    /// </summary>
    public async Task<bool> RemoveImageAsync(string imageRefOrId, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageRefOrId);
        try
        {
            await CallAsync($"Removing {imageRefOrId}", () => _client.Images.DeleteImageAsync(imageRefOrId, new DockerModels.ImageDeleteParameters { Force = force }, cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> CreateContainerAsync(DockerModels.CreateContainerParameters parameters, ImageReference image, Platform? platform, CancellationToken cancellationToken)
    {
        var what = $"Creating a container from {parameters.Image}";
        try
        {
            return (await CallAsync(what, () => _client.Containers.CreateContainerAsync(parameters, cancellationToken)).ConfigureAwait(false)).ID;
        }
        catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Like `docker run`: a missing image is pulled, then creation is tried once more.
            await PullAsync(image, platform, null, cancellationToken).ConfigureAwait(false);
            return (await CallAsync(what, () => _client.Containers.CreateContainerAsync(parameters, cancellationToken)).ConfigureAwait(false)).ID;
        }
    }

    private async Task RemoveContainerAsync(string id, bool rethrow)
    {
        try
        {
            // Not cancellable: a cancelled or timed-out run must still not leave its container behind.
            await _client.Containers.RemoveContainerAsync(id, new DockerModels.ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
        catch (Exception) when (!rethrow)
        {
            // The run already failed: keep that error rather than hide it behind the clean-up's.
        }
        catch (Exception e)
        {
            throw Translate($"Removing container {id}", e);
        }
    }

    private static string Pullable(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        // Without a tag the pull API would fetch every tag of the repository.
        return image.Tag is null && image.Digest is null ? image.WithTag("latest").ToString() : image.ToString();
    }

    private async Task CallAsync(string what, Func<Task> call)
    {
        try { await call().ConfigureAwait(false); }
        catch (Exception e) when (IsEngineFailure(e)) { throw Translate(what, e); }
    }

    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try { return await call().ConfigureAwait(false); }
        catch (Exception e) when (IsEngineFailure(e)) { throw Translate(what, e); }
    }

    private static bool IsEngineFailure(Exception e) => e is DockerApiException or HttpRequestException or SocketException or IOException;

    private Exception Translate(string what, Exception e)
    {
        if (e is DockerApiException api)
        {
            var message = EngineMessage(api.ResponseBody) ?? api.Message;
            return new DockerEngineException($"{what} failed: {message}", message, api.StatusCode, api);
        }
        return e is HttpRequestException or SocketException
            ? new DockerEngineException($"Docker engine not reachable at {Endpoint}: {what} failed: {e.Message}", null, null, e)
            : new DockerEngineException($"The connection to the Docker engine at {Endpoint} broke: {what} failed: {e.Message}", null, null, e);
    }

    // The API's error body is {"message": "..."}.
    private static string? EngineMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message)
                ? message.GetString()
                : body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }
}
