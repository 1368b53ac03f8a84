// Fluent.Docker build script. Run it through ./build.sh or ./build.ps1: they restore the pinned
// Cake.Tool, build FluentDocker.sln in Release (so the #r assemblies below exist) and then start
// `dotnet cake build/build.cake` with the arguments given.
//
//   ./build.sh                      Build -> Generate -> Images (the default)
//   ./build.sh --target=Test        unit + e2e tests (needs the lab: bash ../shared/lab/up.sh)
//   ./build.sh --target=Test --test-filter="Category!=E2E&Category!=Tool&Category!=Cake&Category!=Package&Category!=Fuzz"
//                                   the unit tests alone (no lab, no packing, no Cake)
//   ./build.sh --target=Clean
//   ./build.sh --target=Release --registry=127.0.0.1:5000 --version=1.2.3
//                                   every example pushed multi-arch as 1.2.3, 1.2, 1 and latest
//
// Cake resolves #r paths against this script's folder. They point at the Release output that
// build.sh/build.ps1 produce before Cake starts; the projects with NuGet dependencies set
// CopyLocalLockFileAssemblies so those sit beside them.
#r "../src/Fluent.Docker/bin/Release/net10.0/Fluent.Docker.dll"
#r "../src/Fluent.Docker.Buildx/bin/Release/net10.0/Fluent.Docker.Buildx.dll"
#r "../examples/Fluent.Docker.Examples/bin/Release/net10.0/Fluent.Docker.Examples.dll"
#r "../src/Fluent.Docker.Cake/bin/Release/net10.0/Fluent.Docker.Cake.dll"

using System.Xml.Linq;
using Fluent.Docker;
using Fluent.Docker.Examples;
using Fluent.Docker.Build;

//////////////////////////////////////////////////////////////////////
// ARGUMENTS
//////////////////////////////////////////////////////////////////////

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
// HOST:PORT of a registry to push the example images to; empty = no push.
var registry = Argument("registry", string.Empty);
// Tag pushed images get; the OCI archives carry no tag.
var imageTag = Argument("tag", "latest");
// Release version (semver), fanned out to 1.2.3, 1.2, 1, latest. Given as --version=1.2.3: build.sh/build.ps1 pass it
// on as --release-version, because Cake itself answers --version.
var releaseVersion = Argument("release-version", string.Empty);

//////////////////////////////////////////////////////////////////////
// PATHS (Cake's working directory is this script's folder: anchor everything at the repo root)
//////////////////////////////////////////////////////////////////////

var root = MakeAbsolute(Directory("..")).Collapse();
var solution = root.CombineWithFilePath("FluentDocker.sln");
var artifacts = root.Combine("artifacts");
var examples = root.Combine("examples");
var testResults = artifacts.Combine("test-results");
var testProject = root.CombineWithFilePath("tests/Fluent.Docker.Tests/Fluent.Docker.Tests.csproj");
const string TrxFileName = "Fluent.Docker.Tests.trx";
IReadOnlyList<BuiltImage> builtImages = Array.Empty<BuiltImage>();

//////////////////////////////////////////////////////////////////////
// CLEAN / BUILD / TEST
//////////////////////////////////////////////////////////////////////

Task("Clean")
    .Description("Deletes artifacts/ and the bin/obj folders of every project under src, tests and examples.")
    .Does(() =>
{
    var deleteSettings = new DeleteDirectorySettings { Recursive = true, Force = true };
    if (DirectoryExists(artifacts))
    {
        DeleteDirectory(artifacts, deleteSettings);
    }

    // Only bin/obj beside a project file: example app folders may have a bin/ of their own sources.
    foreach (var area in new[] { "src", "tests", "examples" })
    {
        foreach (var project in GetFiles($"{root}/{area}/*/*.csproj"))
        {
            foreach (var output in new[] { "bin", "obj" })
            {
                var dir = project.GetDirectory().Combine(output);
                if (DirectoryExists(dir))
                {
                    Information("Deleting {0}", root.GetRelativePath(dir));
                    DeleteDirectory(dir, deleteSettings);
                }
            }
        }
    }
});

