using Fluent.Docker.Examples;
using Fluent.Docker.Templates;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P3: the final image of each template example against the naive single-stage image of the same app (linux/amd64),
/// in compressed bytes (the registry manifest: what a pull transfers) and unpacked bytes (the layers' sizes on disk).
/// The Java template is measured twice: its default JRE runtime (the seeds' "builder → JRE") and its jlink runtime; the
/// .NET template twice too: framework-dependent on aspnet (the default) and NativeAOT on a runtime-deps base built from
/// Debian packages in the same run (<see cref="DotnetRuntimeDeps"/>).
/// </summary>
public sealed class P3ImageSize : LabBenchmark
{
    /// <summary>The goals: how much smaller than naive, per language.</summary>
    private static readonly Dictionary<string, double> Goals = new() { ["Go"] = 0.97, ["Python"] = 0.60, [".NET"] = 0.65, ["Java"] = 0.25 };

    /// <summary>The small .NET variant's goal (issue 14): at least 85% smaller than the naive SDK-based image.</summary>
    private const double DotNetSmallGoal = 0.85;

    private const string DotNetSmallVariant = "NativeAOT on runtime-deps from Debian packages";

    public override string Name => "p3-image-size";
    protected override string Title => "P3: final image size, template vs naive single-stage image";

    protected override async Task<(string Body, IReadOnlyList<GoalResult> Goals)> MeasureAsync(BenchLab lab, CancellationToken cancellationToken)
    {
        var candidates = BenchApp.All.Select(a => (a.Language, Variant: "template default", a.Example, Definition: a.Example)).ToList();
        candidates.Add(("Java", "jlink runtime (java.base, jdk.httpserver)", JavaWeb.Definition, JavaTemplate.Create(JavaWeb.Definition.Name + "-jlink", JavaWeb.Options with
        {
            JavaVersion = 17, // the lab's 21-jdk is trixie-built (glibc 2.41): its jlinked runtime needs a trixie base the lab lacks
            Runtime = new JavaRuntime.Jlink(["java.base", "jdk.httpserver"]),
        })));

        // The small .NET variant's base is built and pushed first: the lab's own dotnet/runtime-deps is a whole Debian minbase.
        lab.Log.Report("P3 .NET runtime-deps base from Debian packages");
        var baseDirectory = lab.NewDirectory("p3-runtime-deps");
        Directory.CreateDirectory(Path.Combine(baseDirectory, DotnetRuntimeDeps.Definition.ContextDirectory));
        var runtimeDeps = (await lab.PushAsync([DotnetRuntimeDeps.Definition.Generate(baseDirectory)], cancellationToken)).Single();
        candidates.Add((".NET", DotNetSmallVariant, DotnetApi.Definition, DotnetApiAot.Create(ImageReference.Parse(runtimeDeps.Location))));

        var rows = new List<IReadOnlyList<string>>();
        var goals = new List<GoalResult>();
        var naiveSizes = new Dictionary<string, (long Compressed, long Unpacked)>();
        foreach (var (language, variant, example, definition) in candidates)
        {
            lab.Log.Report($"P3 {language} ({variant})");
            if (!naiveSizes.TryGetValue(example.Name, out var naive))
            {
                var naiveImage = (await lab.PushAsync([lab.Materialize(example, BenchLab.NaiveOf(example), lab.NewDirectory("p3-naive"))], cancellationToken)).Single();
                naive = naiveSizes[example.Name] = (naiveImage.CompressedBytes, await lab.UnpackedBytesAsync(ImageReference.Parse(naiveImage.Location), cancellationToken));
            }
            var built = (await lab.PushAsync([lab.Materialize(example, definition.WithPlatforms(Platform.LinuxAmd64), lab.NewDirectory("p3"))], cancellationToken)).Single();
            var unpacked = await lab.UnpackedBytesAsync(ImageReference.Parse(built.Location), cancellationToken);
            var compressedSaving = 1 - (double)built.CompressedBytes / naive.Compressed;
            var unpackedSaving = 1 - (double)unpacked / naive.Unpacked;
            rows.Add([language, variant, Markdown.Bytes(naive.Compressed), Markdown.Bytes(built.CompressedBytes), Markdown.Percent(compressedSaving),
                Markdown.Bytes(naive.Unpacked), Markdown.Bytes(unpacked), Markdown.Percent(unpackedSaving)]);
            if ((variant == DotNetSmallVariant ? DotNetSmallGoal : Goals.GetValueOrDefault(language)) is var goal and > 0)
            {
                var met = compressedSaving >= goal && unpackedSaving >= goal;
                goals.Add(new GoalResult($"P3 {language} ({variant})", $"≥ {Markdown.Percent(goal)} smaller",
                    $"{Markdown.Percent(compressedSaving)} compressed, {Markdown.Percent(unpackedSaving)} unpacked", met,
                    met ? null : WhyMissed(language, variant)));
            }
        }

        var markdown =
            "Each example's template image and the naive single-stage image of the same app (`NaiveImages`: the toolchain image, " +
            "`COPY . .`, build, shell-form CMD), built for linux/amd64 and pushed to the lab registry. *Compressed* is the sum of the " +
            "manifest's layer and config sizes (what a pull transfers); *unpacked* is the sum of the image history's layer sizes " +
            "(what the image takes on disk). A goal counts as met when both measures meet it.\n\n" +
            Markdown.Table(["Language", "Variant", "Naive (compressed)", "Template (compressed)", "Smaller by", "Naive (unpacked)", "Template (unpacked)", "Smaller by"], rows) +
            "\nNode has no goal: the lab has only slim Node images (node:20-slim), so the naive Dockerfile runs on the same slim image and there is " +
            "nothing left to save (the template's gain is the layer order and the non-root user, not size). " +
            $"The .NET {DotNetSmallVariant} row is `DotNetRuntimeVariant.NativeAot` on `examples/dotnet-runtime-deps` ({Markdown.Bytes(runtimeDeps.CompressedBytes)} compressed): " +
            "glibc, libstdc++, zlib, OpenSSL, tzdata, CA roots and bash unpacked from bookworm's packages onto scratch, built in the same run; " +
            "its goal is 85%. " +
            "The lab's base images are not the official ones: they are Debian bookworm minbase images with the distribution's packages " +
            "(python3, nodejs, openjdk-17) and the host's .NET installation, so absolute sizes and ratios differ from Docker Hub's and MCR's.\n";
        return (markdown, goals);
    }

    private static string WhyMissed(string language, string variant) => (language, variant) switch
    {
        ("Java", "template default") => "the lab's JRE image (Debian openjdk-17-jre-headless) is most of the JDK image's size; the jlink runtime row shows the option that meets it",
        (".NET", DotNetSmallVariant) => "see the table: the base and the binary are what is left",
        (".NET", _) => "the lab's aspnet image is the host's .NET runtime on a minbase with ICU, close to a third of the SDK image; the NativeAOT row shows the option that meets the small-variant goal",
        ("Python", _) => "python:3.11-slim in the lab carries pip, setuptools and venv from Debian; the runtime cannot drop what its base image has",
        _ => "see the table",
    };
}
