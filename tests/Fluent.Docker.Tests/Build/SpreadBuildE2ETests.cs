using System.Diagnostics;
using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// Builds spread over engines (issue 15): linux/amd64 on the lab's engine and linux/arm64 on the second engine (docker
/// context <c>lab-node2</c>, its own daemon, which runs arm64 under QEMU), each stored in the lab registry by digest,
/// then joined into one tagged index. Which engine built what is read from each engine's own build history
/// (<c>docker --context NAME buildx history inspect REF --format json</c>, REF from the build's <c>buildx.build.ref</c>
/// metadata), which names the platforms of that build.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SpreadBuildE2ETests(DockerLabFixture lab)
{
    private static readonly DockerContext SecondEngine = new("lab-node2");

    private (BuildRequest Request, string Token) MarkerBuild(string name)
    {
        var token = $"{lab.RunId}-{Guid.NewGuid():N}"[..32];
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Arg(BuildArg.TargetArch)
            .Run($"echo spread-{token}-$TARGETARCH > /marker"));
        return (new BuildRequest(lab.WriteContext($"{name}-{token}", model)), token);
    }

    private IReadOnlyDictionary<Platform, Buildx> Engines => new Dictionary<Platform, Buildx>
    {
        [Platform.LinuxAmd64] = lab.Buildx,
        [Platform.LinuxArm64] = lab.Buildx.WithContext(SecondEngine),
    };

    [Fact]
    public async Task Each_platform_is_built_on_its_own_engine_and_the_tag_joins_both_under_one_index()
    {
        var (request, token) = MarkerBuild("spread");
        var tag = lab.UniqueReference("spread");

        var result = await SpreadBuild.BuildAsync(lab.Buildx, request, tag, Engines);

        // The registry's index under the tag lists both platforms, and its digest is the one reported.
        var index = await lab.Buildx.ImagetoolsInspectAsync(tag);
        Assert.Equal(result.IndexDigest, index.Digest);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], index.Platforms.OrderBy(p => p.Architecture, StringComparer.Ordinal));

        // Each engine's history holds its build, for its platform only; the other engine does not know that build.
        var amd64 = await HistoryPlatformsAsync(null, result.Builds[Platform.LinuxAmd64]);
        var arm64 = await HistoryPlatformsAsync(SecondEngine, result.Builds[Platform.LinuxArm64]);
        Assert.Equal(["linux/amd64"], amd64);
        Assert.Equal(["linux/arm64"], arm64);
        Assert.NotEqual(0, (await DockerAsync(["--context", "default", "buildx", "history", "inspect", BuildId(result.Builds[Platform.LinuxArm64])])).ExitCode);

        // Each platform's stored image holds that platform only, and the merged index points at the same manifests.
        foreach (var part in result.Platforms)
        {
            // An OCI layout export holds one manifest, or an index when attestations were asked for (the digest-file test does).
            var stored = await lab.Buildx.ImagetoolsInspectAsync(part.Image);
            var merged = index.Find(part.Platform)!.Digest;
            if (stored.IsIndex)
            {
                Assert.Equal([part.Platform], stored.Platforms);
                Assert.Equal(stored.Find(part.Platform)!.Digest, merged);
            }
            else Assert.Equal(part.Digest, merged);
        }

        // The arm64 image runs (under QEMU) and carries the marker its engine wrote.
        lab.RemoveAtEnd(result.Index.ToString());
        var run = await lab.Engine.RunAsync(result.Index, ["cat", "/marker"], Platform.LinuxArm64, TimeSpan.FromSeconds(120));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"spread-{token}-arm64", run.Stdout.Trim());
    }

    [Fact]
    public async Task Platform_jobs_write_digest_files_that_a_later_merge_joins_under_the_tag()
    {
        var (plain, token) = MarkerBuild("spread-files");
        // With a provenance attestation each platform's export is an index (image + attestation manifest) pushed whole.
        var request = plain.WithProvenance(ProvenanceMode.Min);
        var tag = lab.UniqueReference("spread-files");
        var repository = ImageReference.Parse(tag.Name);
        var files = Path.Combine(lab.WorkDirectory, "digests-" + token);
        Directory.CreateDirectory(files);

        // Two "matrix jobs", each on its own engine, each leaving only a digest file behind; nothing is tagged yet.
        foreach (var (platform, engine) in Engines)
        {
            var (digest, _) = await SpreadBuild.BuildPlatformAsync(engine, request, platform, repository);
            var stored = await lab.Buildx.ImagetoolsInspectAsync(digest.Image);
            Assert.True(stored.IsIndex, stored.ToString());
            Assert.Equal([platform], stored.Platforms);
            Assert.Contains(stored.Manifests, m => m.IsAttestation);
            digest.WriteTo(Path.Combine(files, platform.Architecture + ".json"));
        }
        Assert.Equal(1, (await DockerAsync(["buildx", "imagetools", "inspect", "--raw", tag.ToString()])).ExitCode);

        // The merge job reads the files and writes the tag.
        var read = Directory.GetFiles(files, "*.json").Order(StringComparer.Ordinal).Select(PlatformDigest.ReadFrom).ToList();
        var result = await SpreadBuild.MergeAsync(lab.Buildx, tag, read);

        var index = await lab.Buildx.ImagetoolsInspectAsync(tag);
        Assert.Equal(result.IndexDigest, index.Digest);
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], index.Platforms.OrderBy(p => p.Architecture, StringComparer.Ordinal));
        Assert.Contains(index.Manifests, m => m.IsAttestation); // the attestations came along
        lab.RemoveAtEnd(result.Index.ToString());
        var run = await lab.Engine.RunAsync(result.Index, ["cat", "/marker"], Platform.LinuxAmd64, TimeSpan.FromSeconds(120));
        Assert.Equal($"spread-{token}-amd64", run.Stdout.Trim());
    }

    [Fact]
    public async Task A_platform_that_fails_on_its_engine_leaves_the_tag_unwritten_and_is_named()
    {
        var token = $"{lab.RunId}-{Guid.NewGuid():N}"[..32];
        // Fails on arm64 only, so the amd64 half succeeds and is stored by digest, yet no tag may appear.
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Arg(BuildArg.TargetArch)
            .Run($"echo {token} && test \"$TARGETARCH\" != arm64"));
        var request = new BuildRequest(lab.WriteContext("spread-fail-" + token, model));
        var tag = lab.UniqueReference("spread-fail");

        var error = await Assert.ThrowsAsync<SpreadBuildException>(() => SpreadBuild.BuildAsync(lab.Buildx, request, tag, Engines));

        var failure = Assert.Single(error.Failures);
        Assert.Equal(Platform.LinuxArm64, failure.Platform);
        Assert.Equal("lab-node2", failure.Engine);
        Assert.IsType<BuildxException>(failure.Error);
        Assert.Contains("linux/arm64 on engine 'lab-node2' failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await DockerAsync(["buildx", "imagetools", "inspect", "--raw", tag.ToString()])).ExitCode);
    }

    [Fact]
    public async Task A_registry_that_asks_for_credentials_gets_the_runners_credentials_for_the_digest_pushes_and_the_merge()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await using var registry = await LabRegistry.StartAsync("fluent", password);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (userVariable, passwordVariable) = ($"FLUENT_SPREAD_USER_{suffix}", $"FLUENT_SPREAD_PASSWORD_{suffix}");
        Environment.SetEnvironmentVariable(userVariable, "fluent");
        Environment.SetEnvironmentVariable(passwordVariable, password);
        try
        {
            var (request, _) = MarkerBuild("spread-auth");
            var tag = ImageReference.Parse($"{registry.Host}/team/spread:1");
            var credentials = RegistryCredentials.FromEnvironment(registry.Host, userVariable, passwordVariable);
            var engines = Engines.ToDictionary(pair => pair.Key, pair => pair.Value.WithCredentials(credentials));

            // Without credentials the digest push is refused before anything is tagged.
            var refused = await Assert.ThrowsAsync<SpreadBuildException>(() => SpreadBuild.BuildAsync(lab.Buildx, request, tag, Engines));
            Assert.Equal(2, refused.Failures.Count);
            Assert.All(refused.Failures, f => Assert.Contains("asks for credentials", f.Error.Message, StringComparison.Ordinal));

            var result = await SpreadBuild.BuildAsync(lab.Buildx.WithCredentials(credentials), request, tag, engines);

            var index = await lab.Buildx.WithCredentials(credentials).ImagetoolsInspectAsync(tag);
            Assert.Equal(result.IndexDigest, index.Digest);
            Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], index.Platforms.OrderBy(p => p.Architecture, StringComparer.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(userVariable, null);
            Environment.SetEnvironmentVariable(passwordVariable, null);
        }
    }

    private static string BuildId(BuildResult build)
    {
        var reference = build.Metadata["buildx.build.ref"].GetString()!; // builder/node/id
        return reference[(reference.LastIndexOf('/') + 1)..];
    }

    private static async Task<IReadOnlyList<string>> HistoryPlatformsAsync(DockerContext? context, BuildResult build)
    {
        var (exit, output) = await DockerAsync(["--context", context?.Name ?? "default", "buildx", "history", "inspect", BuildId(build), "--format", "json"]);
        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.GetProperty("Platform").EnumerateArray().Select(p => p.GetString()!)];
    }

    private static async Task<(int ExitCode, string Output)> DockerAsync(IReadOnlyList<string> arguments)
    {
        var run = await ExternalCommand.RunAsync("docker", arguments);
        return (run.ExitCode, run.Output + run.Error);
    }
}