// build.sh/build.ps1 build the solution before Cake starts (the #r assemblies above need it) and say which
// configuration they built, so Build runs only for another configuration or when Cake is started by hand.
var solutionBuilt = Argument("solution-built", string.Empty);

Task("Build")
    .Description("dotnet build FluentDocker.sln (skipped when build.sh/build.ps1 already built this configuration)")
    .WithCriteria(() => !string.Equals(solutionBuilt, configuration, StringComparison.OrdinalIgnoreCase), "build.sh already built this configuration")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
    });
});

// A dotnet test filter, e.g. --test-filter="Category!=E2E&Category!=Tool&Category!=Cake&Category!=Package&Category!=Fuzz"
// for the unit tests alone; empty = every test.
var testFilter = Argument("test-filter", string.Empty);

Task("Test")
    .Description("Runs the test project (unit + e2e; --test-filter=EXPR for a subset) and prints 'N passed, N failed'.")
    .IsDependentOn("Build")
    .Does(() =>
{
    if (DirectoryExists(testResults))
    {
        DeleteDirectory(testResults, new DeleteDirectorySettings { Recursive = true, Force = true });
    }
    EnsureDirectoryExists(testResults);

    var settings = new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        ResultsDirectory = testResults,
        Loggers = new[] { $"trx;LogFileName={TrxFileName}", "console;verbosity=normal" },
        EnvironmentVariables = new Dictionary<string, string>(),
        // A test stuck for this long is killed (and reported) instead of eating CI's whole budget.
        ArgumentCustomization = args => args
            .Append("--blame-hang-timeout").Append("30m")
            .Append("--blame-hang-dump-type").Append("none"),
    };
    if (!string.IsNullOrEmpty(testFilter))
    {
        settings.Filter = testFilter;
        Information("Test filter: {0}", testFilter);
    }
    // Without strict mode Snapshooter writes a missing snapshot and passes: on CI that hides a gap.
    if (!string.IsNullOrEmpty(EnvironmentVariable("CI")))
    {
        settings.EnvironmentVariables["SNAPSHOOTER_STRICT_MODE"] = "on";
        Information("CI is set: SNAPSHOOTER_STRICT_MODE=on");
    }

    // Run, but keep going on failure: the summary line must be printed either way.
    Exception runFailure = null;
    try
    {
        DotNetTest(testProject.FullPath, settings);
    }
    catch (Exception ex)
    {
        runFailure = ex;
    }

    var trx = testResults.CombineWithFilePath(TrxFileName);
    if (!FileExists(trx))
    {
        throw new Exception($"No test results at {trx}: the test run did not complete.", runFailure);
    }

    XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    var summary = XDocument.Load(trx.FullPath).Descendants(ns + "ResultSummary").Single();
    var counters = summary.Element(ns + "Counters");
    int Count(string name) => int.TryParse((string)counters?.Attribute(name), out var n) ? n : 0;
    var passed = Count("passed");
    // error/timeout/aborted are failures too, even though VSTest counts them apart.
    var failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted");

    // The one plain summary line CI reads; Console directly, so no log colouring or prefix.
    Console.Out.Flush();
    Console.WriteLine();
    Console.WriteLine($"{passed} passed, {failed} failed");
    Console.Out.Flush();

    if (failed > 0)
    {
        throw new Exception($"{failed} test(s) failed (see {root.GetRelativePath(trx)}).");
    }
    if (runFailure != null)
    {
        // e.g. the test host crashed: VSTest may then write no per-test results at all.
        throw new Exception($"The test run failed (outcome: {(string)summary.Attribute("outcome")}).", runFailure);
    }
    if (passed == 0)
    {
        throw new Exception("No test ran.");
    }
});

