using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fluent.Docker.Build;
using Fluent.Docker.Release;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P6: a 6-image graph (one shared base, five images built on it; linux/amd64 + linux/arm64) built as one bake versus
/// six sequential <c>docker buildx build</c> runs in dependency order (the base pushed first, the others reading it
/// through a docker-image:// named context). Both push every image and use --no-cache. Target: bake ≥ 2× faster.
/// </summary>
public sealed class BakeVsSequentialBenchmark : IBenchmark
{
    private const int Rounds = 2;
    private const int Leaves = 5;

    public string Name => "p6-bake-vs-sequential";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var prefix = $"fluent-bench/{context.RunId}";
        var images = Graph(prefix).Select(d => d.WithContextDirectory(d.Name.Split('/')[^1]).Generate(Path.Combine(context.WorkDirectory, "p6"))).ToList();
        var sequential = new List<TimeSpan>();
        var bake = new List<TimeSpan>();
        var rerun = new List<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            sequential.Add(await MeasureAsync(context, tag => SequentialAsync(context, images, tag, cancellationToken), $"seq-{round}", rerun));
            context.Log.Report($"round {round}: sequential {Stats.Seconds(sequential[^1])}");
            bake.Add(await MeasureAsync(context, tag => BakeAsync(context, images, tag, cancellationToken), $"bake-{round}", rerun));
            context.Log.Report($"round {round}: bake {Stats.Seconds(bake[^1])}");
        }
        var speedup = Stats.Median(sequential) / Stats.Median(bake);
        var met = speedup >= 2.0;
        var summary = string.Create(CultureInfo.InvariantCulture, $"bake {speedup:0.00}x faster (sequential median {Stats.Seconds(Stats.Median(sequential))}, bake median {Stats.Seconds(Stats.Median(bake))}; target >= 2x)");
        var markdown = new StringBuilder()
            .AppendLine("# P6: 6-image graph, bake vs sequential builds").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Graph: `{prefix}/base` (busybox + one RUN) and {Leaves} images `FROM` it; each image for linux/amd64 and linux/arm64 (arm64 under QEMU).")
            .AppendLine("Each dependent image runs one step that waits 2 s (standing in for a dependency download: the lab has no network) and one that writes a file.")
            .AppendLine("Both ways use `--no-cache` and push every image to the lab registry.").AppendLine()
            .AppendLine("| | runs | median |").AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| sequential (`docker buildx build` × 6, dependency order) | {Stats.List(sequential)} | {Stats.Seconds(Stats.Median(sequential))} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| bake (one `docker buildx bake`, `target:` context) | {Stats.List(bake)} | {Stats.Seconds(Stats.Median(bake))} |").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"**Speed-up: {speedup:0.00}×** (target ≥ 2×): {(met ? "met" : "NOT met")}.").AppendLine()
            .AppendLine("Where it comes from: bake solves all six images in one BuildKit session, so the five dependents run concurrently ")
            .AppendLine("once the base is done and share one export/push phase; sequential builds pay a session, a base lookup and a push each, ")
            .AppendLine("one after the other. On this 2-core machine CPU-bound steps could overlap at most 2×; waiting steps overlap fully.")
            .AppendLine(rerun.Count == 0 ? "" : $"\nRun again after a transient registry error (the failed attempt's time is not counted): {string.Join("; ", rerun)}.")
            .ToString();
        return new BenchmarkReport(Name, met, summary, markdown);
    }

    // The lab registry (distribution 2.8 on a filesystem) now and then answers a HEAD of a tag being written with a 500
    // ("invalid checksum digest format"). That is the registry, not the build: such a round runs again under a fresh tag.
    private static async Task<TimeSpan> MeasureAsync(BenchmarkContext context, Func<string, Task<TimeSpan>> measure, string tag, List<string> rerun)
    {
        for (var attempt = 1; ; attempt++)
        {
            var attemptTag = attempt == 1 ? tag : $"{tag}-attempt{attempt}";
            try
            {
                return await measure(attemptTag);
            }
            catch (BuildxException e) when (attempt < 3 && PushRetry.IsTransient(e))
            {
                rerun.Add($"{attemptTag}: {e.ErrorLine}");
                context.Log.Report($"{attemptTag}: the registry failed ({e.ErrorLine}); measuring again");
            }
        }
    }

    private static IReadOnlyList<ImageDefinition> Graph(string prefix)
    {
        Platform[] platforms = [Platform.LinuxAmd64, Platform.LinuxArm64];
        var definitions = new List<ImageDefinition>
        {
            ImageDefinition.Create(prefix + "/base", Dockerfile.Create(Stage.Named("base").From("busybox:1.36")
                .Run("mkdir -p /opt/base && uname -m > /opt/base/arch"))).WithPlatforms(platforms),
        };
        for (var i = 1; i <= Leaves; i++)
            definitions.Add(ImageDefinition.Create($"{prefix}/svc{i}", Dockerfile.Create(Stage.Named("svc").From((ImageReference)(prefix + "/base"))
                    .Run("sleep 2")
                    .Run($"seq 1 2000 > /opt/svc{i}.txt")
                    .Cmd("cat", "/opt/base/arch")))
                .WithPlatforms(platforms));
        return definitions;
    }

    private static ImageReference Tag(BenchmarkContext context, ImageDefinition definition, string tag) => ImageReference.Parse($"{context.Registry}/{definition.Name}:{tag}");

    private static async Task<TimeSpan> SequentialAsync(BenchmarkContext context, IReadOnlyList<GeneratedImage> images, string tag, CancellationToken cancellationToken)
    {
        var order = ImageGraph.ToBake(images).BuildOrder().Select(t => images.Single(i => ImageGraph.TargetName(i.Definition) == t.Name)).ToList();
        var definitions = images.Select(i => i.Definition).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var image in order)
        {
            var request = ImageSetBuild.RequestFor(image).WithTags(Tag(context, image.Definition, tag)).WithOutput(BuildOutput.Push).WithNoCache();
            foreach (var (name, dependency) in ImageGraph.DependenciesOf(image.Definition, definitions))
                request = request.WithNamedContext(ImageReference.Parse(name), BuildContextSource.Image(Tag(context, dependency, tag)));
            await context.Buildx.BuildAsync(request, null, cancellationToken);
        }
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> BakeAsync(BenchmarkContext context, IReadOnlyList<GeneratedImage> images, string tag, CancellationToken cancellationToken)
    {
        var bake = ImageGraph.ToBake(images, (image, request) => request.WithTags(Tag(context, image.Definition, tag)).WithOutput(BuildOutput.Push).WithNoCache());
        var clock = Stopwatch.StartNew();
        await context.Buildx.BakeAsync(bake, null, cancellationToken);
        return clock.Elapsed;
    }
}
