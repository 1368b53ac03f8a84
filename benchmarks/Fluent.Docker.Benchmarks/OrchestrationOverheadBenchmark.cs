using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P5: the same build run through <see cref="Buildx.BuildAsync"/> (validation, argument rendering, CliWrap, metadata
/// read-back) and as a raw <c>docker buildx build</c> process with the identical argument array, alternating, medians
/// compared. Target: overhead ≤ 3 %.
/// </summary>
public sealed class OrchestrationOverheadBenchmark : IBenchmark
{
    private const int Pairs = 7;

    public string Name => "p5-orchestration-overhead";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(context.WorkDirectory, "p5");
        Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("sleep 1 && seq 1 20000 > /numbers").Cmd("wc", "-l", "/numbers"))
            .WriteTo(Path.Combine(directory, "Dockerfile"));
        var request = new BuildRequest(directory)
            .WithPlatforms(Platform.LinuxAmd64)
            .WithNoCache()
            .WithProvenance(ProvenanceMode.None)
            .WithOutput(BuildOutput.OciArchive(Path.Combine(directory, "out.tar")));
        await context.Buildx.BuildAsync(request, null, cancellationToken); // warm-up: base image and builder state

        var ours = new List<TimeSpan>();
        var raw = new List<TimeSpan>();
        for (var pair = 0; pair < Pairs; pair++)
        {
            // Alternate which goes first, so drift on a shared machine hits both alike.
            if (pair % 2 == 0)
            {
                ours.Add(await OursAsync(context, request, cancellationToken));
                raw.Add(await RawAsync(request, directory, cancellationToken));
            }
            else
            {
                raw.Add(await RawAsync(request, directory, cancellationToken));
                ours.Add(await OursAsync(context, request, cancellationToken));
            }
        }
        var overhead = Stats.Median(ours) / Stats.Median(raw) - 1;
        var met = overhead <= 0.03;
        var summary = string.Create(CultureInfo.InvariantCulture, $"overhead {overhead:+0.0%;-0.0%} (Buildx.BuildAsync median {Stats.Seconds(Stats.Median(ours))}, raw median {Stats.Seconds(Stats.Median(raw))}; target <= 3%)");
        var markdown = new StringBuilder()
            .AppendLine("# P5: orchestration overhead vs a raw `docker buildx build`").AppendLine()
            .AppendLine("Build: busybox, one RUN (`sleep 1 && seq 1 20000`), linux/amd64, `--no-cache`, OCI archive output.")
            .AppendLine(CultureInfo.InvariantCulture, $"The raw run is `docker` started with exactly the argument array `BuildxArguments.For` renders; {Pairs} alternating pairs after a warm-up.").AppendLine()
            .AppendLine("| | runs | median |").AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| Fluent.Docker `Buildx.BuildAsync` | {Stats.List(ours)} | {Stats.Seconds(Stats.Median(ours))} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| raw `docker buildx build` | {Stats.List(raw)} | {Stats.Seconds(Stats.Median(raw))} |").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Overhead: {overhead:+0.0%;-0.0%}** (target ≤ 3 %): {(met ? "met" : "NOT met")}.")
            .ToString();
        return new BenchmarkReport(Name, met, summary, markdown);
    }

    private static async Task<TimeSpan> OursAsync(BenchmarkContext context, BuildRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await context.Buildx.BuildAsync(request, null, cancellationToken);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> RawAsync(BuildRequest request, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in BuildxArguments.For(request, Path.Combine(directory, "raw-metadata.json"))) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(stdout, stderr);
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0) throw new InvalidOperationException($"raw docker buildx build failed: {stderr.Result}");
        return elapsed;
    }
}
