using Docker.DotNet;
using Docker.DotNet.Models;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// A running container to look inside: exec a command (as the image's USER), read the process table. Always removed on
/// dispose. Health and port probes go through the library's <c>DockerEngine.SmokeTestAsync</c>; this covers what a
/// smoke run does not (who the processes run as, what a command prints in the container).
/// </summary>
internal sealed class RunningContainer : IAsyncDisposable
{
    private readonly DockerClient _client;

    private RunningContainer(DockerClient client, string id)
    {
        _client = client;
        Id = id;
    }

    public string Id { get; }

    public static async Task<RunningContainer> StartAsync(ImageReference image, Platform platform)
    {
        var client = new DockerClientBuilder().WithEndpoint(new Uri("unix:///var/run/docker.sock")).WithTimeout(TimeSpan.FromMinutes(5)).Build();
        string? id = null;
        try
        {
            id = (await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = image.ToString(),
                Platform = platform.ToString(),
                Labels = new Dictionary<string, string> { ["org.fluent-docker.test"] = "templates" },
            })).ID;
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters());
            return new RunningContainer(client, id);
        }
        catch
        {
            if (id is not null) await RemoveAsync(client, id);
            client.Dispose();
            throw;
        }
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
