using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// The issue-15 flags against the lab's engine (Docker 28.5, buildx 0.29, docker driver) and registry: each proves
/// what the flag does where it shows, not only that buildx accepted it.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BuildxFlagsE2ETests(DockerLabFixture lab)
{
    /// <summary>A context directory holding <paramref name="dockerfile"/> as text (for Dockerfiles the model would not write, e.g. with casing warnings).</summary>
    private string WriteText(string name, string dockerfile)
    {
        var directory = Path.Combine(lab.WorkDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Dockerfile"), dockerfile);
        return directory;
    }

    private string OutputDirectory(string name) => Path.Combine(lab.WorkDirectory, name + "-out-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_installed_buildx_version_is_read()
    {
        var version = await lab.Buildx.VersionAsync();
        Assert.NotNull(version);
        Assert.True(version >= new BuildxVersion(0, 15, 0), $"the lab's buildx is {version}");
    }

    [Fact]
    public async Task Check_reports_the_frontends_checks_typed()
    {
        var context = WriteText("call-check", "FROM busybox:1.36 AS base\nRUN echo hi\nFROM base as Final\nRUN true\n");

        var result = await lab.Buildx.CheckAsync(new BuildRequest(context));

        Assert.Null(result.Error);
        Assert.Equal(["FromAsCasing@3", "StageNameCasing@3"], result.Warnings.Select(w => $"{w.RuleName}@{w.Location?.Line}").Order(StringComparer.Ordinal));
        Assert.All(result.Warnings, w => Assert.Equal("Dockerfile", w.Location?.File));
    }

    [Fact]
    public async Task Check_reports_an_error_that_stops_the_build_as_a_result()
    {
        var context = WriteText("call-check-error", "FROM busybox:1.36\nRUN true\nFROOM x\n");

        var result = await lab.Buildx.CheckAsync(new BuildRequest(context));

        Assert.Contains("unknown instruction", result.Error?.Message);
        Assert.Equal(3, result.Error?.Location?.Line);
    }

    [Fact]
    public async Task A_model_written_Dockerfile_passes_check()
    {
        var result = await lab.Buildx.CheckAsync(new BuildRequest(lab.WriteContext("call-check-model", DockerLabFixture.GreetingDockerfile)));
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task Outline_lists_the_models_args_secrets_and_ssh()
    {
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Arg(new BuildArg("VERSION", "1.0"))
            .Run("test -f /run/secrets/token", Mount.Secret(new SecretId("token"), required: true), Mount.Ssh()));
        var context = lab.WriteContext("call-outline", model);
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(context, "Dockerfile")), l => l.StartsWith("RUN", StringComparison.Ordinal)) + 1;

        var outline = await lab.Buildx.OutlineAsync(new BuildRequest(context));

        var version = Assert.Single(outline.Args, a => a.Name == "VERSION");
        Assert.Equal("1.0", version.Value);
        var token = Assert.Single(outline.Secrets);
        Assert.Equal(("token", true, line), (token.Name, token.Required, token.Location?.Line ?? 0));
        Assert.Equal("default", Assert.Single(outline.Ssh).Name);
    }

    [Fact]
    public async Task Targets_lists_the_models_stages_and_the_default()
    {
        var deps = Stage.Named("deps").From("busybox:1.36").Run("true");
        var model = Dockerfile.Create(deps, Stage.Named("final").From(deps).Cmd("echo", "hi"));

        var targets = await lab.Buildx.TargetsAsync(new BuildRequest(lab.WriteContext("call-targets", model)));

        Assert.Equal(["deps", "final"], targets.Targets.Select(t => t.Name));
        Assert.Equal("final", targets.Default?.Name);
        Assert.Equal("busybox:1.36", targets.Targets[0].Base);
        Assert.Equal("deps", targets.Targets[1].Base);
    }

    [Fact]
    public async Task Iidfile_is_written_with_the_image_config_digest()
    {
        var iidFile = OutputDirectory("iid") + ".iid";
        var request = new BuildRequest(lab.WriteContext("iid", DockerLabFixture.GreetingDockerfile))
            .WithOutput(BuildOutput.OciArchive(OutputDirectory("iid") + ".oci.tar"))
            .WithImageIdFile(iidFile);

        var result = await lab.Buildx.BuildAsync(request);

        var id = File.ReadAllText(iidFile).Trim();
        Assert.Matches("^sha256:[0-9a-f]{64}$", id);
        Assert.Equal(result.Metadata["containerimage.config.digest"].GetString(), id);
    }

    [Fact]
    public async Task Annotations_are_on_the_pushed_index_and_on_the_one_platforms_manifest()
    {
        var image = lab.UniqueReference("annotations");
        lab.RemoveAtEnd(image.ToString());
        var request = new BuildRequest(lab.WriteContext("annotations", DockerLabFixture.GreetingDockerfile))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithTags(image)
            .WithOutput(BuildOutput.Push)
            .WithAnnotation(ImageAnnotation.Index("org.opencontainers.image.description", "fluent, annotated"))
            .WithAnnotation(ImageAnnotation.Manifest("com.example.arch-note", "arm only", Platform.LinuxArm64))
            .WithAnnotation(ImageAnnotation.ManifestDescriptor("com.example.descriptor", "yes"));

        await lab.Buildx.BuildAsync(request);
        var index = await lab.Buildx.ImagetoolsInspectAsync(image);

        using var raw = JsonDocument.Parse(index.Raw);
        Assert.Equal("fluent, annotated", raw.RootElement.GetProperty("annotations").GetProperty("org.opencontainers.image.description").GetString());
        foreach (var entry in raw.RootElement.GetProperty("manifests").EnumerateArray().Where(e => e.GetProperty("platform").GetProperty("os").GetString() == "linux"))
            Assert.Equal("yes", entry.GetProperty("annotations").GetProperty("com.example.descriptor").GetString());
        Assert.Equal("arm only", await ManifestAnnotationAsync(image, index, Platform.LinuxArm64, "com.example.arch-note"));
        Assert.Null(await ManifestAnnotationAsync(image, index, Platform.LinuxAmd64, "com.example.arch-note"));
    }

    private async Task<string?> ManifestAnnotationAsync(ImageReference image, ImageIndex index, Platform platform, string key)
    {
        var entry = index.Find(platform) ?? throw new InvalidOperationException($"{image} has no {platform} manifest.");
        var manifest = await lab.Buildx.ImagetoolsInspectAsync(ImageReference.Parse($"{image.Domain}/{image.Path}@{entry.Digest}"));
        using var raw = JsonDocument.Parse(manifest.Raw);
        return raw.RootElement.TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty(key, out var value) ? value.GetString() : null;
    }

    [Fact]
    public async Task No_cache_filter_runs_the_named_stage_again_and_only_it()
    {
        // Each stage stamps a random value: a stage taken from the cache keeps its stamp, a stage run again gets a new one.
        var deps = Stage.Named("deps").From("busybox:1.36").Run("cat /proc/sys/kernel/random/uuid > /deps-stamp");
        var other = Stage.Named("other").From("busybox:1.36").Run("cat /proc/sys/kernel/random/uuid > /other-stamp");
        var final = Stage.Named("final").FromScratch().CopyFrom(deps, "/deps-stamp", "/").CopyFrom(other, "/other-stamp", "/");
        var context = lab.WriteContext("no-cache-filter-" + lab.RunId, Dockerfile.Create(deps, other, final));
        async Task<(string Deps, string Other)> BuildAsync(BuildRequest request)
        {
            var output = OutputDirectory("no-cache-filter");
            await lab.Buildx.BuildAsync(request.WithOutput(BuildOutput.LocalDirectory(output)));
            return (File.ReadAllText(Path.Combine(output, "deps-stamp")), File.ReadAllText(Path.Combine(output, "other-stamp")));
        }

        var first = await BuildAsync(new BuildRequest(context));
        var cached = await BuildAsync(new BuildRequest(context));
        var filtered = await BuildAsync(new BuildRequest(context).WithNoCacheFilter(deps));

        Assert.Equal(first, cached);
        Assert.NotEqual(first.Deps, filtered.Deps);
        Assert.Equal(first.Other, filtered.Other);
    }

    [Fact]
    public async Task Ulimit_and_shm_size_are_what_a_RUN_step_sees()
    {
        var probe = Stage.Named("probe").From("busybox:1.36")
            .Run("mkdir /out && ulimit -Sn > /out/soft && ulimit -Hn > /out/hard && df -k /dev/shm | tail -n 1 | awk '{print $2}' > /out/shm-kib");
        var model = Dockerfile.Create(probe, Stage.Named("result").FromScratch().CopyFrom(probe, "/out/", "/"));
        var output = OutputDirectory("limits");
        var request = new BuildRequest(lab.WriteContext("limits-" + lab.RunId, model))
            .WithUlimit(new BuildUlimit(UlimitName.Nofile, 1234, 2345))
            .WithShmSize(ByteSize.FromMebibytes(96))
            .WithNoCache()
            .WithOutput(BuildOutput.LocalDirectory(output));

        await lab.Buildx.BuildAsync(request);

        Assert.Equal("1234", File.ReadAllText(Path.Combine(output, "soft")).Trim());
        Assert.Equal("2345", File.ReadAllText(Path.Combine(output, "hard")).Trim());
        Assert.Equal((96 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(output, "shm-kib")).Trim());
    }

    [Fact]
    public async Task A_model_with_RUN_network_host_builds_because_the_workflow_derives_allow()
    {
        // Only the host's network reaches the lab registry on 127.0.0.1: the RUN succeeds only with network.host granted.
        var fetch = Stage.Named("fetch").From("busybox:1.36")
            .Run($"wget -q -O /catalog http://{lab.Registry}/v2/_catalog", RunNetwork.Host);
        var model = Dockerfile.Create(fetch, Stage.Named("result").FromScratch().CopyFrom(fetch, "/catalog", "/"));
        var context = lab.WriteContext("network-host-" + lab.RunId, model);
        var image = new WorkflowImage("network-host", [], model, context, Path.Combine(context, "Dockerfile"));
        var output = OutputDirectory("network-host");

        var request = ImageRequests.For(image).WithOutput(BuildOutput.LocalDirectory(output));
        await lab.Buildx.BuildAsync(request);

        Assert.Equal([BuildEntitlement.NetworkHost], request.Entitlements);
        Assert.Contains("\"repositories\"", File.ReadAllText(Path.Combine(output, "catalog")));

        // Without the grant BuildKit refuses the step: the derivation is what made it build.
        var refused = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.BuildAsync(
            new BuildRequest(context).WithNoCache().WithOutput(BuildOutput.LocalDirectory(OutputDirectory("network-host-refused")))));
        Assert.Contains("network.host is not allowed", refused.Message);
    }

    [Fact]
    public async Task The_network_option_puts_every_RUN_step_on_that_network()
    {
        var probe = Stage.Named("probe").From("busybox:1.36").Run("ls /sys/class/net | sort > /interfaces");
        var model = Dockerfile.Create(probe, Stage.Named("result").FromScratch().CopyFrom(probe, "/interfaces", "/"));
        var output = OutputDirectory("network-none");

        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("network-none-" + lab.RunId, model))
            .WithNetwork(NetworkMode.None).WithNoCache().WithOutput(BuildOutput.LocalDirectory(output)));

        Assert.Equal(["lo"], File.ReadAllLines(Path.Combine(output, "interfaces")).Where(l => l.Length > 0));
    }

    [Fact]
    public async Task Bake_passes_the_fields_and_the_derived_allow_to_buildx()
    {
        var probe = Stage.Named("probe").From("busybox:1.36")
            .Run($"mkdir /out && wget -q -O /out/catalog http://{lab.Registry}/v2/_catalog && ulimit -Sn > /out/soft && df -k /dev/shm | tail -n 1 | awk '{{print $2}}' > /out/shm-kib", RunNetwork.Host);
        var model = Dockerfile.Create(probe, Stage.Named("result").FromScratch().CopyFrom(probe, "/out/", "/"));
        var context = lab.WriteContext("bake-flags-" + lab.RunId, model);
        var output = OutputDirectory("bake-flags");
        var request = ImageRequests.For(new WorkflowImage("bake-flags", [], model, context, Path.Combine(context, "Dockerfile")))
            .WithUlimit(BuildUlimit.Of(UlimitName.Nofile, 777))
            .WithShmSize(ByteSize.FromMebibytes(80))
            .WithNoCache()
            .WithOutput(BuildOutput.LocalDirectory(output));
        var bake = new BakeDefinition([new BakeTarget("flags", request, new Dictionary<string, string>())]);

        await lab.Buildx.BakeAsync(bake);

        Assert.Contains(BuildEntitlement.NetworkHost, bake.Entitlements());
        Assert.Contains("\"repositories\"", File.ReadAllText(Path.Combine(output, "catalog")));
        Assert.Equal("777", File.ReadAllText(Path.Combine(output, "soft")).Trim());
        Assert.Equal((80 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(output, "shm-kib")).Trim());
    }
}
