using System.Diagnostics;
using Fluent.Docker.Build;
using Fluent.Docker.Templates;
using Fluent.Docker.Tests.Engine;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// The templates' HEALTHCHECK works for an app that knows nothing about health: a plain HTTP server (Go's net/http on
/// distroless and scratch, Node's http, Python's http.server, an ASP.NET Core minimal API, the JDK's HttpServer) built by
/// the template in the lab turns healthy, and turns unhealthy once it
/// stops listening (SIGUSR2 makes each close its listener while the process keeps running). The engine runs the
/// image's own probe; the container only shortens its interval and retries (<c>--health-interval=2s
/// --health-retries=2</c>) so a failing probe shows within seconds instead of the template's 3 × 30 s.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class TemplateHealthProbeE2ETests(DockerLabFixture lab, ITestOutputHelper output)
{
    private const string Distroless = "127.0.0.1:5000/distroless/static-debian12:nonroot";
    private const long TwoMiB = 2 * 1024 * 1024;

    private const string GoServer = """
        // A plain HTTP server: no flags, no health endpoint. SIGUSR2 closes its listener; the process keeps running.
        package main

        import (
        	"net/http"
        	"os"
        	"os/signal"
        	"syscall"
        	"time"
        )

        func main() {
        	server := &http.Server{Addr: ":" + os.Getenv("PORT"), Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
        		w.Write([]byte("hello\n"))
        	})}
        	stop := make(chan os.Signal, 1)
        	signal.Notify(stop, syscall.SIGUSR2)
        	go func() { <-stop; server.Close() }()
        	server.ListenAndServe()
        	for {
        		time.Sleep(time.Hour)
        	}
        }

        """;

    private const string NodeServer = """
        // A plain HTTP server: no health endpoint. SIGUSR2 closes its listener; the process keeps running.
        const http = require('http');
        const server = http.createServer((req, res) => res.end('hello\n')).listen(Number(process.env.PORT));
        process.on('SIGUSR2', () => server.close());
        setInterval(() => {}, 1 << 30);

        """;

    private const string PythonServer = """
        # A plain HTTP server: no health endpoint. SIGUSR2 closes its listener; the process keeps running.
        import http.server, os, signal, threading, time

        class Hello(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"hello\n")

        server = http.server.HTTPServer(("", int(os.environ["PORT"])), Hello)
        signal.signal(signal.SIGUSR2, lambda *_: threading.Thread(target=server.shutdown).start())
        server.serve_forever()
        server.server_close()
        while True:
            time.sleep(3600)

        """;

    private const string AspNetServer = """
        // A plain minimal API: no health endpoint, no flags. SIGUSR2 stops the server; the process keeps running.
        using System.Runtime.InteropServices;

        var app = WebApplication.CreateSlimBuilder(args).Build();
        app.MapGet("/", () => "hello");
        var stop = new TaskCompletionSource();
        using var usr2 = PosixSignalRegistration.Create((PosixSignal)12, context => { context.Cancel = true; stop.TrySetResult(); });
        await app.StartAsync();
        await stop.Task;
        await app.StopAsync();
        await Task.Delay(Timeout.Infinite);

        """;

    private const string AspNetProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <InvariantGlobalization>true</InvariantGlobalization>
          </PropertyGroup>
        </Project>

        """;

    private const string JavaServer = """
        package plain;

        import com.sun.net.httpserver.HttpServer;
        import java.net.InetSocketAddress;
        import sun.misc.Signal;

        /** A plain HTTP server: no health endpoint, no flags. SIGUSR2 stops it; the process keeps running. */
        public final class Main {
            public static void main(String[] args) throws Exception {
                HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
                server.createContext("/", exchange -> { exchange.sendResponseHeaders(200, -1); exchange.close(); });
                server.start();
                Signal.handle(new Signal("USR2"), signal -> server.stop(0));
                Thread.sleep(Long.MAX_VALUE);
            }
        }

        """;

    /// <summary>The app's sources by file name, the definition, and a word of the app's command line (to count copies).</summary>
    private sealed record PlainApp(IReadOnlyDictionary<string, string> Files, ImageDefinition Definition, string ProcessMarker);

    private static PlainApp App(string key) => key switch
    {
        "go-distroless-tcp" => new(
            new Dictionary<string, string> { ["go.mod"] = "module example.com/plain\n\ngo 1.24\n", ["main.go"] = GoServer },
            GoTemplate.Create("fluent-tests/plain-go", new GoOptions { Runtime = GoRuntime.DistrolessStatic, DistrolessImage = Distroless, Platforms = [Platform.LinuxAmd64] }),
            "/app"),
        "go-scratch-http" => new(
            new Dictionary<string, string> { ["go.mod"] = "module example.com/plain\n\ngo 1.24\n", ["main.go"] = GoServer },
            GoTemplate.Create("fluent-tests/plain-go-http", new GoOptions { Health = HealthProbe.Http("/"), Platforms = [Platform.LinuxAmd64] }),
            "/app"),
        "node-tcp" => new(
            new Dictionary<string, string>
            {
                ["package.json"] = """{ "name": "plain", "version": "1.0.0", "private": true }""" + "\n",
                ["package-lock.json"] = """{ "name": "plain", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": { "": { "name": "plain", "version": "1.0.0" } } }""" + "\n",
                ["server.js"] = NodeServer,
            },
            NodeTemplate.Create("fluent-tests/plain-node", new NodeOptions { Platforms = [Platform.LinuxAmd64] }),
            "server.js"),
        "python-http" => new(
            new Dictionary<string, string> { ["requirements.txt"] = "", ["app.py"] = PythonServer },
            PythonTemplate.Create("fluent-tests/plain-python", new PythonOptions { Health = HealthProbe.Http("/"), Platforms = [Platform.LinuxAmd64] }),
            "app.py"),
        "dotnet-aspnet-tcp" => new(
            new Dictionary<string, string> { ["Plain.csproj"] = AspNetProject, ["Program.cs"] = AspNetServer },
            DotNetTemplate.Create("fluent-tests/plain-dotnet", new DotNetOptions { Project = "Plain.csproj", BaseRegistry = global::Fluent.Docker.Examples.DotnetApi.LabRegistry, Platforms = [Platform.LinuxAmd64] }),
            "Plain.dll"),
        "java-jre-tcp" => new(
            new Dictionary<string, string> { ["src/plain/Main.java"] = JavaServer },
            JavaTemplate.Create("fluent-tests/plain-java", new JavaOptions { Build = new JavaBuild.Javac("plain.Main"), Platforms = [Platform.LinuxAmd64] }),
            "app.jar"),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    [Theory]
    [InlineData("go-distroless-tcp")]
    [InlineData("go-scratch-http")]
    [InlineData("node-tcp")]
    [InlineData("python-http")]
    [InlineData("dotnet-aspnet-tcp")]
    [InlineData("java-jre-tcp")]
    public async Task A_plain_app_turns_healthy_and_a_stopped_listener_turns_it_unhealthy(string key)
    {
        var app = App(key);
        var image = await BuildAsync(key, app);

        await using var container = await DockerCli.RunAsync(image, "--health-interval=2s", "--health-retries=2");
        var healthy = await container.WaitForHealthAsync("healthy", TimeSpan.FromSeconds(60));
        output.WriteLine($"{key}: healthy after {healthy.TotalSeconds:F1} s");

        // Several probes have run by now; none started the app again.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal("healthy", await container.HealthAsync());
        var processes = await container.ProcessesAsync();
        Assert.Single(processes, p => p.Contains(app.ProcessMarker, StringComparison.Ordinal) && !p.Contains("health-probe", StringComparison.Ordinal) && !p.Contains(" -e ", StringComparison.Ordinal) && !p.Contains(" -c ", StringComparison.Ordinal));

        await container.SignalAsync("USR2");
        var unhealthy = await container.WaitForHealthAsync("unhealthy", TimeSpan.FromSeconds(60));
        output.WriteLine($"{key}: unhealthy {unhealthy.TotalSeconds:F1} s after the listener stopped");
        Assert.True(await container.IsRunningAsync(), "the app process kept running; only its listener stopped");
    }

    [Fact]
    public async Task Static_probe_is_at_most_2_MiB_and_the_distroless_image_still_has_no_shell()
    {
        var app = App("go-distroless-tcp");
        // Export only the probe: a scratch stage that copies it from the probe stage (whose own filesystem is the toolchain's).
        var probeStage = app.Definition.Dockerfile.Stages.Single(s => s.Name == "health-probe");
        var artifact = Stage.Named("probe-artifact").FromScratch().CopyFrom(probeStage, "/out/health-probe", "/health-probe");
        var edited = app with { Definition = app.Definition.WithDockerfile(Dockerfile.Create([.. app.Definition.Dockerfile.Stages, artifact])) };
        var generated = edited.Definition.Generate(WriteContext("probe-size", edited));
        var outputDirectory = Path.Combine(lab.WorkDirectory, "probe-out-" + Guid.NewGuid().ToString("N")[..6]);

        await lab.Buildx.BuildAsync(ImageSetBuild.RequestFor(generated).WithTarget(artifact).WithOutput(BuildOutput.LocalDirectory(outputDirectory)), new BuildLog());

        var size = new FileInfo(Path.Combine(outputDirectory, "health-probe")).Length;
        output.WriteLine($"health-probe (linux/amd64): {size} bytes ({size / 1024.0 / 1024.0:F2} MiB)");
        Assert.InRange(size, 1, TwoMiB);

        var image = await BuildAsync("go-distroless-tcp", app);
        await using var container = await DockerCli.RunAsync(image);
        await container.WaitForHealthAsync("healthy", TimeSpan.FromSeconds(60));
        Assert.Equal(0, await container.ExecExitCodeAsync("/usr/local/bin/health-probe", "tcp", "8080")); // the probe, run by hand
        Assert.Equal(1, await container.ExecExitCodeAsync("/usr/local/bin/health-probe", "tcp", "8081")); // nothing listens there
        Assert.NotEqual(0, await container.ExecExitCodeAsync("/bin/sh", "-c", "true"));
        Assert.NotEqual(0, await container.ExecExitCodeAsync("/busybox/sh", "-c", "true"));
    }

    private string WriteContext(string name, PlainApp app)
    {
        var root = Path.Combine(lab.WorkDirectory, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        var context = Path.Combine(root, app.Definition.ContextDirectory);
        Directory.CreateDirectory(context);
        foreach (var (file, text) in app.Files)
        {
            var path = Path.Combine(context, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return root;
    }

    private async Task<ImageReference> BuildAsync(string key, PlainApp app)
    {
        var generated = app.Definition.Generate(WriteContext(key, app));
        var built = Assert.Single(await ImageSetBuild.RunAsync([generated], new ImageDestination.Registry(lab.Registry, "health-" + lab.RunId), lab.Buildx));
        lab.RemoveAtEnd(built.Location);
        return ImageReference.Parse(built.Location);
    }

    /// <summary>A container driven through the docker CLI, removed on dispose.</summary>
    private sealed class DockerCli : IAsyncDisposable
    {
        private DockerCli(string id) => Id = id;

        public string Id { get; }

        public static async Task<DockerCli> RunAsync(ImageReference image, params string[] options)
        {
            var (code, stdout, stderr) = await Docker(["run", "-d", "--label", "org.fluent-docker.test=health", .. options, image.ToString()]);
            Assert.True(code == 0, $"docker run failed: {stderr}");
            return new DockerCli(stdout.Trim());
        }

        public async Task<string> HealthAsync() => (await Docker(["inspect", "--format", "{{.State.Health.Status}}", Id])).Stdout.Trim();

        public async Task<bool> IsRunningAsync() => (await Docker(["inspect", "--format", "{{.State.Running}}", Id])).Stdout.Trim() == "true";

        /// <summary>How long it took to reach <paramref name="status"/>; fails with the probe log when it does not within <paramref name="limit"/>.</summary>
        public async Task<TimeSpan> WaitForHealthAsync(string status, TimeSpan limit)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < limit)
            {
                if (await HealthAsync() == status) return clock.Elapsed;
                await Task.Delay(500);
            }
            var log = (await Docker(["inspect", "--format", "{{json .State.Health}}", Id])).Stdout;
            throw new Xunit.Sdk.XunitException($"not {status} within {limit.TotalSeconds} s; health: {log}");
        }

        public async Task<IReadOnlyList<string>> ProcessesAsync() =>
            (await Docker(["top", Id, "-o", "pid,args"])).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        public async Task SignalAsync(string signal) => Assert.Equal(0, (await Docker(["kill", "--signal", signal, Id])).Code);

        public async Task<int> ExecExitCodeAsync(params string[] command) => (await Docker(["exec", Id, .. command])).Code;

        public async ValueTask DisposeAsync() => await Docker(["rm", "-f", Id]);

        private static async Task<(int Code, string Stdout, string Stderr)> Docker(string[] arguments)
        {
            var run = await ExternalCommand.RunAsync("docker", arguments);
            return (run.ExitCode, run.Output, run.Error);
        }
    }
}
