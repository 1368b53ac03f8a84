using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// A container started from an image with one port published on a random 127.0.0.1 port, for smoke checks: probe an
/// HTTP endpoint, exec a command (the image's own HEALTHCHECK, <c>whoami</c>), read the process table. Always removed on
/// dispose. Test-side on purpose: the engine's smoke runs belong to the library (issue 7); this helper stays small.
/// </summary>
internal sealed class RunningContainer : IAsyncDisposable
{
    private readonly DockerClient _client;

    private RunningContainer(DockerClient client, string id, int hostPort)
    {
        _client = client;
        Id = id;
        HostPort = hostPort;
    }

    public string Id { get; }

    /// <summary>The loopback port the container's port is published on.</summary>
    public int HostPort { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{HostPort}{path}");

    public static async Task<RunningContainer> StartAsync(ImageReference image, Port port, Platform platform, IList<string>? environment = null)
    {
        var client = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).WithTimeout(TimeSpan.FromMinutes(5)).Build();
        string? id = null;
        try
        {
            var key = port.ConfigKey;
            var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = image.ToString(),
                Platform = platform.ToString(),
                Env = environment ?? [],
                ExposedPorts = new Dictionary<string, EmptyStruct> { [key] = default },
                Labels = new Dictionary<string, string> { ["org.fluent-docker.test"] = "templates" },
                HostConfig = new HostConfig
                {
                    PortBindings = new Dictionary<string, IList<PortBinding>> { [key] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }] },
                },
            });
            id = created.ID;
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters());
            var inspected = await client.Containers.InspectContainerAsync(id);
            var binding = inspected.NetworkSettings!.Ports![key].Single(b => b.HostIP == "127.0.0.1");
            return new RunningContainer(client, id, int.Parse(binding.HostPort, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            if (id is not null) await RemoveAsync(client, id);
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// GETs <paramref name="path"/> until it answers 200 or <paramref name="within"/> passes (the app may still be
    /// starting; under QEMU that takes longer). Returns the body; fails with the last error and the container's logs.
    /// </summary>
    public async Task<string> GetWhenReadyAsync(string path, TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        string last = "no attempt";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(Url(path));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK) return body;
                last = $"HTTP {(int)response.StatusCode}: {body}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetBaseException().Message;
            }
            var state = (await _client.Containers.InspectContainerAsync(Id)).State;
            if (state?.Running != true) break;
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"{Url(path)} did not answer 200 within {within}: {last}\ncontainer log:\n{await LogsAsync()}");
    }

    /// <summary>Runs <paramref name="command"/> inside the container (as the image's USER); its exit code and output.</summary>
    public async Task<(long ExitCode, string Stdout, string Stderr)> ExecAsync(IList<string> command)
    {
        var exec = await _client.Exec.CreateContainerExecAsync(Id, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using var stream = await _client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), CancellationToken.None);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        var result = await _client.Exec.InspectContainerExecAsync(exec.ID);
        return (result.ExitCode ?? -1, stdout, stderr);
    }

    /// <summary>The numeric uids of the container's processes, as the host kernel sees them (works on scratch too).</summary>
    public async Task<IReadOnlyList<string>> ProcessUidsAsync()
    {
        var top = await _client.Containers.ListProcessesAsync(Id, new ContainerListProcessesParameters { PsArgs = "-o pid,uid,args" });
        var column = top.Titles.IndexOf("UID");
        return top.Processes.Select(p => p[column]).ToList();
    }

    public async Task<string> LogsAsync()
    {
        using var logs = await _client.Containers.GetContainerLogsAsync(Id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true });
        var (stdout, stderr) = await logs.ReadOutputToEndAsync(CancellationToken.None);
        return stdout + stderr;
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveAsync(_client, Id);
        _client.Dispose();
    }

    private static async Task RemoveAsync(DockerClient client, string id)
    {
        try { await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }); }
        catch (DockerContainerNotFoundException) { }
    }
}
