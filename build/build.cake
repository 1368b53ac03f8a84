// Fluent.Docker build script. Run it through ./build.sh or ./build.ps1: they restore the pinned
// Cake.Tool, build FluentDocker.sln in Release (so the #r assemblies below exist) and then start
// `dotnet cake build/build.cake` with the arguments given.
//
//   ./build.sh                      Build -> Generate -> Images (the default)
//   ./build.sh --target=Test        unit + e2e tests (needs the lab: bash ../shared/lab/up.sh)
//   ./build.sh --target=Clean
//
// Cake resolves #r paths against this script's folder. They point at the Release output that
// build.sh/build.ps1 produce before Cake starts; both projects set CopyLocalLockFileAssemblies
// so their NuGet dependencies sit beside them.
#r "../src/Fluent.Docker/bin/Release/net10.0/Fluent.Docker.dll"
#r "../examples/Fluent.Docker.Examples/bin/Release/net10.0/Fluent.Docker.Examples.dll"

using System.Xml.Linq;
using Fluent.Docker;
using Fluent.Docker.Examples;
using Fluent.Docker.Build;
using Fluent.Docker.Linting;

//////////////////////////////////////////////////////////////////////
// ARGUMENTS
//////////////////////////////////////////////////////////////////////

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
// HOST:PORT of a registry to push the example images to; empty = no push.
var registry = Argument("registry", string.Empty);
// Tag pushed images get; the OCI archives carry no tag.
var imageTag = Argument("tag", "latest");

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

Task("Build")
    .Description("dotnet build FluentDocker.sln")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
    });
});

Task("Test")
    .Description("Runs the test project (unit + e2e) and prints 'N passed, N failed'.")
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

// ---- Conformance ----

Task("Conformance")
    .Description("Runs every peer corpus (tests/corpora) and prints one line per corpus, NAME: passed/total; fails if any falls short.")
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
    .Description("Lints every example image (rules in docs/rules); prints the findings, writes artifacts/lint/*.sarif, fails on an error.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var output = artifacts.Combine("lint");
    EnsureDirectoryExists(output);
    var errors = 0;
    foreach (var definition in ExampleCatalog.All)
    {
        var report = Linter.Lint(definition);
        var dockerfile = $"examples/{definition.ContextDirectory}/{definition.DockerfileName}";
        Information(report.ToText(dockerfile).TrimEnd());
        System.IO.File.WriteAllText(output.CombineWithFilePath(definition.Name.Replace('/', '-') + ".sarif").FullPath, report.ToSarif(dockerfile));
        errors += report.Errors.Count();
    }
    if (errors > 0)
    {
        throw new Exception($"{errors} lint error(s) in the examples (details above).");
    }
});

// ---- Generate / Images ----
// TODO(lead): bodies against the Fluent.Docker API and the examples in Fluent.Docker.Examples.

Task("Generate")
    .Description("Writes each example's Dockerfile and .dockerignore from its C# definition.")
    .IsDependentOn("Build")
    .Does(() =>
{
    foreach (var definition in ExampleCatalog.All)
    {
        var generated = definition.Generate(examples.FullPath);
        Information("{0}: {1}, {2}", definition.Name,
            root.GetRelativePath(File(generated.DockerfilePath).Path.MakeAbsolute(root)),
            root.GetRelativePath(File(generated.DockerIgnorePath).Path.MakeAbsolute(root)));
    }
});

Task("Images")
    .Description("Builds every example for all its platforms: pushed with --registry=HOST:PORT, else OCI archives under artifacts/images/.")
    .IsDependentOn("Generate")
    .Does(async () =>
{
    var generated = ExampleCatalog.All.Select(d => d.Generate(examples.FullPath)).ToList();
    ImageDestination destination = string.IsNullOrEmpty(registry)
        ? new ImageDestination.OciArchives(artifacts.Combine("images").FullPath)
        : new ImageDestination.Registry(registry, imageTag);
    Information("Building {0} image(s) -> {1}", generated.Count, destination);
    var log = new Progress<string>(line => Verbose(line));
    builtImages = await ImageSetBuild.RunAsync(generated, destination, new Buildx(), log);
    Information("{0}", ImageSetBuild.SummaryTable(builtImages, root.FullPath));
});

//////////////////////////////////////////////////////////////////////
// DEFAULT
//////////////////////////////////////////////////////////////////////

Task("Default")
    .Description("Build -> Generate -> Images, then the summary of what was built.")
    .IsDependentOn("Build")
    .IsDependentOn("Lint")
    .IsDependentOn("Generate")
    .IsDependentOn("Images")
    .Does(() =>
{
    // Plain Console: the table should read the same in a terminal and in a CI log.
    Console.WriteLine();
    Console.Write(ImageSetBuild.SummaryTable(builtImages, root.FullPath));
});

RunTarget(target);
