using System.Text.RegularExpressions;
using Fluent.Docker.Pinning;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// <c>fluent-docker lock</c> through the installed tool against the lab engine: the lock file, pinned generation, a
/// second lock that changes nothing, a definition that outgrew its lock, and a platform the locked base lacks.
/// </summary>
[Trait("Category", "E2E")]
[Trait("Category", "Tool")]
[Collection(InstalledToolCollection.Name)]
public sealed class ToolLockE2ETests(InstalledTool tool, DockerLabFixture lab) : IClassFixture<DockerLabFixture>
{
    /// <summary>The busybox image of <see cref="DefinitionsProcessTests"/>, plus a file copied from debian:bookworm-slim.</summary>
    private const string WithDebian = """
        using Fluent.Docker;

        public static class Images
        {
            public static ImageDefinition App { get; } = ImageDefinition.Create("cli-tests/hello", Dockerfile.Create(
                    Stage.Named("app").From("busybox:1.36")
                        .CopyFrom((ImageReference)"debian:bookworm-slim", "/etc/debian_version", "/etc/debian_version")
                        .User(UserSpec.Id(10001, 10001))
                        .Cmd("cat", "/etc/debian_version")))
                .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);

            public static ImageDefinition[] All => [App];
        }
        """;

    /// <summary>python:3.11-slim exists only for linux/amd64 in the lab.</summary>
    private const string PythonForArm = """
        using Fluent.Docker;

        public static class Images
        {
            public static ImageDefinition App { get; } = ImageDefinition.Create("cli-tests/py", Dockerfile.Create(
                    Stage.Named("runtime").From("python:3.11-slim").User(UserSpec.Id(10001, 10001)).Cmd("python", "-V")))
                .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);

            public static ImageDefinition[] All => [App];
        }
        """;

    [Fact]
    public async Task Lock_pins_generation_to_digests_and_a_definition_that_outgrows_the_lock_fails_until_locked_again()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "lock");
        var lockPath = Path.Combine(repo, ".fluent-docker", ImageLock.FileName);
        var busybox = await lab.Engine.ResolveAsync(ImageReference.Parse("busybox:1.36"));

        var first = tool.Run(repo, "lock");
        var written = File.ReadAllText(lockPath);
        var generate = tool.Run(repo, "generate");
        var dockerfile = File.ReadAllText(Path.Combine(repo, "Dockerfile"));
        var again = tool.Run(repo, "lock");
        var writtenAgain = File.ReadAllText(lockPath);
        var fresh = tool.Run(repo, "generate", "--verify-no-changes");
        var upToDate = tool.Run(repo, "lock", "--update", "--verify-no-changes");
        // The tag "moved": the locked digest is no longer what busybox:1.36 names.
        var moved = written.Replace(busybox.Digest, "sha256:" + new string('0', 64));
        File.WriteAllText(lockPath, moved);
        var coverageOnly = tool.Run(repo, "lock", "--verify-no-changes");
        var drift = tool.Run(repo, "lock", "--update", "--verify-no-changes");
        var afterDrift = File.ReadAllText(lockPath);
        File.WriteAllText(lockPath, written);
        File.WriteAllText(Path.Combine(repo, ".fluent-docker", "Images.cs"), WithDebian);
        var outgrown = tool.Run(repo, "generate");
        var relock = tool.Run(repo, "lock");
        var regenerate = tool.Run(repo, "generate");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches($@"(?m)^busybox:1\.36\s+{Regex.Escape(busybox.Digest[..19])}\s+linux/amd64,linux/arm64\S*\s+added$", first.Output);
        Assert.Contains("1 image(s) locked in .fluent-docker/images.lock.json; 1 change(s).", first.Output);
        Assert.Equal(busybox.Digest, ImageLock.Parse(written).Find(ImageReference.Parse("busybox:1.36"))!.Digest);

        Assert.True(generate.ExitCode == 0, generate.ToString());
        Assert.StartsWith($"FROM busybox:1.36@{busybox.Digest} AS app\n", dockerfile);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"(?m)^busybox:1\.36\s+.*\s+unchanged$", again.Output);
        Assert.Equal(written, writtenAgain);
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.True(upToDate.ExitCode == 0, upToDate.ToString());
        Assert.Contains("1 image(s): .fluent-docker/images.lock.json is up to date.", upToDate.Output);
        Assert.True(coverageOnly.ExitCode == 0, coverageOnly.ToString()); // without --update a locked digest stands
        Assert.True(drift.ExitCode == 1, drift.ToString());
        Assert.Matches($@"(?m)^busybox:1\.36\s+{Regex.Escape(busybox.Digest[..19])}\s+\S+\s+updated \(was sha256:000000000000\)$", drift.Output);
        Assert.Contains("error: .fluent-docker/images.lock.json is out of date (1 change(s) above). Fix: run 'fluent-docker lock --update' and commit the result.", drift.Error);
        Assert.Equal(moved, afterDrift); // --verify-no-changes writes nothing

        Assert.True(outgrown.ExitCode == 2, outgrown.ToString());
        Assert.Contains("cli-tests/hello: debian:bookworm-slim is not in images.lock.json. Fix: run 'fluent-docker lock'", outgrown.Error);
        Assert.True(relock.ExitCode == 0, relock.ToString());
        Assert.Matches(@"(?m)^debian:bookworm-slim\s+sha256:\w{12}\s+linux/amd64,linux/arm64\S*\s+added$", relock.Output);
        Assert.True(regenerate.ExitCode == 0, regenerate.ToString());
        // The pinned reference is long, so the emitter may put the flag on a continuation line of its own.
        Assert.Matches(@"COPY (\\\n\s+)?--from=debian:bookworm-slim@sha256:", File.ReadAllText(Path.Combine(repo, "Dockerfile")));
    }

    [Fact]
    public void Lock_of_an_image_the_registry_does_not_have_is_one_line_naming_it_and_writes_nothing()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "lock-missing", PythonForArm.Replace("python:3.11-slim", $"{lab.Registry}/fluent-tests/no-such-image:1"));

        var run = tool.Run(repo, "lock");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"error: image not found: {lab.Registry}/fluent-tests/no-such-image:1 (", run.Error);
        Assert.Contains("Fix: check its name and tag in the definitions.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Path.Combine(repo, ".fluent-docker", ImageLock.FileName)));
    }

    [Fact]
    public void Lock_warns_and_build_refuses_when_a_locked_base_lacks_a_platform_the_image_is_built_for()
    {
        var repo = DefinitionsProcessTests.Repository(tool, "lock-platforms", PythonForArm);

        var run = tool.Run(repo, "lock");
        var build = tool.Run(repo, "build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: cli-tests/py: stage 'runtime' needs python:3.11-slim for linux/arm64, but it offers only linux/amd64. Fix:", run.Error);
        // build refuses before BuildKit runs a step, naming the image, stage and platform.
        Assert.True(build.ExitCode == 2, build.ToString());
        Assert.StartsWith("error: 1 base image(s) lack a platform asked for (per .fluent-docker/images.lock.json).", build.Error);
        Assert.Contains("  cli-tests/py: stage 'runtime' needs python:3.11-slim for linux/arm64, but it offers only linux/amd64", build.Error);
        Assert.DoesNotContain("building cli-tests/py", build.Error);
    }
}
