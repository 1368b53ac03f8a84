using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fluent.Docker.Build;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Examples;
using Fluent.Docker.Tests.Model;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// Buildah 1.28 in the lab, run for real: every example the profile allows (after the fix its refusal names) builds
/// with <see cref="Buildah"/> and its image config is the model's projection; an example with a feature the profile
/// refuses stops before Buildah runs; each refused row of the feature table fails in Buildah itself with the error the
/// table quotes; a multi-platform build with a secret pushes one list to the lab registry. Fails without buildah.
/// </summary>
[Trait("Category", "E2E")]
public sealed partial class BuildahE2ETests : IAsyncLifetime
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private readonly Buildah _buildah = new();
    private readonly string _work = Directory.CreateTempSubdirectory("fd-buildah-e2e-").FullName;
    private readonly List<string> _images = [];

    public async Task InitializeAsync() =>
        Assert.True(await _buildah.IsAvailableAsync(), "buildah is not installed; the lab has Buildah 1.28 (apt-get install buildah).");

    public async Task DisposeAsync()
    {
        await _buildah.RemoveImagesAsync(_images);
        await BuildahCli.RunAsync("rmi", "--prune"); // the intermediate layers --layers kept for these builds
        Directory.Delete(_work, recursive: true);
    }

    private static ImageDefinition Find(string name) => ExampleCatalog.All.Single(d => d.Name == "examples/" + name);

    /// <summary>The examples whose only refusal is HEALTHCHECK --start-interval: with the named fix applied, the profile allows them.</summary>
    public static TheoryData<string> FittingExamples => new("python-api", "static-site", "node-web", "java-web", "dotnet-api");

    [Theory]
    [MemberData(nameof(FittingExamples))]
    public async Task Example_the_profile_allows_after_its_named_fix_builds_with_buildah_and_has_the_models_config(string name)
    {
        var definition = Find(name);
        var refusals = Buildah.Check(definition.Dockerfile);
        var model = WithoutStartInterval(definition.Dockerfile);
        var root = Path.Combine(_work, name);
        RepositoryLayout.CopyExampleSources(definition, root);
        var generated = definition.Generate(root);
        File.WriteAllText(generated.DockerfilePath, model.WithFrontend(Buildah.DefaultProfile).ToString());
        var tag = $"localhost/fd-buildah-e2e/{name}:{RunId}";
        _images.Add(tag);

        var result = await _buildah.BuildAsync(model, new BuildRequest(generated.ContextDirectory).WithDockerfile(generated.DockerfilePath)
            .WithPlatforms(Platform.LinuxAmd64).WithTags(ImageReference.Parse(tag)));
        var actual = await BuildahCli.ImageConfigAsync(tag);
        var baseConfigs = new Dictionary<string, ImageConfig>(StringComparer.Ordinal);
        foreach (var reference in model.Stages.Select(s => s.Base).OfType<BaseImage.Image>().Select(b => b.Reference.ToString()).Distinct())
            baseConfigs[reference] = await BuildahCli.ImageConfigAsync(reference);
        var expected = ImageConfigProjection.Project(model, platform: Platform.LinuxAmd64, baseImages: r => baseConfigs.GetValueOrDefault(r.ToString()));

        Assert.NotEmpty(refusals);
        Assert.All(refusals, p => Assert.StartsWith("Buildah 1.28 does not support HEALTHCHECK --start-interval: ", p.Message, StringComparison.Ordinal));
        Assert.Matches("^sha256:[0-9a-f]{64}$", result.ImageId);
        // Buildah orders Env its own way (the EnvOrder row): the same values, compared by name.
        Assert.Equal(expected.Env.OrderBy(e => e.Key, StringComparer.Ordinal), actual.Env.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Env.Count, actual.Env.Count);
        Assert.Equal(expected.Entrypoint, actual.Entrypoint);
        Assert.Equal(expected.Cmd, actual.Cmd);
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.WorkingDir, actual.WorkingDir);
        Assert.Equal(expected.ExposedPorts.Order(), actual.ExposedPorts.Order());
        Assert.Equal(expected.Labels.OrderBy(l => l.Key, StringComparer.Ordinal), actual.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.NotNull(actual.Healthcheck);
        Assert.Equal(expected.Healthcheck, actual.Healthcheck);
    }

    [Fact]
    public async Task Example_with_a_heredoc_stops_before_buildah_runs_naming_the_profile_and_the_fix()
    {
        var heredoc = BuildahFeatures.Row(BuilderFeature.Heredoc);

        var error = await Assert.ThrowsAsync<DockerfileValidationException>(() =>
            _buildah.BuildAsync(Find("go-hello").Dockerfile, new BuildRequest(Path.Combine(_work, "never-read"))));

        var problem = Assert.Single(error.Problems, p => p.Message.StartsWith("Buildah 1.28 does not support heredocs", StringComparison.Ordinal));
        Assert.Equal(heredoc.Fix, problem.Fix);
        Assert.Contains("COPY", problem.Location.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "never-read")));
    }

    /// <summary>Each refused row's Dockerfile, built by Buildah itself (the model check skipped): it fails with the error the table quotes.</summary>
    [Theory]
    [MemberData(nameof(BuildahProfileTests.RefusedFeatures), MemberType = typeof(BuildahProfileTests))]
    public async Task Buildah_itself_fails_on_each_refused_feature_as_the_table_says(string feature, string dockerfile)
    {
        var row = BuildahFeatures.Row(Enum.Parse<BuilderFeature>(feature));
        var context = Context(dockerfile);
        var tag = $"localhost/fd-buildah-e2e/refused-{feature.ToLowerInvariant()}:{RunId}";
        _images.Add(tag);
        var request = new BuildRequest(context).WithTags(ImageReference.Parse(tag))
            .WithSecret(BuildSecret.FromFile(new SecretId("token"), Path.Combine(context, "a.txt")));

        var built = await Record.ExceptionAsync(() => _buildah.BuildAsync(request));

        if (row.Feature == BuilderFeature.CheckDirective)
        {
            Assert.Null(built); // Buildah ignores # check=error=true: the checks never run, which is why the profile refuses it
            return;
        }
        var error = Assert.IsType<BuildahException>(built);
        Assert.NotEqual(0, error.ExitCode);
        var quoted = Quoted().Matches(row.Behaviour).Select(m => m.Groups[1].Value).ToList();
        if (quoted.Count > 0)
            Assert.True(quoted.Any(q => error.ErrorOutputTail.Contains(q, StringComparison.Ordinal)), $"none of [{string.Join(" | ", quoted)}] in: {error.ErrorLine}");
    }

    [Fact]
    public async Task Multi_platform_build_with_a_secret_pushes_one_list_with_each_platform_to_the_registry()
    {
        var context = Context("""
            FROM busybox:1.36
            RUN --mount=type=secret,id=token test "$(cat /run/secrets/token)" = hi && uname -m > /arch
            CMD ["cat", "/arch"]
            """);
        var repository = $"fd-buildah-e2e/multi";
        var tag = $"127.0.0.1:5000/{repository}:{RunId}";
        _images.Add(tag);

        var result = await _buildah.BuildAsync(new BuildRequest(context).WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithTags(ImageReference.Parse(tag)).WithOutput(BuildOutput.Push)
            .WithSecret(BuildSecret.FromValue(new SecretId("token"), "hi")));

        using var http = new HttpClient();
        using var manifest = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:5000/v2/{repository}/manifests/{RunId}");
        manifest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.index.v1+json"));
        manifest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.list.v2+json"));
        using var response = await http.SendAsync(manifest);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} for {tag}");
        using var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var architectures = index.RootElement.GetProperty("manifests").EnumerateArray().Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Order();

        Assert.Equal(tag, result.ManifestList);
        Assert.Null(result.ImageId);
        Assert.Equal(["amd64", "arm64"], architectures);
    }

    /// <summary>A build context with the files the one-feature Dockerfiles read, and <paramref name="dockerfile"/> as its Dockerfile.</summary>
    private string Context(string dockerfile)
    {
        var context = Directory.CreateDirectory(Path.Combine(_work, "ctx-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(context, "a.txt"), "hi");
        File.WriteAllText(Path.Combine(context, "a.tar"), "not really a tar");
        Directory.CreateDirectory(Path.Combine(context, "d", "sub"));
        File.WriteAllText(Path.Combine(context, "d", "sub", "f.txt"), "x");
        File.WriteAllText(Path.Combine(context, "d", "skip.log"), "y");
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile.ReplaceLineEndings("\n"));
        return context;
    }

    /// <summary>The fix the start-interval refusal names, applied to the file: the HEALTHCHECK without --start-interval.</summary>
    private static Dockerfile WithoutStartInterval(Dockerfile model) => Dockerfile.Parse(StartInterval().Replace(model.ToString(), ""));

    [GeneratedRegex(@" --start-interval=\S+")]
    private static partial Regex StartInterval();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();
}
