using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fluent.Docker.Build;

namespace Fluent.Docker.Benchmarks;

/// <summary>
/// P1: a code-only change (a comment appended to the app's source), rebuilt with the template image and with the naive
/// Dockerfile of the same app, side by side: both warmed once, then <see cref="Rounds"/> alternating change → rebuild
/// rounds. Reports the median rebuild times, their ratio, and how many dependency steps re-ran (read from the typed
/// build events of each rebuild). Apps with real dependencies (Node: npm, .NET: NuGet) aim at 10×, the dependency-free
/// ones at 5×; every app's template must re-run no dependency step. <c>--apps=Node,.NET</c> measures some apps only.
/// </summary>
public sealed class P1CodeOnlyRebuild : LabBenchmark
{
    private const int Rounds = 3;
    private const double Goal = 5;
    private const double RealDependenciesGoal = 10;

    public override string Name => "p1-code-only-rebuild";
    protected override string Title => "P1: code-only rebuild, template vs naive Dockerfile";

    protected override async Task<(string Body, IReadOnlyList<GoalResult> Goals)> MeasureAsync(BenchLab lab, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        var goals = new List<GoalResult>();
        var breakdowns = new StringBuilder();
        foreach (var app in BenchApp.Selected(lab.Apps))
        {
            var root = lab.NewDirectory("p1-" + app.Language.Replace(' ', '-').Replace(".", "", StringComparison.Ordinal).ToLowerInvariant());
            var template = lab.Materialize(app.Example, app.Example.WithContextDirectory("template"), root);
            var naive = lab.Materialize(app.Example, BenchLab.NaiveOf(app.Example).WithContextDirectory("naive"), root);
            var templateRequest = Request(lab, template, "p1-template-" + app.Example.Name);
            var naiveRequest = Request(lab, naive, "p1-naive-" + app.Example.Name);

            lab.Log.Report($"P1 {app.Language}: warming both images");
            await lab.BuildAsync(templateRequest, cancellationToken);
            await lab.BuildAsync(naiveRequest, cancellationToken);

            var templateTimes = new List<TimeSpan>();
            var naiveTimes = new List<TimeSpan>();
            int templateDeps = 0, naiveDeps = 0;
            var naiveDependencyTimes = new List<TimeSpan>();
            var templateSteps = new StepBreakdown();
            var naiveSteps = new StepBreakdown();
            for (var round = 1; round <= Rounds; round++)
            {
                app.ChangeCode(template.ContextDirectory, $"{lab.RunId}-{round}");
                var clock = Stopwatch.StartNew();
                var (t, tLog) = await lab.BuildAsync(templateRequest, cancellationToken);
                var templateCall = clock.Elapsed;
                app.ChangeCode(naive.ContextDirectory, $"{lab.RunId}-{round}");
                clock.Restart();
                var (n, nLog) = await lab.BuildAsync(naiveRequest, cancellationToken);
                var naiveCall = clock.Elapsed;
                templateTimes.Add(t.Duration);
                naiveTimes.Add(n.Duration);
                templateDeps += BenchApp.DependencyStepsRun(tLog, app.TemplateDependencySteps);
                naiveDeps += BenchApp.DependencyStepsRun(nLog, app.NaiveDependencySteps);
                naiveDependencyTimes.Add(BenchApp.DependencyStepTime(nLog, app.NaiveDependencySteps));
                templateSteps.Add(t.Duration, templateCall, tLog);
                naiveSteps.Add(n.Duration, naiveCall, nLog);
                lab.Log.Report($"P1 {app.Language} round {round}: template {Stats.Seconds(t.Duration)}, naive {Stats.Seconds(n.Duration)}");
            }

            var templateMedian = Stats.Median(templateTimes);
            var naiveMedian = Stats.Median(naiveTimes);
            var ratio = naiveMedian / templateMedian;
            var hasDependencySteps = app.TemplateDependencySteps.Count > 0;
            var naiveDependencyMedian = Stats.Median(naiveDependencyTimes);
            breakdowns.Append(CultureInfo.InvariantCulture, $"\n### Where the {app.Language} rebuilds spend their time\n\n").Append(StepBreakdown.Table(templateSteps, naiveSteps));
            rows.Add([
                app.Language,
                Stats.Seconds(templateMedian),
                Stats.Seconds(naiveMedian),
                Markdown.Ratio(ratio),
                hasDependencySteps ? $"{templateDeps}/{Rounds}" : "n/a",
                app.NaiveDependencySteps.Count > 0 ? $"{naiveDeps}/{Rounds}" : "n/a",
                app.NaiveDependencySteps.Count > 0 ? Stats.Seconds(naiveDependencyMedian) : "n/a",
                app.DependencyNote ?? "",
            ]);
            var goal = app.RealDependencies ? RealDependenciesGoal : Goal;
            goals.Add(new GoalResult($"P1 {app.Language}", $"≥ {goal}× faster", Markdown.Ratio(ratio), ratio >= goal,
                ratio >= goal ? null : WhyMissed(app, hasDependencySteps, templateDeps, templateMedian, naiveMedian, naiveDependencyMedian, goal)));
            if (hasDependencySteps)
                goals.Add(new GoalResult($"P1 {app.Language} dependency steps", "0 re-run by the template", $"{templateDeps} of {Rounds} rebuilds", templateDeps == 0));
        }

        var markdown =
            $"Each app is built once with its template image and once with its naive Dockerfile (warm-up), then {Rounds} rounds of: " +
            "append a comment to the app's source, rebuild the template image, do the same to the naive copy, rebuild the naive image " +
            "(linux/amd64, loaded into the engine, wall-clock time of `docker buildx build`). Times are medians. " +
            "\"Dependency steps re-run\" counts, over the rounds, the dependency steps (`pip install`, `npm ci`, `go mod download`, " +
            "`dotnet restore`) that did not come from the cache; \"naive time in them\" is the median time those steps took in the naive rebuilds " +
            "(for Go and .NET the naive step also compiles the app, which the template does too). The machine's 2 CPUs are shared, " +
            "so single timings are noisy.\n\n" +
            Markdown.Table(["App", "Template rebuild", "Naive rebuild", "Naive / template", "Template dependency steps re-run", "Naive dependency steps re-run", "Naive time in them", "Note"], rows) +
            "\nNode (express, helmet) and .NET (Cronos, Humanizer.Core) install real packages from npm and NuGet, so the naive rebuild " +
            "downloads them again; Python, Go, Java and the static site are dependency-free here (their registries are not reachable from " +
            "the lab's builds), so their naive dependency steps cost seconds and their ratios are a lower bound.\n" +
            "\nThe tables below split the rebuilds by step (from the vertex times in the build events): a row is a step that ran " +
            "in some round (cached ones take no time), and what is left of the buildx process's wall time is its own start, the " +
            "session with BuildKit and the gaps between steps. The ratio is (work both rebuilds do + the naive image's dependency " +
            "step and its larger export) / (work both rebuilds do). The change is a comment: where the app's build drops comments " +
            "(node-web's build.js does), the template's runtime layer stays cached, and a real code change adds its copy and a larger export " +
            "(tenths of a second) to the template's rebuild.\n" + breakdowns;
        return (markdown, goals);
    }

