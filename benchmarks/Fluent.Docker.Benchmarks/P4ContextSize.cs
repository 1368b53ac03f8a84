using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P4: bytes of build context buildx sends, with the template's generated .dockerignore and without any, for each example
/// app inside a realistic working copy: git history, local secrets and editor folders, and the language's own clutter
/// (bin/obj, node_modules, virtualenvs, build output). Each build uses a fresh copy in a folder of a new name: buildx
/// re-sends only files that changed since the last build from a folder of the same name, and a first build is what a
/// CI checkout pays.
/// </summary>
public sealed class P4ContextSize : LabBenchmark
{
    private const double Goal = 10;

    public override string Name => "p4-context-size";
    protected override string Title => "P4: build context, generated .dockerignore vs none";

    protected override async Task<(string Body, IReadOnlyList<GoalResult> Goals)> MeasureAsync(BenchLab lab, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        var goals = new List<GoalResult>();
        foreach (var app in BenchApp.All)
        {
            lab.Log.Report($"P4 {app.Language}");
            var withIgnore = await ContextBytesAsync(lab, app, app.Example, cancellationToken);
            var without = await ContextBytesAsync(lab, app, app.Example.WithIgnore(DockerIgnore.Empty), cancellationToken);
            var ratio = (double)without / withIgnore;
            rows.Add([app.Language, Clutter.Describe(app.Language), Markdown.Bytes(without), Markdown.Bytes(withIgnore), Markdown.Ratio(ratio)]);
            goals.Add(new GoalResult($"P4 {app.Language}", $"≥ {Goal}× less context", Markdown.Ratio(ratio), ratio >= Goal,
                ratio >= Goal ? null : WhyMissed(app)));
        }
        var markdown =
            "Each example app is copied into a working copy that also holds what developers' trees hold (the same deterministic " +
            "pseudo-random files every run), then built for linux/amd64 twice from fresh copies: with the template's generated " +
            ".dockerignore, and with none, each as a first build (a CI checkout; later builds from the same folder send only changed files). " +
            "Bytes are buildx's `transferring context` total (rounded by buildx to about 4 digits). The Java template copies only `src/`, " +
            "so BuildKit sends only that folder whatever the .dockerignore says; the other templates copy the whole context (`COPY . .`).\n\n" +
            Markdown.Table(["App", "Clutter in the working copy", "Context without .dockerignore", "Context with the generated .dockerignore", "Reduction"], rows);
        return (markdown, goals);
    }

    private static string WhyMissed(BenchApp app) => app.Example.Dockerfile.Stages
        .SelectMany(s => s.Instructions).OfType<CopyInstruction>().Any(c => c.From is null && c.Sources.Any(p => p.ToString() == "."))
        ? "the ignored clutter is small next to the app"
        : "the template copies named folders only, so BuildKit never sends the clutter: the .dockerignore has nothing left to save";

    private static async Task<long> ContextBytesAsync(BenchLab lab, BenchApp app, ImageDefinition definition, CancellationToken cancellationToken)
    {
        // buildx keys its incremental context transfer on the context folder's name: a unique name makes it a first build.
        var fresh = definition.WithPlatforms(Platform.LinuxAmd64).WithContextDirectory("ctx-" + Guid.NewGuid().ToString("N"));
        var generated = lab.Materialize(app.Example, fresh, lab.NewDirectory("p4"));
        Clutter.Write(generated.ContextDirectory, app.Language);
        var request = ImageSetBuild.RequestFor(generated)
            .WithTags(lab.Tag("p4-" + app.Example.Name))
            .WithOutput(BuildOutput.Load(containerdImageStore: true))
            .WithProvenance(ProvenanceMode.None);
        var (_, log) = await lab.BuildAsync(request, cancellationToken);
        return log.ContextBytes ?? throw new InvalidOperationException($"buildx printed no context transfer for {app.Example.Name}.");
    }
}

/// <summary>What a working copy holds besides the app, per language; file contents are seeded pseudo-random bytes (incompressible, the same every run).</summary>
internal static class Clutter
{
    private static readonly (string Path, int Files, int BytesEach)[] Common =
    [
        (".git/objects/pack/pack-0001.pack", 1, 24_000_000),
        (".git/objects/ab", 400, 2_000),
        (".idea/workspace", 20, 3_000),
        (".env", 1, 200),
    ];

    private static readonly Dictionary<string, (string Path, int Files, int BytesEach)[]> ByLanguage = new()
    {
        ["Go"] = [("bin/go-hello", 1, 9_000_000), ("coverage.out", 1, 200_000)],
        ["Python"] = [(".venv/lib/python3.11/site-packages/pkg", 1_500, 6_000), ("__pycache__/app.cpython-311.pyc", 1, 9_000), (".pytest_cache/v/cache", 10, 500)],
        ["Node"] = [("node_modules/pkg", 3_000, 4_000), ("dist/server.js", 1, 3_000), ("coverage/lcov", 20, 5_000)],
        ["Java"] = [("target/classes/example", 200, 6_000), ("target/java-web.jar", 1, 2_000_000), (".gradle/caches", 50, 40_000)],
        [".NET"] = [("bin/Debug/net10.0/lib", 60, 150_000), ("obj/Debug/net10.0/obj", 200, 20_000), ("bin/Release/net10.0/publish/lib", 60, 150_000)],
        ["Static site"] = [("node_modules/pkg", 3_000, 4_000), ("dist/asset", 30, 20_000), (".cache/parcel", 100, 10_000)],
    };

    public static string Describe(string language) =>
        string.Join(", ", Common.Concat(ByLanguage[language]).Select(c => c.Path.Split('/')[0]).Distinct().Select(p => $"`{p}`"));

    public static void Write(string directory, string language)
    {
        var random = new Random(20260401);
        foreach (var (path, files, bytesEach) in Common.Concat(ByLanguage[language]))
        {
            for (var i = 0; i < files; i++)
            {
                var file = Path.Combine(directory, files == 1 ? path : $"{path}/{i:D5}.bin");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                var content = new byte[bytesEach];
                random.NextBytes(content);
                File.WriteAllBytes(file, content);
            }
        }
    }
}
