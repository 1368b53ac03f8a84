using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Linting;
using Fluent.Docker.Pinning;
using Fluent.Docker.Release;
using Fluent.Docker.Workflow;
using NJsonSchema;

namespace Fluent.Docker.Tests.Workflow;

/// <summary>
/// The workflow layer's pure half and typed results: names composed once, the one request factory, the plan's
/// pre-flight refusals, lock runs on a lock that already answers, lint runs (text, JSON, one merged SARIF run),
/// generation with lock pinning, and the tables. The docker-driven half is proved by the Cake, CLI and release E2E tests.
/// </summary>
public sealed class WorkflowResultTests : IDisposable
{
    private const string Sloppy = "FROM debian\nRUN cd /src && apt-get install curl\nCMD /app --serve\n";
    private const string Other = "FROM alpine:latest\nUSER 1000\nHEALTHCHECK NONE\nCMD [\"true\"]\n";
    private const string BusyboxDigest = "sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    private readonly string _root = Directory.CreateTempSubdirectory("fluent-workflow-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ImageDefinition Hello(string name = "team/hello") =>
        ImageDefinition.Create(name, Dockerfile.Create(Stage.Named("app").From("busybox:1.36").User(UserSpec.Id(10001, 10001)).Cmd("true")))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);

    private WorkflowImage Image(string name = "team/hello") => WorkflowImage.From(Hello(name), _root);

    private string LockWithAmd64Only()
    {
        var path = Path.Combine(_root, ImageLock.FileName);
        ImageLock.Empty.With(new LockedImage(ImageReference.Parse("busybox:1.36"), BusyboxDigest, ValueList.Of(Platform.LinuxAmd64))).Save(path);
        return path;
    }

    // ---- names and requests

    [Theory]
    [InlineData("127.0.0.1:5000", "team/app", "1.2", "127.0.0.1:5000/team/app:1.2")]
    [InlineData("127.0.0.1:5000/", "team/app", "1.2", "127.0.0.1:5000/team/app:1.2")]
    [InlineData("registry.example:443/ns", "app", "latest", "registry.example:443/ns/app:latest")]
    [InlineData(null, "team/app", "dev", "team/app:dev")]
    [InlineData("", "team/app", null, "team/app")]
    public void ImageReference_Of_composes_registry_name_and_tag(string? registry, string name, string? tag, string expected) =>
        Assert.Equal(expected, ImageReference.Of(registry, name, tag).ToString());

    [Fact]
    public void ImageReference_Of_refuses_a_bad_tag_or_a_name_that_carries_one()
    {
        var badTag = Assert.Throws<DockerValueException>(() => ImageReference.Of("127.0.0.1:5000", "team/app", "-nope"));
        var tagged = Assert.Throws<DockerValueException>(() => ImageReference.Of("127.0.0.1:5000", "team/app:1", "2"));
        var badName = Assert.Throws<DockerValueException>(() => ImageReference.Of("127.0.0.1:5000", "Team/App", "1"));

        Assert.Equal(ImageReferenceError.TagInvalidFormat, badTag.Problem.Kind);
        Assert.Contains("already carries a tag or digest", tagged.Message);
        Assert.Contains("registry '127.0.0.1:5000', name 'Team/App'", badName.Message);
    }

    [Fact]
    public void Destinations_name_images_through_one_composer()
    {
        var registry = new ImageDestination.Registry("127.0.0.1:5000", "1.2.3") { MoreTags = ["1.2", "1.2.3"] };
        var engine = new ImageDestination.Engine(null, []);
        var archives = new ImageDestination.OciArchives("/out");

        Assert.Equal(["127.0.0.1:5000/team/app:1.2.3", "127.0.0.1:5000/team/app:1.2"], registry.ReferencesFor("team/app").Select(r => r.ToString()));
        Assert.Equal(["team/app:latest"], engine.ReferencesFor("team/app").Select(r => r.ToString()));
        Assert.Empty(archives.ReferencesFor("team/app"));
        Assert.Equal(Path.Combine("/out", "team-app.oci.tar"), archives.PathFor("team/app"));
        Assert.Equal("push to 127.0.0.1:5000, tags 1.2.3, 1.2, 1.2.3", registry.ToString());
    }

    [Fact]
    public void The_request_factory_applies_destination_and_options()
    {
        var image = Image();
        var options = BuildSetOptions.Default
            .WithPlatforms(Platform.LinuxArm64)
            .AddSecret(BuildSecret.FromEnvironment(new SecretId("token"), "TOKEN"))
            .AddBuildArg(new BuildArg("VERSION"), "1.2.3")
            .WithNoCache();

        var pushed = ImageRequests.For(image, new ImageDestination.Registry("127.0.0.1:5000", "dev"), options);
        var loaded = ImageRequests.For(image, new ImageDestination.Engine("127.0.0.1:5000", ["a", "b"]), containerdImageStore: false);
        var layout = ImageRequests.For(image, new ImageDestination.OciLayouts("/layouts"));

        Assert.Equal([Platform.LinuxArm64], pushed.Platforms);
        Assert.Equal(["127.0.0.1:5000/team/hello:dev"], pushed.Tags.Select(t => t.ToString()));
        Assert.IsType<BuildOutput.RegistryPush>(pushed.Output);
        Assert.True(pushed.NoCache);
        Assert.Equal("1.2.3", pushed.BuildArgs["VERSION"]);
        Assert.Single(pushed.Secrets);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], loaded.Platforms);
        Assert.Equal(["127.0.0.1:5000/team/hello:a", "127.0.0.1:5000/team/hello:b"], loaded.Tags.Select(t => t.ToString()));
        Assert.Equal(BuildOutput.Load(containerdImageStore: false), loaded.Output);
        Assert.Equal(BuildOutput.OciLayout(Path.Combine("/layouts", "team-hello")), layout.Output);
        Assert.Equal(image.DockerfilePath, pushed.DockerfilePath);
    }

    [Fact]
    public void The_release_request_starts_from_the_same_factory()
    {
        var settings = new ReleaseSettings("127.0.0.1:5000/", TagStrategy.ForVersion("1.2.3").WithLatest());

        var request = ImageRequests.ForRelease(Image(), settings);

        Assert.Equal(["127.0.0.1:5000/team/hello:1.2.3", "127.0.0.1:5000/team/hello:1.2", "127.0.0.1:5000/team/hello:1", "127.0.0.1:5000/team/hello:latest"],
            request.Tags.Select(t => t.ToString()));
        Assert.Equal(ImageRequests.For(Image()).Platforms, request.Platforms);
        Assert.Equal("1.2.3", request.Labels["org.opencontainers.image.version"]);
    }

    // ---- plan

    [Fact]
    public void A_plan_refuses_a_platform_a_locked_base_lacks_naming_image_and_platform()
    {
        var options = BuildSetOptions.Default.WithLock(ImageLock.Load(LockWithAmd64Only()));

        var refused = Assert.Throws<PlatformGapsException>(() => ImageWorkflow.PlanBuildSet([Image()], new ImageDestination.Engine(null, []), options));
        var amd64Only = ImageWorkflow.PlanBuildSet([Image()], new ImageDestination.Engine(null, []), options.WithPlatforms(Platform.LinuxAmd64));

        var gap = Assert.Single(refused.Gaps);
        Assert.Equal("team/hello", gap.ImageName);
        Assert.Equal(Platform.LinuxArm64, gap.Gap.Needed);
        Assert.StartsWith("team/hello: ", gap.ToString());
        Assert.Equal([Platform.LinuxAmd64], Assert.Single(amd64Only).Request.Platforms);
    }

    // ---- lock

    [Fact]
    public async Task A_lock_run_that_changes_nothing_is_up_to_date_and_reports_gaps()
    {
        var path = LockWithAmd64Only();
        var before = File.ReadAllText(path);

        var run = await ImageWorkflow.LockAsync([Image()], path, (reference, _) => throw new InvalidOperationException($"{reference} is locked: nothing resolves"),
            new LockOptions(VerifyOnly: true));

        Assert.True(run.IsUpToDate);
        Assert.False(run.Written);
        Assert.Equal(0, run.ChangedCount);
        Assert.Equal([$"busybox:1.36: unchanged {BusyboxDigest}"], run.ChangeLines());
        Assert.Matches(@"(?m)^busybox:1\.36\s+sha256:ab12ab12ab12\s+linux/amd64\s+unchanged$", run.ToTable());
        Assert.Equal(Platform.LinuxArm64, Assert.Single(run.PlatformGaps).Gap.Needed);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public async Task A_lock_run_drops_images_no_definition_pulls_and_writes_the_lock()
    {
        var path = LockWithAmd64Only();
        var debian = ImageDefinition.Create("team/other", Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("true")));
        ImageLock.Load(path).With(new LockedImage(ImageReference.Parse("debian:bookworm-slim"), BusyboxDigest, ValueList.Of(Platform.LinuxAmd64))).Save(path);

        var run = await ImageWorkflow.LockAsync([WorkflowImage.From(debian, _root)], path, (reference, _) => throw new InvalidOperationException($"{reference} is locked"));

        Assert.True(run.Written);
        Assert.Equal(1, run.ChangedCount);
        Assert.Contains(run.Changes, c => c.Reference.ToString() == "debian:bookworm-slim" && c.Kind == ImageLockChangeKind.Removed);
        Assert.Empty(run.PlatformGaps);
        Assert.Null(ImageLock.Load(path).Find(ImageReference.Parse("debian:bookworm-slim")));
    }

    // ---- lint

    [Fact]
    public async Task A_lint_of_several_files_is_one_valid_sarif_run_whose_results_point_at_their_files()
    {
        var run = FileWorkflow.LintFiles([new LintTarget("Dockerfile", Sloppy, null), new LintTarget("other.Dockerfile", Other, null)]);

        var sarif = run.ToSarif();
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Linting", "sarif-2.1.0.json"));
        Assert.Empty(schema.Validate(sarif));
        var log = JsonDocument.Parse(sarif).RootElement;
        var sarifRun = Assert.Single(log.GetProperty("runs").EnumerateArray());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(rules.Count, rules.Distinct().Count());
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
        Assert.Equal(run.Files.Sum(f => f.Report.Diagnostics.Count + f.Report.Suppressed.Count), results.Count);
        Assert.Equal(["Dockerfile", "other.Dockerfile"], results
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct());
        Assert.True(sarifRun.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void A_lint_run_renders_text_and_json_and_answers_the_fail_threshold()
    {
        var run = FileWorkflow.LintFiles([new LintTarget("Dockerfile", Sloppy, null)]);

        Assert.Contains("Dockerfile:1: warning FD0001: Image 'debian' has no tag or digest", run.ToText());
        Assert.EndsWith("Dockerfile: 0 error(s), 6 warning(s), 3 info, 0 suppressed\n", run.ToText());
        Assert.True(run.HasFindingsAtOrAbove(ProblemSeverity.Warning));
        Assert.False(run.HasFindingsAtOrAbove(ProblemSeverity.Error));
        Assert.Equal(0, run.FailureCount);
        Assert.Empty(run.Unreadable);
        var file = Assert.Single(JsonDocument.Parse(run.ToJson()).RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(9, file.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void A_text_not_even_the_parser_reads_is_one_format_error_naming_the_file()
    {
        var error = Assert.Throws<FormatException>(() => FileWorkflow.LintFiles([new LintTarget("broken.Dockerfile", "FROM busybox\nRUN <<EOF\n", null)]));

        Assert.StartsWith("broken.Dockerfile:", error.Message);
    }

    [Fact]
    public void A_lint_of_definitions_logs_each_image_and_writes_a_sarif_log_per_image()
    {
        var sloppy = ImageDefinition.Create("team/sloppy", Dockerfile.Create(Stage.Named("app").From("debian").Run("cd /src && make")));

        var run = FileWorkflow.Lint([Hello(), sloppy]);
        var written = run.WriteSarifPerFile(Path.Combine(_root, "lint"));

        Assert.Contains(run.Messages(), m => m.Severity == ProblemSeverity.Warning && m.Text.StartsWith("team/sloppy: Dockerfile:1: warning FD0001", StringComparison.Ordinal));
        Assert.Equal([Path.Combine(_root, "lint", "team-hello.sarif"), Path.Combine(_root, "lint", "team-sloppy.sarif")], written);
        Assert.All(written, path => Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("version").GetString()));
        Assert.Equal("team/hello", run.Files[0].ImageName);
        Assert.Empty(run.Files[0].ModelProblems);
    }

    // ---- generate

    [Fact]
    public void Generate_pins_to_the_lock_and_names_what_it_wrote()
    {
        var path = LockWithAmd64Only();

        var run = FileWorkflow.Generate([Hello()], _root, path);

        var image = Assert.Single(run.Images);
        Assert.Equal(["team/hello: Dockerfile, .dockerignore"], run.Lines());
        Assert.StartsWith($"FROM busybox:1.36@{BusyboxDigest} AS app\n", File.ReadAllText(image.DockerfilePath));
        Assert.Empty(FileWorkflow.StaleFiles([KeyValuePair.Create(image.DockerfilePath, File.ReadAllText(image.DockerfilePath))]));
    }

    [Fact]
    public void Generate_with_a_missing_lock_or_an_unlocked_image_writes_nothing()
    {
        var missing = Assert.Throws<ImageLockException>(() => FileWorkflow.Generate([Hello()], _root, Path.Combine(_root, "nope.json")));
        var unlocked = ImageDefinition.Create("team/debian", Dockerfile.Create(Stage.Named("app").From("debian:bookworm-slim").Run("true")))
            .WithContextDirectory("debian");
        Assert.Throws<ImageLockException>(() => FileWorkflow.Generate([Hello(), unlocked], _root, LockWithAmd64Only()));

        Assert.Contains("no such lock file", missing.Message);
        Assert.False(File.Exists(Path.Combine(_root, "Dockerfile")));
        Assert.False(File.Exists(Path.Combine(_root, "debian", "Dockerfile")));
    }

    [Fact]
    public void Stale_files_are_the_ones_whose_text_differs_or_that_are_missing()
    {
        var same = Path.Combine(_root, "same");
        var changed = Path.Combine(_root, "changed");
        File.WriteAllText(same, "a\n");
        File.WriteAllText(changed, "old\n");

        var stale = FileWorkflow.StaleFiles([KeyValuePair.Create(same, "a\n"), KeyValuePair.Create(changed, "new\n"), KeyValuePair.Create(Path.Combine(_root, "missing"), "x\n")]);

        Assert.Equal([(changed, "old\n"), (Path.Combine(_root, "missing"), (string?)null)], stale.Select(s => (s.Path, s.OnDisk)));
    }

    // ---- tables

    [Fact]
    public void A_build_set_result_tables_each_image_and_its_layers()
    {
        var built = new BuiltImage("team/hello", [Platform.LinuxAmd64], 2048, "sha256:" + new string('c', 64), Path.Combine(_root, "team-hello.oci.tar"), TimeSpan.FromSeconds(3));
        var result = new BuildSetResult([built])
        {
            Layers = [new ImageLayers("team/hello", ImageReference.Parse("r:5000/team/hello:1"), Platform.LinuxAmd64, [])],
        };

        Assert.Matches(@"(?m)^team-hello\.oci\.tar\s+linux/amd64\s+2\.0 KiB\s+sha256:cccccccccccc$", result.ToTable(_root));
        Assert.Contains("team/hello (linux/amd64) layers, compressed", result.ToText(_root));
    }

    [Fact]
    public void A_bake_run_tables_targets_in_build_order_with_what_they_read()
    {
        var baseImage = ImageDefinition.Create("shop/base", Dockerfile.Create(Stage.Named("base").From("busybox:1.36").Run("true")));
        var api = ImageDefinition.Create("shop/api", Dockerfile.Create(Stage.Named("app").From("shop/base").Run("true")));
        GeneratedImage Generated(ImageDefinition d) => new(d, "/ctx/" + d.Name, "/ctx/" + d.Name + "/Dockerfile", "/ctx/" + d.Name + "/.dockerignore");
        var bake = ImageWorkflow.PlanBake([Generated(api), Generated(baseImage)], new ImageDestination.Registry("127.0.0.1:5000", "dev"));
        var results = new Dictionary<string, BuildResult>
        {
            ["shop-base"] = BuildResult.FromMetadata($$"""{"containerimage.digest":"sha256:{{new string('a', 64)}}"}""", TimeSpan.FromSeconds(2)),
            ["shop-api"] = BuildResult.FromMetadata($$"""{"containerimage.digest":"sha256:{{new string('b', 64)}}"}""", TimeSpan.FromSeconds(2)),
        };

        var table = new BakeRun(bake, results).ToTable();

        Assert.Equal(["shop-base", "shop-api"], new BakeRun(bake, results).BuildOrder.Select(t => t.Name));
        Assert.Matches(@"(?m)^shop-base\s+-\s+sha256:aaaaaaaaaaaa$", table);
        Assert.Matches(@"(?m)^shop-api\s+shop-base\s+sha256:bbbbbbbbbbbb$", table);
        Assert.Equal(["127.0.0.1:5000/shop/api:dev"], bake.Targets.Single(t => t.Name == "shop-api").Request.Tags.Select(t => t.ToString()));
    }
}