// ---- Pack ----

Task("Pack")
    .Description("Packs every package (Fluent.Docker, .Buildx, .Engine, .Workflow, .Display, .Import, .Cake) and the fluent-docker tool into artifacts/packages: dotnet tool install -g --add-source artifacts/packages fluent-docker.")
    .IsDependentOn("Build")
    .Does(() =>
{
    // One version for all (MinVer, from the git tag): the packages depend on each other at that version, and the scaffold
    // of fluent-docker init references the Fluent.Docker package of the tool's own version.
    var packable = new[] { "Fluent.Docker", "Fluent.Docker.Buildx", "Fluent.Docker.Engine", "Fluent.Docker.Workflow", "Fluent.Docker.Display", "Fluent.Docker.Import", "Fluent.Docker.Cake", "Fluent.Docker.Cli" };
    foreach (var project in packable.Select(name => $"src/{name}/{name}.csproj"))
    {
        DotNetPack(root.CombineWithFilePath(project).FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            OutputDirectory = artifacts.Combine("packages"),
        });
    }
});

// ---- Conformance ----

Task("Conformance")
    .Description("Runs every peer corpus (tests/corpora) and prints one line per corpus, NAME: passed/total; fails if any falls short. The last line, buildkit-check-differential, runs the lab engine's docker buildx build --call=check on every Dockerfile we have: it needs the lab (bash ../shared/lab/up.sh).")
    .IsDependentOn("Build")
    .Does(() =>
{
    var project = root.CombineWithFilePath("tests/Fluent.Docker.Conformance/Fluent.Docker.Conformance.csproj");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("run").Append("--project").AppendQuoted(project.FullPath)
            .Append("-c").Append(configuration).Append("--no-build").Append("--")
            .AppendQuoted(root.Combine("tests/corpora").FullPath),
    });
    if (exitCode != 0)
    {
        throw new Exception("A conformance corpus fell short (details above).");
    }
});

// ---- Lint ----

Task("Lint")
    .Description("Lints every example image (the model's problems and the rules of docs/rules), writes artifacts/lint/*.sarif, fails on an error.")
    .IsDependentOn("Build")
    .Does(() =>
{
    FluentDockerLint(ExampleCatalog.All, new FluentDockerLintSettings { SarifDirectory = artifacts.Combine("lint") });
});

// ---- Fuzz ----
// ./build.sh --target=Fuzz [--count=N] [--slots=K|all] [--seed=S]: the emit/parse safety property on N generated values,
// each through K typed slots (all by default). The normal test run does 100,000 values through 6 slots each.

var fuzzCount = Argument("count", 1_000_000);
var fuzzSlots = Argument("slots", "all");
var fuzzSeed = Argument("seed", 20_240_601);

Task("Fuzz")
    .Description("Fuzzes the emitter and parser: --count=N values (default 1,000,000) through --slots=K|all slots each; every value is rejected with a typed error or reads back equal.")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(testProject.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        Filter = "Category=Fuzz",
        Loggers = new[] { "console;verbosity=detailed" },
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["FLUENT_DOCKER_FUZZ_COUNT"] = fuzzCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FLUENT_DOCKER_FUZZ_SLOTS"] = fuzzSlots,
            ["FLUENT_DOCKER_FUZZ_SEED"] = fuzzSeed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    });
});

// ---- Bench ----

