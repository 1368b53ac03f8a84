using System.Diagnostics;
using System.Net.Sockets;
using DockerModels = Docker.DotNet.Models;

namespace Fluent.Docker.Engine;

// History and smoke runs.
public sealed partial class DockerEngine
{
    /// <summary>The image's history, newest step first (as the engine returns it); see <see cref="LayerTable"/>.</summary>
    public async Task<IReadOnlyList<ImageLayer>> HistoryAsync(string imageRefOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageRefOrId);
        var history = await CallAsync($"Reading the history of {imageRefOrId}", () => _client.Images.GetImageHistoryAsync(imageRefOrId, cancellationToken)).ConfigureAwait(false);
        return history.Select(h => new ImageLayer(h.ID ?? "<missing>", new DateTimeOffset(DateTime.SpecifyKind(h.Created, DateTimeKind.Utc)), h.CreatedBy ?? "", h.Size, string.IsNullOrEmpty(h.Comment) ? null : h.Comment)).ToList();
    }

    /// <summary>
    /// Starts <see cref="SmokeTest.Image"/> detached, waits for healthy (when the image has a HEALTHCHECK), probes the
    /// port on 127.0.0.1, and removes the container whatever happens. Throws <see cref="SmokeTestException"/> with the
    /// container's output when it exits, turns unhealthy or does not answer in time.
    /// </summary>
    public async Task<SmokeTestResult> SmokeTestAsync(SmokeTest test, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(test);
        var reference = Pullable(test.Image);
        if (test.Port is { Problem: { } portProblem }) throw new DockerValueException(portProblem);
        var clock = Stopwatch.StartNew();
        var parameters = new DockerModels.CreateContainerParameters
        {
            Image = reference,
            Platform = test.Platform?.ToString(),
            Labels = new Dictionary<string, string> { ["org.fluent-docker.smoke"] = "true" },
            ExposedPorts = test.Port is { } exposed ? new Dictionary<string, DockerModels.EmptyStruct> { [exposed.ConfigKey] = default } : null!,
            HostConfig = new DockerModels.HostConfig
            {
                // Loopback only, on a port the engine picks: the probe never leaves this machine.
                PortBindings = test.Port is { } port
                    ? new Dictionary<string, IList<DockerModels.PortBinding>> { [port.ConfigKey] = [new DockerModels.PortBinding { HostIP = "127.0.0.1", HostPort = "" }] }
                    : null!,
            },
        };
        var id = await CreateContainerAsync(parameters, test.Image, test.Platform, cancellationToken).ConfigureAwait(false);
        var failed = true;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(test.Timeout);
            try
            {
                await CallAsync($"Starting a container from {reference}", () => _client.Containers.StartContainerAsync(id, new DockerModels.ContainerStartParameters(), deadline.Token)).ConfigureAwait(false);
                var health = test.WaitForHealthy ? await WaitForHealthAsync(id, reference, deadline.Token).ConfigureAwait(false) : null;
                int? hostPort = null;
                (int Status, string Body)? http = null;
                if (test.Port is { } probed)
                {
                    hostPort = await HostPortAsync(id, probed, deadline.Token).ConfigureAwait(false);
                    http = await ProbeAsync(id, reference, hostPort.Value, test.HttpPath, deadline.Token).ConfigureAwait(false);
                }
                failed = false;
                return new SmokeTestResult(health, hostPort, http?.Status, http?.Body, clock.Elapsed);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SmokeTestException($"Smoke test of {reference}: not healthy and answering within {test.Timeout}.",
                    await LogsTailAsync(id).ConfigureAwait(false), "check the output below, or raise the timeout.");
            }
        }
        finally
        {
            await RemoveContainerAsync(id, rethrow: !failed).ConfigureAwait(false);
        }
    }

    // Polls the container until its health is healthy; null when the image has no HEALTHCHECK.
    private async Task<string?> WaitForHealthAsync(string id, string reference, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = (await CallAsync($"Inspecting the container from {reference}", () => _client.Containers.InspectContainerAsync(id, cancellationToken)).ConfigureAwait(false)).State;
            if (state is { Running: false })
                throw new SmokeTestException($"Smoke test of {reference}: the container exited with code {state.ExitCode} before it was healthy.", await LogsTailAsync(id).ConfigureAwait(false));
            switch (state?.Health?.Status)
            {
                case null or "" or "none":
                    return null;
                case "healthy":
                    return "healthy";
                case "unhealthy":
                    var last = state.Health.Log?.LastOrDefault()?.Output?.Trim();
                    throw new SmokeTestException($"Smoke test of {reference}: the HEALTHCHECK reports unhealthy ({state.Health.FailingStreak} failure(s); last: {last}).", await LogsTailAsync(id).ConfigureAwait(false));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> HostPortAsync(string id, Port port, CancellationToken cancellationToken)
    {
        var inspect = await CallAsync("Inspecting a smoke-test container", () => _client.Containers.InspectContainerAsync(id, cancellationToken)).ConfigureAwait(false);
        var binding = inspect.NetworkSettings?.Ports is { } ports && ports.TryGetValue(port.ConfigKey, out var bindings) ? bindings?.FirstOrDefault() : null;
        return binding is not null && int.TryParse(binding.HostPort, out var hostPort)
            ? hostPort
            : throw new DockerEngineException($"The engine published no host port for {port.ConfigKey}.");
    }

    // Retries until the port answers (a healthy app may still be binding it) or the deadline cancels.
    private async Task<(int Status, string Body)?> ProbeAsync(string id, string reference, int hostPort, string? httpPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string lastError = "";
        while (true)
        {
            try
            {
                if (httpPath is null)
                {
                    using var tcp = new TcpClient();
                    await tcp.ConnectAsync("127.0.0.1", hostPort, cancellationToken).ConfigureAwait(false);
                    return null;
                }
                using var response = await http.GetAsync($"http://127.0.0.1:{hostPort}/{httpPath.TrimStart('/')}", cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return ((int)response.StatusCode, body.Length > 4096 ? body[..4096] : body);
                lastError = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lastError = e.Message;
            }
            var state = (await CallAsync("Inspecting a smoke-test container", () => _client.Containers.InspectContainerAsync(id, cancellationToken)).ConfigureAwait(false)).State;
            if (state is { Running: false })
                throw new SmokeTestException($"Smoke test of {reference}: the container exited with code {state.ExitCode} while probing 127.0.0.1:{hostPort} ({lastError}).", await LogsTailAsync(id).ConfigureAwait(false));
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> LogsTailAsync(string id)
    {
        try
        {
            using var logs = await _client.Containers.GetContainerLogsAsync(id, new DockerModels.ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = "20" }, CancellationToken.None).ConfigureAwait(false);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(CancellationToken.None).ConfigureAwait(false);
            return (stdout + stderr).Trim();
        }
        catch (Exception e) when (IsEngineFailure(e))
        {
            return "";
        }
    }
}
