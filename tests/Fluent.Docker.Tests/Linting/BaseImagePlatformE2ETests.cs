using Fluent.Docker.Build;
using Fluent.Docker.Cli;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.Engine;
using Spectre.Console;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// FD0125 against BuildKit's InvalidBaseImagePlatform on the lab: two single-manifest images (not indexes), one
/// linux/amd64 and one linux/arm64, pushed to the lab registry; each Dockerfile goes through our lint with the lab
/// engine and through <c>docker buildx build --call=check</c>: same check, same line, same words, or neither.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BaseImagePlatformE2ETests(DockerLabFixture lab)
{
    private static readonly SemaphoreSlim Pushing = new(1, 1);
    private static (string Amd64, string Arm64)? _images;

    /// <summary>FROM scratch + one file, built for one platform and pushed as a plain image manifest.</summary>
    private async Task<(string Amd64, string Arm64)> SinglePlatformImagesAsync()
    {
        await Pushing.WaitAsync();
        try
        {
            if (_images is { } done) return done;
            var context = Path.Combine(lab.WorkDirectory, "single-platform");
            Directory.CreateDirectory(context);
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY hello.txt /\n");
            await File.WriteAllTextAsync(Path.Combine(context, "hello.txt"), "hello\n");
            string Push(Platform platform) => $"{lab.Registry}/fluent-tests/lint-{platform.Architecture}-only-{lab.RunId}:1";
            foreach (var platform in new[] { Platform.LinuxAmd64, Platform.LinuxArm64 })
            {
                var run = await ExternalCommand.RunAsync("docker", ["buildx", "build", "--platform", platform.ToString(), "--provenance=false", "--sbom=false",
                    "--output", $"type=image,name={Push(platform)},push=true,oci-mediatypes=false", context]);
                Assert.True(run.ExitCode == 0, run.Error);
                var raw = await ExternalCommand.RunAsync("docker", ["buildx", "imagetools", "inspect", "--raw", Push(platform)]);
                Assert.False(ImageIndex.Parse(raw.Output).IsIndex, raw.Output);
            }
            _images = (Push(Platform.LinuxAmd64), Push(Platform.LinuxArm64));
            return _images.Value;
        }
        finally
        {
            Pushing.Release();
        }
    }

    public static TheoryData<string, bool> Cases => new()
    {
        // The engine's platform (linux/amd64 in the lab) against a linux/arm64 image: BuildKit warns.
        { "FROM {arm64}\n", true },
        { "FROM {amd64}\n", false },
        // A constant FROM --platform is the platform expected (BuildKit also says FromPlatformFlagConstDisallowed unless the stage name has the architecture).
        { "FROM --platform=linux/arm64 {amd64} AS tools_arm64\n", true },
        { "FROM --platform=linux/arm64 {arm64} AS tools_arm64\n", false },
        { "FROM --platform=$BUILDPLATFORM {amd64}\n", false },
        // Through a global ARG, and in a stage the final one does not need (--call=check looks at every stage).
        { "ARG BASE={arm64}\nFROM $BASE AS unused\nFROM {amd64}\n", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FD0125_and_BuildKit_report_the_same_base_image_platform_mismatch(string template, bool mismatch)
    {
        var (amd64, arm64) = await SinglePlatformImagesAsync();
        var text = template.Replace("{amd64}", amd64, StringComparison.Ordinal).Replace("{arm64}", arm64, StringComparison.Ordinal);
        var directory = Path.Combine(lab.WorkDirectory, "fd0125-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), text);

        var buildKit = (await lab.Buildx.CheckAsync(new BuildRequest(directory))).Warnings
            .Where(w => w.RuleName == "InvalidBaseImagePlatform").Select(w => (w.Location?.Line, w.Detail)).ToList();
        var report = await Linter.LintTextAsync(text, lab.Engine);
        var ours = report.Diagnostics.Where(d => report.RuleOf(d).BuildKitCheck == "InvalidBaseImagePlatform").Select(d => (d.Location.Line, d.Message)).ToList();

        Assert.Equal(mismatch ? 1 : 0, buildKit.Count);
        Assert.Equal(buildKit, ours);
    }

    [Fact]
    public async Task Lint_engine_on_the_command_line_reports_the_mismatch_for_the_engine_s_platform_or_the_platforms_given()
    {
        var (amd64, _) = await SinglePlatformImagesAsync();
        var directory = Path.Combine(lab.WorkDirectory, "fd0125-cli");
        Directory.CreateDirectory(directory);
        var dockerfile = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {amd64}\n");

        async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
            var code = await CliApp.RunAsync(args, new CliConsole(output, error, directory, Interactive: false, ansi, ansi));
            return (code, output.ToString(), error.ToString());
        }

        var engine = await RunAsync("lint", "Dockerfile", "--engine", "--fail-on", "none");
        var arm64 = await RunAsync("lint", "Dockerfile", "--engine", "--platform", "linux/amd64,linux/arm64", "--fail-on", "none");
        var without = await RunAsync("lint", "Dockerfile", "--fail-on", "none");
        var platformAlone = await RunAsync("lint", "Dockerfile", "--platform", "linux/arm64");

        Assert.Equal((0, ""), (engine.Code, engine.Error));
        Assert.DoesNotContain("FD0125", engine.Output, StringComparison.Ordinal);
        Assert.Equal(0, arm64.Code);
        Assert.Contains($"Dockerfile:1: warning FD0125: Base image {amd64} was pulled with platform \"linux/amd64\", expected \"linux/arm64\" for current build", arm64.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FD0125", without.Output, StringComparison.Ordinal);
        Assert.Equal(2, platformAlone.Code);
        Assert.Contains("add --engine", platformAlone.Error, StringComparison.Ordinal);
    }
}
