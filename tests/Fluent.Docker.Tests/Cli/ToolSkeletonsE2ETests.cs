using System.Diagnostics;
using System.Text.RegularExpressions;
using Fluent.Docker.Tests.Engine;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// Issue 14.2's measure: skeletons nobody here wrote, made at test time by their own generators (<c>dotnet new
/// webapi</c>, <c>dotnet new worker</c>, <c>express-generator</c> run in the lab's node image) or as the plainest
/// server of their language (Go <c>net/http</c>, Python <c>http.server</c>), in a directory with no NuGet
/// configuration: the installed tool's <c>init --yes</c> → <c>generate</c> → <c>lint</c> → <c>build</c>, untouched. Then
/// the image runs: a web app turns healthy within 60 s and answers on the port init read from it, the worker keeps
/// running, no process is root, and the definitions folder is nowhere in the image.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed partial class ToolSkeletonsE2ETests(InstalledTool tool, DockerLabFixture lab, ITestOutputHelper output) : IClassFixture<DockerLabFixture>
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(60);

    /// <summary>Per skeleton: what init must read (kind, port) and extra init options.</summary>
    public static TheoryData<string, string, int?, string[]> Skeletons => new()
    {
        // The lab serves the .NET images from its registry (MCR names cannot be mirrored).
        { "webapi", "web", null, ["--base-registry", "127.0.0.1:5000"] },
        { "worker", "worker", null, ["--base-registry", "127.0.0.1:5000"] },
        { "express", "web", 3000, [] },
        { "go", "web", 8080, [] },
        { "python", "web", 8000, [] },
    };

    [Theory]
    [MemberData(nameof(Skeletons))]
    public async Task Skeleton_is_scaffolded_built_and_runs_from_init_yes_alone(string skeleton, string kind, int? port, string[] initOptions)
    {
        var repo = tool.NewBareRepository("skeleton-" + skeleton);
        await MakeSkeletonAsync(skeleton, repo);
        var name = $"cli-tests/skeleton-{skeleton}";
        var tag = "skel-" + lab.RunId;
        var environment = tool.PrivatePackages;

        var init = tool.Run(repo, ["init", "--yes", "--name", name, .. initOptions], environment);
        Assert.True(init.ExitCode == 0, init.ToString());
        var generate = tool.Run(repo, ["generate"], environment);
        Assert.True(generate.ExitCode == 0, generate.ToString());
        var lint = tool.Run(repo, ["lint", "--fail-on", "error"], environment);
        var build = tool.Run(repo, ["build", "--tag", tag, "--platform", "linux/amd64"], environment);
        lab.RemoveAtEnd($"{name}:{tag}");
        output.WriteLine(init.Output + init.Error);

        // Nothing configured NuGet: the tool found its own Fluent.Docker package.
        Assert.Empty(Directory.EnumerateFiles(repo, "nuget.config", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive }));
        Assert.Matches($@"(?m)^read: {kind} app, entry ", init.Output);
        if (port is { } declared) Assert.Contains($", port {declared}", init.Output);
        Assert.Matches(@"(?m)^platforms: linux/amd64", init.Output);
        Assert.Contains(".fluent-docker", File.ReadAllText(Path.Combine(repo, ".dockerignore")));
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.DoesNotContain(": error ", lint.Output);
        Assert.True(build.ExitCode == 0, build.ToString());

        var image = await lab.Engine.InspectImageAsync($"{name}:{tag}");
        // .NET runs as the app account its images already have (1654); the other templates as 10001.
        var uid = skeleton is "webapi" or "worker" ? "1654" : "10001";
        Assert.Equal($"{uid}:{uid}", image.User);
        await using var container = await Container.RunAsync($"{name}:{tag}");
        if (kind == "web")
        {
            var healthy = await container.WaitForHealthyAsync(HealthyWithin);
            var exposed = int.Parse(Assert.Single(image.ExposedPorts).Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
            // The image listens where init read the app declares it (webapi: its launchSettings.json's random http port).
            Assert.Equal(Regex.Match(init.Output, @"(?m)^read: web app, .*, port (\d+)$").Groups[1].Value, exposed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (port is { } expected) Assert.Equal(expected, exposed);
            var status = await container.HttpStatusAsync(exposed);
            output.WriteLine($"{skeleton}: healthy {healthy.TotalSeconds:F1} s after start; GET / on {exposed} answered {status}");
            Assert.InRange(status, 200, 499);
        }
        else
        {
            Assert.Empty(image.ExposedPorts);
            var running = await container.WaitForLogAsync("Worker running at", HealthyWithin);
            output.WriteLine($"{skeleton}: logging {running.TotalSeconds:F1} s after start");
            Assert.Equal("running", await container.StateAsync());
        }
        // After the clock stopped: exporting the filesystem takes seconds on a busy machine.
        Assert.Empty(await container.PathsContainingAsync(".fluent-docker"));
        var users = await container.ProcessUsersAsync();
        Assert.NotEmpty(users);
        Assert.All(users, user => Assert.Equal(uid, user));
    }

    private static async Task MakeSkeletonAsync(string skeleton, string repo)
    {
        switch (skeleton)
        {
            case "webapi":
            case "worker":
                var project = skeleton == "webapi" ? "Api" : "Jobs";
                var created = LocalFeedRun("dotnet", repo, ["new", skeleton, "--name", project, "--output", ".", "--no-restore"]);
                Assert.True(created.ExitCode == 0, created.ToString());
                break;
            case "express":
                // express-generator as its README says (npx), in the lab's Node image: the host may have no npm.
                var (code, log) = await Shell(
                    $"docker run --rm -v \"{repo}:/app\" -w /app node:20-slim sh -c " +
                    "'npx --yes express-generator@4 --no-view --force . && npm install --no-audit --no-fund'");
                Assert.True(code == 0, log);
                break;
            case "go":
                Write(repo, "go.mod", "module example.com/hello\n\ngo 1.22\n");
                Write(repo, "main.go", """
                    package main

                    import (
                    	"fmt"
                    	"log"
                    	"net/http"
                    )

                    func main() {
                    	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "hello") })
                    	log.Fatal(http.ListenAndServe(":8080", nil))
                    }
                    """);
                break;
            case "python":
                // The standard library only, and no requirements.txt: init sets Dependencies = PythonDependencies.None.
                Write(repo, "server.py", """
                    import http.server
                    import os

                    PORT = int(os.environ.get("PORT", "8000"))

                    if __name__ == "__main__":
                        http.server.ThreadingHTTPServer(("", PORT), http.server.SimpleHTTPRequestHandler).serve_forever()
                    """);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(skeleton), skeleton, "no such skeleton");
        }
    }

    private static Packaging.ProcessRun LocalFeedRun(string fileName, string directory, string[] arguments) =>
        Packaging.LocalFeed.Run(fileName, directory, arguments, TimeSpan.FromMinutes(5));

    private static void Write(string repo, string path, string content) => File.WriteAllText(Path.Combine(repo, path), content);

    private static async Task<(int Code, string Output)> Shell(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A container of the built image with every exposed port published, removed on dispose.</summary>
    private sealed partial class Container : IAsyncDisposable
    {
        private Container(string id) => Id = id;

        public string Id { get; }

        /// <summary>Since <c>docker run</c> returned: the times to healthy are measured from here.</summary>
        private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

        public static async Task<Container> RunAsync(string image)
        {
            var (code, log) = await Shell($"docker run -d -P --label org.fluent-docker.test=skeleton {image}");
            Assert.True(code == 0, $"docker run failed: {log}");
            return new Container(log.Trim().Split('\n')[^1].Trim());
        }

        private static async Task<string> Docker(string arguments) => (await Shell($"docker {arguments}")).Output.Trim();

        public Task<string> StateAsync() => Docker($"inspect --format '{{{{.State.Status}}}}' {Id}");

        /// <summary>How long after the start the engine reports healthy; fails with the probe log and the app's output when not within <paramref name="limit"/>.</summary>
        public async Task<TimeSpan> WaitForHealthyAsync(TimeSpan limit)
        {
            while (_sinceStart.Elapsed < limit)
            {
                if (await Docker($"inspect --format '{{{{.State.Health.Status}}}}' {Id}") == "healthy") return _sinceStart.Elapsed;
                await Task.Delay(500);
            }
            throw new Xunit.Sdk.XunitException($"not healthy within {limit.TotalSeconds} s; health: {await Docker($"inspect --format '{{{{json .State.Health}}}}' {Id}")}\nlogs: {await Docker($"logs {Id} 2>&1")}");
        }

        public async Task<TimeSpan> WaitForLogAsync(string text, TimeSpan limit)
        {
            while (_sinceStart.Elapsed < limit)
            {
                if ((await Docker($"logs {Id} 2>&1")).Contains(text, StringComparison.Ordinal)) return _sinceStart.Elapsed;
                await Task.Delay(500);
            }
            throw new Xunit.Sdk.XunitException($"'{text}' not logged within {limit.TotalSeconds} s; state {await StateAsync()}; logs: {await Docker($"logs {Id} 2>&1")}");
        }

        /// <summary>The HTTP status of GET / on the host port published for <paramref name="containerPort"/>.</summary>
        public async Task<int> HttpStatusAsync(int containerPort)
        {
            var published = await Docker($"port {Id} {containerPort}/tcp");
            var hostPort = HostPort().Match(published) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"port {containerPort} not published: {published}");
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{hostPort}/"));
            return (int)response.StatusCode;
        }

        /// <summary>The numeric uid of every process in the container, as the host sees them.</summary>
        public async Task<IReadOnlyList<string>> ProcessUsersAsync() =>
            (await Docker($"top {Id} -o pid,uid")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();

        /// <summary>Every path of the container's filesystem that contains <paramref name="text"/> (read from docker export, so images without a shell work too).</summary>
        public async Task<IReadOnlyList<string>> PathsContainingAsync(string text)
        {
            var (code, listing) = await Shell($"docker export {Id} | tar -t");
            Assert.True(code == 0, listing);
            return listing.Split('\n').Where(path => path.Contains(text, StringComparison.Ordinal)).ToList();
        }

        public async ValueTask DisposeAsync() => await Shell($"docker rm -f {Id}");

        [GeneratedRegex(@":(\d+)\s*$", RegexOptions.Multiline)]
        private static partial Regex HostPort();
    }
}
