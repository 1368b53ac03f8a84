using Fluent.Docker.Linting;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// FD0125 (BuildKit InvalidBaseImagePlatform) decided over a resolver that answers from a table: which images are
/// single-platform, which stage platform is expected, and that without an engine the rule does not run. The lab's
/// own answer is in <see cref="BaseImagePlatformE2ETests"/>.
/// </summary>
public class BaseImagePlatformTests
{
    private sealed class TableResolver(Platform build, IReadOnlyDictionary<string, ResolvedBaseImage> images) : IBaseImageResolver
    {
        public List<string> Asked { get; } = [];

        public Task<Platform> BuildPlatformAsync(CancellationToken cancellationToken = default) => Task.FromResult(build);

        public Task<ResolvedBaseImage?> ResolveBaseImageAsync(ImageReference image, CancellationToken cancellationToken = default)
        {
            Asked.Add(image.ToString());
            return Task.FromResult(images.TryGetValue(image.ToString(), out var found) ? found : null);
        }
    }

    private static readonly ResolvedBaseImage Arm64Only = new(false, ValueList.Of(Platform.LinuxArm64));
    private static readonly ResolvedBaseImage Amd64Only = new(false, ValueList.Of(Platform.LinuxAmd64));
    private static readonly ResolvedBaseImage Amd64Index = new(true, ValueList.Of(Platform.LinuxAmd64));

    private static TableResolver Lab() => new(Platform.LinuxAmd64, new Dictionary<string, ResolvedBaseImage>
    {
        ["registry:5000/arm64-only:1"] = Arm64Only,
        ["registry:5000/amd64-only:1"] = Amd64Only,
        ["registry:5000/amd64-index:1"] = Amd64Index,
    });

    private static async Task<List<Problem>> FindingsAsync(string text, LintOptions? options = null, TableResolver? engine = null) =>
        (await Linter.LintTextAsync(text, engine ?? Lab(), options)).Diagnostics.Where(d => d.Code == "FD0125").ToList();

    [Fact]
    public async Task FD0125_reports_a_single_platform_base_of_another_architecture_in_BuildKit_s_words()
    {
        var finding = Assert.Single(await FindingsAsync("FROM registry:5000/arm64-only:1\n"));
        Assert.Equal("Base image registry:5000/arm64-only:1 was pulled with platform \"linux/arm64\", expected \"linux/amd64\" for current build", finding.Message);
        Assert.Equal((1, 0), (finding.Location.Line, finding.Location.InstructionNumber));
    }

    [Fact]
    public async Task FD0125_expects_the_from_platform_and_the_build_s_platforms()
    {
        var constant = Assert.Single(await FindingsAsync("FROM scratch\nFROM --platform=linux/arm64 registry:5000/amd64-only:1 AS tools_arm64\n"));
        Assert.Equal((2, "Base image registry:5000/amd64-only:1 was pulled with platform \"linux/amd64\", expected \"linux/arm64\" for current build"), (constant.Location.Line, constant.Message));
        var targets = await FindingsAsync("FROM registry:5000/amd64-only:1\n", LintOptions.Default.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64));
        Assert.Equal("expected \"linux/arm64\"", Assert.Single(targets).Message.Split(", ")[1].Replace(" for current build", "", StringComparison.Ordinal));
        var viaArg = Assert.Single(await FindingsAsync("ARG BASE=registry:5000/arm64-only:1\nFROM $BASE AS a\nFROM a\n"));
        Assert.Equal(2, viaArg.Location.Line);
        Assert.StartsWith("Base image registry:5000/arm64-only:1 ", viaArg.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FD0125_quiet_when_the_platforms_match_or_the_registry_holds_an_index()
    {
        Assert.Empty(await FindingsAsync("FROM registry:5000/amd64-only:1\n"));
        Assert.Empty(await FindingsAsync("FROM --platform=linux/arm64 registry:5000/arm64-only:1 AS x_arm64\n"));
        Assert.Empty(await FindingsAsync("FROM --platform=$BUILDPLATFORM registry:5000/amd64-only:1\n", LintOptions.Default.WithPlatforms(Platform.LinuxArm64)));
        // An index without the platform: BuildKit refuses the build (no match for platform in manifest), it does not warn.
        Assert.Empty(await FindingsAsync("FROM registry:5000/amd64-index:1\n", LintOptions.Default.WithPlatforms(Platform.LinuxArm64)));
        // Not in the registry: the build fails on it; nothing to compare.
        Assert.Empty(await FindingsAsync("FROM registry:5000/missing:1\n"));
        Assert.Empty(await FindingsAsync("FROM scratch\n"));
    }

    [Fact]
    public async Task FD0125_quiet_without_an_engine_and_asks_only_for_images()
    {
        var report = Linter.LintText("FROM registry:5000/arm64-only:1\n");
        Assert.DoesNotContain(report.Rules, r => r.Id == "FD0125");
        Assert.DoesNotContain(report.Diagnostics, d => d.Code == "FD0125");

        var engine = Lab();
        var withEngine = await Linter.LintTextAsync("FROM registry:5000/arm64-only:1 AS base\nFROM base\nFROM scratch\nFROM registry:5000/arm64-only:1\n", engine);
        Assert.Contains(withEngine.Rules, r => r.Id == "FD0125");
        Assert.Equal(["registry:5000/arm64-only:1"], engine.Asked);
        Assert.Equal([1, 4], withEngine.Diagnostics.Where(d => d.Code == "FD0125").Select(d => d.Location.Line ?? 0));
    }

    [Fact]
    public async Task FD0125_quiet_when_the_check_directive_skips_it()
    {
        Assert.Empty(await FindingsAsync("# check=skip=InvalidBaseImagePlatform\nFROM registry:5000/arm64-only:1\n"));
        var model = Dockerfile.Create(Stage.Named("app").From(ImageReference.Parse("registry:5000/arm64-only:1")));
        Assert.Single((await Linter.LintAsync(model, Lab())).Diagnostics, d => d.Code == "FD0125");
    }
}
