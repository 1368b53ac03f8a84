using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// Typed builders and their faults on the lab (issue 15). The lab cannot pull <c>moby/buildkit</c>, so a docker-container
/// builder is created, inspected, listed and removed without booting; booting it fails, and that failure is typed. The
/// engine lost mid-build is real: a docker context reaches the lab's engine through a TCP relay this test owns, and the
/// relay is cut while a RUN step sleeps (the lab's engines themselves are never stopped).
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BuilderE2ETests(DockerLabFixture lab)
{
    private string UniqueName(string stem) => $"fd-{stem}-{lab.RunId}";

    [Fact]
    public async Task A_docker_container_builder_with_two_nodes_and_a_mirror_is_created_inspected_listed_and_removed()
    {
        var name = UniqueName("crud");
        var spec = new BuilderSpec(name, BuilderDriver.DockerContainer)
            .WithDriverOptions(new DockerContainerDriverOptions { Network = "host" })
            .WithNode(new BuilderNode("default").WithPlatforms(Platform.LinuxAmd64))
            .WithNode(BuilderNode.OnContext(new DockerContext("lab-node2")).WithPlatforms(Platform.LinuxArm64))
            .WithBuildkitdConfig(BuildkitdConfig.Empty.WithMirror("docker.io", lab.Registry).WithInsecureRegistry(lab.Registry));
        try
        {
            var created = await lab.Buildx.CreateBuilderAsync(spec);

            Assert.Equal((name, (BuilderDriver?)BuilderDriver.DockerContainer, false), (created.Name, created.Driver, created.IsRunning));
            Assert.Equal(2, created.Nodes.Count);
            Assert.Equal([Platform.LinuxAmd64], created.Nodes[0].Platforms);
            Assert.Equal([Platform.LinuxArm64], created.Nodes[1].Platforms);
            Assert.Equal(["inactive", "inactive"], created.Nodes.Select(n => n.Status));
            Assert.Equal("lab-node2", created.Nodes[1].Endpoint);
            Assert.Equal("host", created.Nodes[0].DriverOptions["network"]);
            Assert.Contains($"mirrors = [\"{lab.Registry}\"]", created.Nodes[0].BuildkitdConfig);
            Assert.Contains((await lab.Buildx.ListBuildersAsync()), b => b.Name == name);
            Assert.DoesNotContain(Directory.GetFiles(Path.GetTempPath(), "fluent-docker-buildkitd-*"),
                f => File.GetCreationTimeUtc(f) > DateTime.UtcNow.AddMinutes(-5) && File.ReadAllText(f).Contains(lab.Registry, StringComparison.Ordinal)); // written, passed, deleted

            await lab.Buildx.RemoveBuilderAsync(name);

            Assert.DoesNotContain(await lab.Buildx.ListBuildersAsync(), b => b.Name == name);
            var gone = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.InspectBuilderAsync(name));
            Assert.Equal(BuildFailureKind.BuilderNotFound, gone.Failure.Kind);
            var removeAgain = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.RemoveBuilderAsync(name));
            Assert.Equal((BuildFailureKind.BuilderNotFound, name), (removeAgain.Failure.Kind, removeAgain.Failure.Builder));
        }
        finally
        {
            await RemoveQuietlyAsync(name);
        }
    }

    [Fact]
    public async Task A_builder_whose_BuildKit_image_cannot_be_pulled_fails_to_bootstrap_with_a_typed_error_and_the_fix()
    {
        var name = UniqueName("boot");
        try
        {
            var e = await Assert.ThrowsAsync<BuildxException>(() =>
                lab.Buildx.CreateBuilderAsync(new BuilderSpec(name, BuilderDriver.DockerContainer).WithBootstrap()));

            Assert.Equal(BuildFailureKind.BuilderUnavailable, e.Failure.Kind);
            Assert.Equal(name, e.Failure.Builder);
            Assert.StartsWith("moby/buildkit:", e.Failure.BuildkitImage);
            Assert.StartsWith($"builder '{name}' could not start: the builder's BuildKit image moby/buildkit:", e.Failure.ToString());
            Assert.Contains("could not be pulled", e.Message);
            Assert.Contains("Fix: make moby/buildkit:", e.Failure.ToString());
        }
        finally
        {
            await RemoveQuietlyAsync(name);
        }
    }

    [Fact]
    public async Task A_build_on_a_builder_that_does_not_exist_is_one_line_with_the_fix_and_another_contexts_builder_names_the_context()
    {
        var context = lab.WriteContext("nobuilder-" + lab.RunId, DockerLabFixture.GreetingDockerfile);

        var missing = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.WithBuilder("fd-no-such-builder").BuildAsync(new BuildRequest(context)));
        var elsewhere = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.BuildAsync(new BuildRequest(context).WithBuilder("lab-node2")));

        Assert.Equal("builder 'fd-no-such-builder' does not exist. Fix: create it (fluent-docker builder create fd-no-such-builder --driver docker-container), or name one that `docker buildx ls` lists.",
            missing.Failure.ToString());
        Assert.Equal((BuildFailureKind.BuilderNotFound, "lab-node2"), (elsewhere.Failure.Kind, elsewhere.Failure.BuilderContext));
    }

    [Fact]
    public async Task An_engine_that_goes_away_mid_build_names_the_builder_and_platform_and_leaves_no_tag()
    {
        using var relay = EngineRelay.Start("/var/run/docker.sock");
        var contextName = UniqueName("lost");
        await DockerAsync(["context", "create", contextName, "--docker", $"host=tcp://127.0.0.1:{relay.Port}"]);
        try
        {
            var token = Guid.NewGuid().ToString("N")[..12];
            var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run($"echo started-{token} && sleep 60 && echo done"));
            var tag = ImageReference.Parse($"fluent-tests/engine-lost-{lab.RunId}:1");
            var request = new BuildRequest(lab.WriteContext("lost-" + token, model)).WithPlatforms(Platform.LinuxAmd64).WithTags(tag).WithOutput(BuildOutput.Load());
            var started = new TaskCompletionSource();
            var progress = new Progress(e =>
            {
                if (e is BuildEvent.StepLog log && log.Line.Contains($"started-{token}", StringComparison.Ordinal)) started.TrySetResult();
            });

            var build = lab.Buildx.WithContext(new DockerContext(contextName)).BuildAsync(request, progress);
            await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
            relay.Cut();
            var e = await Assert.ThrowsAsync<BuildxException>(() => build);

            Assert.True(e.Failure.Kind == BuildFailureKind.EngineLost, e.Message);
            Assert.Equal([Platform.LinuxAmd64], e.Failure.Platforms);
            Assert.StartsWith($"the engine of builder '{contextName}' stopped answering during the build for linux/amd64 (", e.Failure.ToString());
            Assert.Contains("nothing was exported or tagged", e.Message);
            var inspect = await DockerAsync(["image", "inspect", tag.ToString()], mayFail: true);
            Assert.NotEqual(0, inspect.ExitCode); // the lab engine (behind the relay) holds no such tag
            Assert.Contains("No such image", inspect.Error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await DockerAsync(["context", "rm", "--force", contextName], mayFail: true);
        }
    }

    private async Task RemoveQuietlyAsync(string name)
    {
        try { await lab.Buildx.RemoveBuilderAsync(name); }
        catch (BuildxException e) when (e.Failure.Kind == BuildFailureKind.BuilderNotFound) { }
    }

    private static async Task<(int ExitCode, string Output, string Error)> DockerAsync(string[] arguments, bool mayFail = false)
    {
        var run = await ExternalCommand.RunAsync("docker", arguments);
        if (!mayFail) Assert.True(run.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {run.Error}");
        return (run.ExitCode, run.Output, run.Error);
    }

    private sealed class Progress(Action<BuildEvent> report) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value) => report(value);
    }

    /// <summary>
    /// A TCP relay to the engine's unix socket: what a docker context with a tcp:// endpoint reaches. <see cref="Cut"/>
    /// closes the listener and every relayed connection at once, as an engine host that goes away does.
    /// </summary>
    private sealed class EngineRelay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _socket;
        private readonly List<Socket> _open = [];
        private readonly CancellationTokenSource _stop = new();

        private EngineRelay(string socket)
        {
            _socket = socket;
            _listener.Start();
            _ = AcceptAsync();
        }

        public static EngineRelay Start(string socket) => new(socket);

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket client;
                try { client = await _listener.AcceptSocketAsync(_stop.Token); }
                catch (Exception) { return; }
                var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socket));
                lock (_open) _open.AddRange([client, engine]);
                _ = PumpAsync(client, engine);
                _ = PumpAsync(engine, client);
            }
        }

        private async Task PumpAsync(Socket from, Socket to)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0) { to.Shutdown(SocketShutdown.Send); return; }
                    await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception) { /* cut, or the other side closed */ }
        }

        public void Cut()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_open)
                foreach (var socket in _open)
                {
                    try { socket.Close(0); } catch (ObjectDisposedException) { }
                }
        }

        public void Dispose()
        {
            Cut();
            _stop.Dispose();
        }
    }
}
