using System.Diagnostics;
using Fluent.Docker.Build;
using Fluent.Docker.Examples;
using Fluent.Docker.Templates;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P2: an amd64+arm64 build of the Go example from cold caches, with the template (the toolchain on
/// <c>$BUILDPLATFORM</c>, cross-compiling) and with the same Dockerfile whose build stage runs on the target platform,
/// i.e. arm64 compiles under QEMU. Both use the same multi-platform Go image; cache mounts get fresh ids per build.
/// Only Go is measured: the lab has no arm64 Node, Python, JDK or .NET SDK image to run the QEMU variant with.
/// </summary>
public sealed class P2CrossCompile : LabBenchmark
{
    private const double Goal = 8;
    private const string SeedScript = "benchmarks/seed-golang-arm64.sh";

    public override string Name => "p2-cross-compile-vs-qemu";
    protected override string Title => "P2: amd64+arm64 build, cross-compiling template vs building under QEMU";

    protected override async Task<(string Body, IReadOnlyList<GoalResult> Goals)> MeasureAsync(BenchLab lab, CancellationToken cancellationToken)
    {
        var (goImage, seeding) = await MultiPlatformGoImageAsync(lab, cancellationToken);
        if (goImage is null)
            return (
                $"Not measured: no Go image for linux/arm64 in the lab, and seeding it failed ({seeding}). Run `sudo bash {SeedScript}` " +
                "(or `LAB_EXTRA_ARM64=1 bash ../shared/lab/up.sh` on a fresh lab), then the Bench target again.\n",
                [new GoalResult("P2 Go", $"≥ {Goal}× faster", "—", null, "no arm64 Go image")]);

        var options = new GoOptions { BuildImage = goImage, ContextDirectory = "go-hello" };
        var template = GoTemplate.Create(GoHello.Definition.Name, options);
        var underQemu = template.WithDockerfile(BuildOnTarget(template.Dockerfile));
        var cross = await BuildColdAsync(lab, GoHello.Definition, template, "cross", cancellationToken);
        var emulated = await BuildColdAsync(lab, GoHello.Definition, underQemu, "qemu", cancellationToken);
        var ratio = emulated.Total / cross.Total;

        var rows = new List<IReadOnlyList<string>>
        {
            Row("template: build stage on `$BUILDPLATFORM`, `GOARCH=$TARGETARCH`", cross),
            Row("same Dockerfile, build stage on the target platform (arm64 under QEMU)", emulated),
        };
        var markdown =
            $"Go example, linux/amd64 + linux/arm64 in one `docker buildx build --no-cache --push`, Go image `{goImage}` for both, " +
            "cache mounts with ids unique to each build (cold module and build caches).\n\n" +
            Markdown.Table(["Variant", "Total", "`go build` amd64", "`go build` arm64"], rows) +
            $"\nRatio (QEMU / cross): **{Markdown.Ratio(ratio)}** (goal ≥ {Goal}×).\n\n" +
            (seeding is null ? "" : $"The arm64 Go image was seeded for this run by `{SeedScript}` in {seeding} (not part of the timings).\n\n") +
            "Not measured: .NET, Node, Python, Java and the static site's Node build stage. Their QEMU variants need the toolchain " +
            "image for linux/arm64, which the lab does not have (`dotnet/sdk` is amd64 only; node, python and temurin are arm64 only " +
            "after `LAB_EXTRA_ARM64=1` on a fresh lab). The .NET template's arm64 cross-compile itself is proven by the e2e test " +
            "`DotNet_build_stage_cross_compiles_for_arm64_without_emulation`.\n";
        return (markdown, [new GoalResult("P2 Go", $"≥ {Goal}× faster", Markdown.Ratio(ratio), ratio >= Goal,
            ratio >= Goal ? null : "the ratio is bounded by QEMU's slowdown of the Go compiler on this host (the arm64 compile under emulation against the same compile run natively), and both builds compile the standard library from cold caches on 2 shared CPUs")]);
    }

    private sealed record ColdBuild(TimeSpan Total, TimeSpan? Amd64Compile, TimeSpan? Arm64Compile);

    private static IReadOnlyList<string> Row(string variant, ColdBuild build) =>
        [variant, Stats.Seconds(build.Total), build.Amd64Compile is { } a ? Stats.Seconds(a) : "—", build.Arm64Compile is { } b ? Stats.Seconds(b) : "—"];

    private static async Task<ColdBuild> BuildColdAsync(BenchLab lab, ImageDefinition example, ImageDefinition definition, string variant, CancellationToken cancellationToken)
    {
        var isolated = definition.WithDockerfile(WithFreshCacheIds(definition.Dockerfile, $"bench-{lab.RunId}-{variant}"));
        var generated = lab.Materialize(example, isolated, lab.NewDirectory("p2-" + variant));
        var request = ImageSetBuild.RequestFor(generated)
            .WithTags(lab.Tag("p2-" + variant))
            .WithOutput(BuildOutput.Push)
            .WithNoCache()
            .WithPull() // the docker driver would otherwise build FROM whatever copy of the tag the engine holds
            .WithProvenance(ProvenanceMode.None);
        lab.Log.Report($"P2 {variant}: building amd64+arm64 from cold caches");
        var (result, log) = await lab.BuildAsync(request, cancellationToken);
        var compiles = log.StepsRunning("go build");
        // The step text shows the expanded GOARCH; the label names the platform the step ran on (amd64 for both when cross-compiling).
        TimeSpan? Compile(string architecture) => compiles.FirstOrDefault(s => s.Instruction.Contains("GOARCH=" + architecture, StringComparison.Ordinal))?.Duration;
        lab.Log.Report($"P2 {variant}: {Stats.Seconds(result.Duration)}");
        return new ColdBuild(result.Duration, Compile("amd64"), Compile("arm64"));
    }

    /// <summary>The same Dockerfile with every stage that ran on <c>$BUILDPLATFORM</c> moved to the target platform.</summary>
    public static Dockerfile BuildOnTarget(Dockerfile file) =>
        Dockerfile.Create([.. file.Stages.Select(stage => stage.Platform == Platform.BuildPlatform ? Rebase(stage, null, i => i) : stage)]);

    /// <summary>Every cache mount gets an id under <paramref name="prefix"/>, so the build starts with empty caches.</summary>
    public static Dockerfile WithFreshCacheIds(Dockerfile file, string prefix) =>
        Dockerfile.Create([.. file.Stages.Select(stage => Rebase(stage, stage.Platform, instruction => instruction is RunInstruction run
            ? run with { Options = ValueList.From(run.Options.Select(o => o is CacheMount cache ? cache with { Id = $"{prefix}{cache.Target}" } : o)) }
            : instruction))]);

    private static Stage Rebase(Stage stage, Platform? platform, Func<Instruction, Instruction> map)
    {
        var declaration = stage.Name is null ? Stage.Unnamed() : Stage.Named(stage.Name);
        var rebased = stage.Base switch
        {
            BaseImage.Image image => declaration.From(image.Reference, platform),
            BaseImage.Scratch => declaration.FromScratch(platform),
            _ => throw new NotSupportedException("stages built on other stages are not rebased here"),
        };
        return stage.Instructions.Aggregate(rebased, (s, i) => s.Append(map(i)));
    }

    /// <summary>
    /// A Go 1.19 image with linux/arm64: the lab's golang:1.19 when it has one (LAB_EXTRA_ARM64=1 on a fresh lab), else
    /// lab-extra/golang:1.19, seeded by <see cref="SeedScript"/> when missing (the time it took is reported).
    /// </summary>
    private static async Task<(ImageReference? Image, string? Seeding)> MultiPlatformGoImageAsync(BenchLab lab, CancellationToken cancellationToken)
    {
        foreach (var candidate in new[] { $"{lab.Registry}/library/golang:1.19", $"{lab.Registry}/lab-extra/golang:1.19" })
            if (await HasArm64Async(lab, candidate, cancellationToken)) return (ImageReference.Parse(candidate), null);

        lab.Log.Report($"P2: no arm64 Go image; running {SeedScript}");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(lab.RepositoryRoot, SeedScript)]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var seeded = $"{lab.Registry}/lab-extra/golang:1.19";
        return process.ExitCode == 0 && await HasArm64Async(lab, seeded, cancellationToken)
            ? (ImageReference.Parse(seeded), Stats.Seconds(watch.Elapsed))
            : (null, $"exit {process.ExitCode}: {error.Trim().Split('\n').LastOrDefault()}");
    }

    private static async Task<bool> HasArm64Async(BenchLab lab, string image, CancellationToken cancellationToken)
    {
        try { return (await lab.Buildx.ImagetoolsPlatformsAsync(ImageReference.Parse(image), cancellationToken)).Contains(Platform.LinuxArm64); }
        catch (BuildxException) { return false; }
    }
}