Task("Bench")
    .Description("Runs every benchmark in benchmarks/Fluent.Docker.Benchmarks against the lab (P5, P6, …) and writes artifacts/bench/*.md; fails if one misses its target.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var project = root.CombineWithFilePath("benchmarks/Fluent.Docker.Benchmarks/Fluent.Docker.Benchmarks.csproj");
    var arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted(project.FullPath)
        .Append("-c").Append(configuration).Append("--no-build").Append("--")
        .AppendQuoted(artifacts.Combine("bench").FullPath)
        .Append("--registry=" + (string.IsNullOrEmpty(registry) ? "127.0.0.1:5000" : registry));
    if (!string.IsNullOrEmpty(Argument("bench-filter", string.Empty))) arguments.Append("--filter=" + Argument<string>("bench-filter"));
    // --bench-apps=Node,.NET: the example apps P1 measures (all by default).
    if (!string.IsNullOrEmpty(Argument("bench-apps", string.Empty))) arguments.AppendQuoted("--apps=" + Argument<string>("bench-apps"));
    if (StartProcess("dotnet", new ProcessSettings { Arguments = arguments }) != 0)
    {
        throw new Exception("A benchmark missed its target or failed (see above and artifacts/bench/).");
    }
});

// ---- Generate / Images / Release ----

// The Fluent.Docker.Cake aliases (FluentDockerGenerate, FluentDockerLint, FluentDockerBuild, FluentDockerPush, …).
IReadOnlyList<GeneratedImage> GenerateExamples() =>
    FluentDockerGenerate(ExampleCatalog.All, new FluentDockerGenerateSettings { BaseDirectory = examples });

// Registry credentials, when the registry needs them, come from the environment only (never arguments or files).
void AddRegistryCredentials(IList<RegistryCredentials> credentials)
{
    if (!string.IsNullOrEmpty(EnvironmentVariable("FLUENT_DOCKER_REGISTRY_USER")))
    {
        credentials.Add(RegistryCredentials.FromEnvironment(registry, "FLUENT_DOCKER_REGISTRY_USER", "FLUENT_DOCKER_REGISTRY_PASSWORD"));
    }
}

Task("Generate")
    .Description("Lints each example's C# definition (the Lint task), then writes its Dockerfile and .dockerignore.")
    .IsDependentOn("Lint")
    .Does(() =>
{
    GenerateExamples();
    // The naive Dockerfiles examples keep for comparison (the seed exercise's Dockerfile.simple).
    foreach (var naive in NaiveImages.Committed)
    {
        naive.Value.WriteTo(examples.CombineWithFilePath(naive.Key).FullPath);
        Information("naive: examples/{0}", naive.Key);
    }
});

Task("Images")
    .Description("Builds every example for all its platforms: pushed with --registry=HOST:PORT, else OCI archives under artifacts/images/.")
    .IsDependentOn("Generate")
    .Does(async () =>
{
    var settings = new FluentDockerBuildSettings { Registry = registry, Tag = imageTag, ArchiveDirectory = artifacts.Combine("images") };
    AddRegistryCredentials(settings.Credentials);
    builtImages = await FluentDockerBuild(GenerateExamples(), settings);
});

Task("Release")
    .Description("Pushes every example multi-arch to --registry with the tags --version fans out to (1.2.3 -> 1.2.3, 1.2, 1, latest), OCI labels and SOURCE_DATE_EPOCH from git.")
    .IsDependentOn("Generate")
    .Does(async () =>
{
    if (string.IsNullOrEmpty(registry)) throw new Exception("Release needs --registry=HOST:PORT.");
    if (string.IsNullOrEmpty(releaseVersion)) throw new Exception("Release needs --version=MAJOR.MINOR.PATCH, e.g. --version=1.2.3.");
    var settings = new FluentDockerPushSettings { Registry = registry, Version = releaseVersion, SourceDirectory = root };
    AddRegistryCredentials(settings.Credentials);
    builtImages = await FluentDockerPush(GenerateExamples(), settings);
});

//////////////////////////////////////////////////////////////////////
// DEFAULT
//////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("Build -> Generate -> Images, then the summary of what was built.")
    .IsDependentOn("Build")
    .IsDependentOn("Generate")
    .IsDependentOn("Images")
    .Does(() =>
{
    // Plain Console: the table should read the same in a terminal and in a CI log.
    Console.WriteLine();
    Console.Write(BuiltImages.SummaryTable(builtImages, root.FullPath));
});

RunTarget(target);