    private static BuildRequest Request(BenchLab lab, GeneratedImage image, string name) =>
        ImageSetBuild.RequestFor(image)
            .WithTags(lab.Tag(name))
            .WithOutput(BuildOutput.Load(containerdImageStore: true))
            .WithProvenance(ProvenanceMode.None);

    private static string WhyMissed(BenchApp app, bool hasDependencySteps, int templateDeps, TimeSpan template, TimeSpan naive, TimeSpan naiveDependencyStep, double goal)
    {
        if (!hasDependencySteps) return "no dependency step to skip (javac only): both rebuilds compile the same code";
        if (templateDeps > 0) return "the template re-ran a dependency step (see the table)";
        // naive = (naive - its dependency step) + its dependency step; the goal needs naive >= goal × template.
        var otherNaiveWork = naive - naiveDependencyStep;
        var neededStep = template * goal - otherNaiveWork;
        var arithmetic = string.Create(CultureInfo.InvariantCulture,
            $"ratio = naive / template = ({Stats.Seconds(otherNaiveWork)} of other work + {Stats.Seconds(naiveDependencyStep)} dependency step) / {Stats.Seconds(template)}; " +
            $"{goal}× needs a dependency step of about {Stats.Seconds(neededStep)} ({goal}× the template rebuild minus the naive image's other work), " +
            $"{(naiveDependencyStep > TimeSpan.Zero ? (neededStep / naiveDependencyStep).ToString("0.0", CultureInfo.InvariantCulture) : "∞")}× the measured one");
        return app.RealDependencies
            ? $"the naive image's skipped work (its dependency step) is small next to the work both rebuilds share: starting buildx, sending the context, building the app and exporting the image ({app.DependencyNote}); {arithmetic}"
            : $"the naive image's skipped work is small here: the app has no dependencies to download, and both images still compile/copy the code ({app.DependencyNote ?? "dependency step takes seconds offline"}); {arithmetic}";
    }
}
