using System.Formats.Tar;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Build;

/// <summary>Real builds against the lab: the Dockerfile comes from the model, buildx builds it, the engine checks it.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BuildxE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task Buildx_is_available() => Assert.True(await lab.Buildx.IsAvailableAsync());

    [Fact]
    public async Task Pushed_multi_platform_build_lists_both_platforms_in_the_registry()
    {
        var image = await lab.MultiPlatformImageAsync();

        var platforms = await lab.Buildx.ImagetoolsPlatformsAsync(image);

        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], platforms.OrderBy(p => p.ToString()));
    }

    [Fact]
    public async Task Push_returns_the_index_digest_the_registry_serves()
    {
        var image = lab.UniqueReference("digest");
        var request = new BuildRequest(lab.WriteContext("digest", DockerLabFixture.GreetingDockerfile))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithTags(image)
            .WithOutput(BuildOutput.Push)
            .WithProvenance(ProvenanceMode.None);
        lab.RemoveAtEnd(image.ToString());

        var result = await lab.Buildx.BuildAsync(request);
        var index = await lab.Buildx.ImagetoolsInspectAsync(image);

        Assert.Equal(index.Digest, result.Digest);
        Assert.Equal(image, Assert.Single(result.ImageNames));
        Assert.Equal(2, index.Manifests.Count); // provenance off: no attestation entries
    }

    [Fact]
    public async Task Loaded_image_has_the_models_env_and_cmd()
    {
        var image = lab.UniqueReference("load");
        var request = new BuildRequest(lab.WriteContext("load", DockerLabFixture.GreetingDockerfile))
            .WithTags(image)
            .WithOutput(BuildOutput.Load());
        lab.RemoveAtEnd(image.ToString());

        await lab.Buildx.BuildAsync(request);
        var inspection = await lab.Engine.InspectImageAsync(image.ToString());

        Assert.Equal("hello", inspection.GetEnv("GREETING"));
        Assert.Equal(["echo", "hi"], inspection.Cmd);
        Assert.Null(inspection.Entrypoint);
    }

    [Fact]
    public async Task Failing_run_step_raises_buildx_exception_with_the_step_its_line_and_its_output()
    {
        const string run = "echo about to fail && echo on stderr >&2 && false";
        var failing = Dockerfile.Create(Stage.Named("broken").From("busybox:1.36").Run(run));
        var context = lab.WriteContext("failing", failing);
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(context, "Dockerfile")), l => l.EndsWith(run, StringComparison.Ordinal)) + 1;
        var request = new BuildRequest(context).WithNoCache();
        var log = new BuildLog();

        var e = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.BuildAsync(request, log));

        Assert.NotEqual(0, e.ExitCode);
        Assert.Contains("did not complete successfully: exit code: 1", e.Message);
        Assert.StartsWith("ERROR", e.ErrorLine);
        Assert.Contains("--metadata-file", e.CommandLine);
        var failed = Assert.Single(e.FailedSteps);
        Assert.Equal("RUN " + run, failed.Step.Instruction);
        Assert.Equal(new SourceLine("Dockerfile", line), failed.Location);
        Assert.Equal(["about to fail", "on stderr"], failed.LastOutput.Order()); // two pipes: their lines may interleave either way
        Assert.Contains($"ERROR at Dockerfile:{line}:", e.Message);
        Assert.DoesNotContain("\"vertexes\"", e.Message, StringComparison.Ordinal); // the stream is decoded, not quoted
        Assert.Equal(failed, Assert.Single(log.Failures)); // the same event was streamed
        Assert.Equal(StepState.Failed, log.Steps.Single(s => s.Instruction == "RUN " + run).State);
    }

    [Fact]
    public async Task Rebuild_reports_cached_steps_and_the_context_size()
    {
        var context = lab.WriteContext("cached", Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Copy(".", "/app/").Run("ls /app > /listing")));
        await File.WriteAllTextAsync(Path.Combine(context, "hello.txt"), "hello from the context\n");
        var request = new BuildRequest(context);
        await lab.Buildx.BuildAsync(request);
        var log = new BuildLog();

        await lab.Buildx.BuildAsync(request, log);

        Assert.Equal(StepState.Cached, Assert.Single(log.StepsRunning("ls /app")).State);
        Assert.Equal(StepState.Cached, Assert.Single(log.StepsRunning("COPY")).State);
        Assert.InRange(log.ContextBytes ?? 0, 1, 10_000); // the Dockerfile and hello.txt, as BuildKit counts them
        Assert.Empty(log.Failures);
    }

    [Fact]
    public async Task Secret_value_reaches_the_build_but_not_its_log()
    {
        const string value = "e2e-secret-4711";
        // The Dockerfile compares a hash, so the value itself appears nowhere but in the secret.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
        var dockerfile = Dockerfile.Create(Stage.Named("check").From("busybox:1.36")
            .Run($"test \"$(sha256sum < /run/secrets/token | cut -d' ' -f1)\" = {hash}", Mount.Secret(new SecretId("token"), required: true)));
        var image = lab.UniqueReference("secret");
        var request = new BuildRequest(lab.WriteContext("secret", dockerfile))
            .WithSecret(BuildSecret.FromValue(new SecretId("token"), value))
            .WithNoCache()
            .WithTags(image)
            .WithOutput(BuildOutput.Load());
        lab.RemoveAtEnd(image.ToString()); // an untagged result would stay behind as a dangling image
        var log = new List<string>();

        var result = await lab.Buildx.BuildAsync(request, new SynchronousProgress(log));

        Assert.True(result.Duration > TimeSpan.Zero);
        Assert.DoesNotContain(log, line => line.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oci_archive_holds_an_oci_layout_for_both_platforms()
    {
        var archive = Path.Combine(lab.WorkDirectory, "oci", "image.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        var request = new BuildRequest(lab.WriteContext("oci", DockerLabFixture.GreetingDockerfile))
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithOutput(BuildOutput.OciArchive(archive));

        var result = await lab.Buildx.BuildAsync(request);

        var entries = new List<string>();
        await using (var stream = File.OpenRead(archive))
        {
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry) entries.Add(entry.Name);
        }
        Assert.Contains("index.json", entries);
        Assert.Contains("oci-layout", entries);
        Assert.Equal("application/vnd.oci.image.index.v1+json", result.MediaType);
    }
}

/// <summary>
/// Collects lines (engine pulls) or build events as text, as they are reported (Progress&lt;T&gt; would post them later,
/// on the thread pool).
/// </summary>
internal sealed class SynchronousProgress(List<string> lines) : IProgress<string>, IProgress<BuildEvent>
{
    public void Report(string value)
    {
        lock (lines) lines.Add(value);
    }

    public void Report(BuildEvent value) => Report(value.ToString());
}
