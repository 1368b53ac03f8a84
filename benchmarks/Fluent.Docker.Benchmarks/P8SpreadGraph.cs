using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P8: a 6-image graph (one base, five images built on it; linux/amd64 + linux/arm64), each image a spread build
/// (<see cref="SpreadBuild"/>: each platform built and stored by digest, then merged under its tag) — once with both
/// platforms on the default engine, once with linux/arm64 on the second engine (<c>lab-node2</c>). Same requests,
/// same orchestration, <c>--no-cache</c>, alternated. Reported as measured; no target: both engines share this
/// machine's 2 cores, so a second engine can only show what it saves in waiting, not in CPU.
/// </summary>
public sealed class P8SpreadGraph : IBenchmark
{
    private const int Rounds = 2;
    private const int Leaves = 5;
    private static readonly DockerContext SecondEngine = new("lab-node2");

    public string Name => "p8-spread-over-engines";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var one = new List<TimeSpan>();
        var two = new List<TimeSpan>();
        var oneEngine = new Dictionary<Platform, Buildx> { [Platform.LinuxAmd64] = context.Buildx, [Platform.LinuxArm64] = context.Buildx };
        var twoEngines = new Dictionary<Platform, Buildx> { [Platform.LinuxAmd64] = context.Buildx, [Platform.LinuxArm64] = context.Buildx.WithContext(SecondEngine) };
        for (var round = 1; round <= Rounds; round++)
        {
            // Alternate which goes first, so drift on a shared machine hits both alike.
            foreach (var twoFirst in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var engines = twoFirst ? twoEngines : oneEngine;
                var time = await GraphAsync(context, engines, $"{(twoFirst ? "two" : "one")}-{round}", cancellationToken);
                (twoFirst ? two : one).Add(time);
                context.Log.Report($"round {round}: {(twoFirst ? "two engines" : "one engine")} {Stats.Seconds(time)}");
            }
        }
        var ratio = Stats.Median(one) / Stats.Median(two);
        var summary = string.Create(CultureInfo.InvariantCulture, $"two engines {ratio:0.00}x the speed of one (one engine median {Stats.Seconds(Stats.Median(one))}, two engines median {Stats.Seconds(Stats.Median(two))}; measured, no target)");
        var markdown = new StringBuilder()
            .AppendLine("# P8: 6-image graph spread over two engines vs one").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Graph: a base image (busybox + one RUN) and {Leaves} images `FROM` it, each for linux/amd64 and linux/arm64.")
            .AppendLine("Each image is a spread build: every platform built on its engine and pushed to the lab registry by digest, then merged ")
            .AppendLine("under its tag with `imagetools create`; the base first, then the five others concurrently. Every build uses `--no-cache`.").AppendLine()
            .AppendLine("| | runs | median |").AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| one engine (both platforms on the default engine) | {Stats.List(one)} | {Stats.Seconds(Stats.Median(one))} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| two engines (linux/arm64 on `lab-node2`) | {Stats.List(two)} | {Stats.Seconds(Stats.Median(two))} |").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Two engines: {ratio:0.00}× the speed of one.**").AppendLine()
            .AppendLine("What this machine can show: both engines run on the same 2 cores, and arm64 runs under QEMU on both, so the ")
            .AppendLine("second engine adds no CPU. What it can change is the per-engine work that does not need CPU (sessions, base ")
            .AppendLine("lookups, exports and pushes serialised inside one daemon). On real hardware a native arm64 node removes QEMU, ")
            .AppendLine("which is where the large gain is; that cannot be measured here.")
            .ToString();
        return new BenchmarkReport(Name, MetTarget: true, summary, markdown);
    }

    private static async Task<TimeSpan> GraphAsync(BenchmarkContext context, IReadOnlyDictionary<Platform, Buildx> engines, string tag, CancellationToken cancellationToken)
    {
        var prefix = $"{context.Registry}/fluent-bench/{context.RunId}/p8";
        var baseTag = ImageReference.Parse($"{prefix}/base:{tag}");
        var clock = Stopwatch.StartNew();
        await SpreadBuild.BuildAsync(context.Buildx, Request(context, $"{tag}-base",
            Stage.Named("base").From("busybox:1.36").Run("mkdir -p /opt/base && uname -m > /opt/base/arch")), baseTag, engines, null, cancellationToken);
        await Task.WhenAll(Enumerable.Range(1, Leaves).Select(i => SpreadBuild.BuildAsync(context.Buildx, Request(context, $"{tag}-svc{i}",
                Stage.Named("svc").From(baseTag).Run("sleep 2").Run($"seq 1 2000 > /opt/svc{i}.txt").Cmd("cat", "/opt/base/arch")),
            ImageReference.Parse($"{prefix}/svc{i}:{tag}"), engines, null, cancellationToken)));
        return clock.Elapsed;
    }

    private static BuildRequest Request(BenchmarkContext context, string name, Stage stage)
    {
        var directory = Path.Combine(context.WorkDirectory, "p8", name);
        Dockerfile.Create(stage).WriteTo(Path.Combine(directory, "Dockerfile"));
        return new BuildRequest(directory).WithNoCache().WithProvenance(ProvenanceMode.None);
    }
}
