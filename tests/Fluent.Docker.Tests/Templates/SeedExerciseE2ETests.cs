using System.Text.Json;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// The seed exercise, for real: the optimized python-api image (Python template) against the course's naive
/// <c>Dockerfile.simple</c> (<c>FROM python:3.11</c>, <c>COPY . .</c>, <c>pip install</c>, <c>CMD python app.py</c>), both
/// built in the lab from one app tree that also holds what a working copy has (<c>.git</c>, <c>__pycache__</c>, <c>.env</c>,
/// venvs). The five criteria: answers on 5000 (<c>/</c> and <c>/health</c>); at least 30% smaller; <c>whoami</c> is not
/// root; the .dockerignore keeps .git, __pycache__, .env and venvs out; a code-only change rebuilds without re-running
/// the dependency step.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SeedExerciseE2ETests(DockerLabFixture lab)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Exercise? _exercise;

    private sealed record Exercise(BuiltImage Optimized, BuiltImage Naive, BuiltImage OptimizedAfterChange, BuildLog OptimizedRebuild, BuildLog NaiveRebuild, string DockerIgnore, string ChangedMessage);

    /// <summary>Both images built once per run, then the app changed and both rebuilt with their build logs kept.</summary>
    private async Task<Exercise> BuildAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_exercise is not null) return _exercise;
            var optimized = PythonApi.Definition;
            // The course's naive build has no .dockerignore: the naive image sees the whole working copy.
            var naive = ImageDefinition.Create("seed-exercise/simple", NaiveImages.PythonApi)
                .WithContextDirectory(optimized.ContextDirectory).WithIgnore(DockerIgnore.Empty).WithPlatforms(Platform.LinuxAmd64);
            var generated = new[] { optimized, naive }.Select(definition =>
            {
                // One copy of the app each, with the clutter of a working copy.
                var root = Path.Combine(lab.WorkDirectory, "seed-exercise", definition == optimized ? "optimized" : "naive");
                RepositoryLayout.CopyExampleSources(definition, root);
                AddWorkingCopyClutter(Path.Combine(root, definition.ContextDirectory));
                return definition.Generate(root);
            }).ToArray();
            var destination = new ImageDestination.Registry(lab.Registry, "seed-" + lab.RunId);

            var first = await ImageSetBuild.RunAsync(generated, destination, lab.Buildx);
            // Unique per run: BuildKit's cache is by content, so a change made before would come back cached.
            var changedMessage = "hello from python-api, changed in " + lab.RunId;
            foreach (var image in generated)
            {
                var app = Path.Combine(image.ContextDirectory, "app.py");
                await File.WriteAllTextAsync(app, (await File.ReadAllTextAsync(app)).Replace("hello from python-api", changedMessage));
            }
            var optimizedLog = new BuildLog();
            var naiveLog = new BuildLog();
            var rebuiltOptimized = (await ImageSetBuild.RunAsync([generated[0]], destination with { Tag = "seed-changed-" + lab.RunId }, lab.Buildx, optimizedLog)).Single();
            await ImageSetBuild.RunAsync([generated[1]], destination with { Tag = "seed-changed-" + lab.RunId }, lab.Buildx, naiveLog);
            foreach (var image in first.Append(rebuiltOptimized)) lab.RemoveAtEnd(image.Location);
            lab.RemoveAtEnd($"{lab.Registry}/{naive.Name}:seed-changed-{lab.RunId}");

            return _exercise = new Exercise(first[0], first[1], rebuiltOptimized, optimizedLog, naiveLog,
                await File.ReadAllTextAsync(generated[0].DockerIgnorePath), changedMessage);
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task Optimized_image_answers_on_port_5000_at_root_and_health()
    {
        var exercise = await BuildAsync();
        var image = ImageReference.Parse(exercise.Optimized.Location);

        var health = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(5000, "/health").WithPlatform(Platform.LinuxAmd64));
        var root = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(5000, "/").WithPlatform(Platform.LinuxAmd64));

        Assert.Equal("healthy", health.Health);
        Assert.Equal("healthy", JsonDocument.Parse(health.Body!).RootElement.GetProperty("status").GetString());
        Assert.Equal("hello from python-api", JsonDocument.Parse(root.Body!).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Optimized_image_is_at_least_30_percent_smaller_than_the_naive_one()
    {
        var exercise = await BuildAsync();
        var optimized = await lab.Engine.InspectImageAsync(exercise.Optimized.Location, Platform.LinuxAmd64);
        var naive = await lab.Engine.InspectImageAsync(exercise.Naive.Location, Platform.LinuxAmd64);

        // Compressed bytes in the registry (what a pull transfers) and the engine's own size, both.
        Assert.True(exercise.Optimized.CompressedBytes <= 0.7 * exercise.Naive.CompressedBytes,
            $"optimized {exercise.Optimized.CompressedBytes} B vs naive {exercise.Naive.CompressedBytes} B compressed");
        Assert.True(optimized.Size <= 0.7 * naive.Size, $"optimized {optimized.Size} B vs naive {naive.Size} B in the engine");
    }

    [Fact]
    public async Task Optimized_image_runs_as_a_named_non_root_user()
    {
        var exercise = await BuildAsync();

        var optimized = await lab.Engine.RunAsync(ImageReference.Parse(exercise.Optimized.Location), ["whoami"], Platform.LinuxAmd64, TimeSpan.FromMinutes(1));
        var naive = await lab.Engine.RunAsync(ImageReference.Parse(exercise.Naive.Location), ["whoami"], Platform.LinuxAmd64, TimeSpan.FromMinutes(1));

        Assert.Equal(0, optimized.ExitCode);
        Assert.Equal("app", optimized.Stdout.Trim());
        Assert.Equal("root", naive.Stdout.Trim()); // the check can tell the difference
    }

    [Fact]
    public async Task Dockerignore_keeps_git_pycache_env_and_venvs_out_of_the_image()
    {
        var exercise = await BuildAsync();
        const string List = "import os; print('\\n'.join(sorted(os.path.relpath(os.path.join(d, n), '/app') for d, ds, fs in os.walk('/app') for n in ds + fs)))";

        var optimized = await lab.Engine.RunAsync(ImageReference.Parse(exercise.Optimized.Location), ["python", "-c", List], Platform.LinuxAmd64, TimeSpan.FromMinutes(1));
        var naive = await lab.Engine.RunAsync(ImageReference.Parse(exercise.Naive.Location), ["python", "-c", List], Platform.LinuxAmd64, TimeSpan.FromMinutes(1));

        var inImage = optimized.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("app.py", inImage);
        foreach (var clutter in new[] { ".git", "__pycache__", ".env", "venv", ".venv" })
        {
            Assert.DoesNotContain(inImage, path => path == clutter || path.StartsWith(clutter + "/", StringComparison.Ordinal));
            Assert.Contains(clutter, naive.Stdout.Split('\n')); // without the .dockerignore it would be there
        }
        foreach (var pattern in new[] { ".git", "**/__pycache__", ".env", "**/venv", "**/.venv" })
            Assert.Contains(pattern, exercise.DockerIgnore.Split('\n'));
    }

    [Fact]
    public async Task Code_only_change_rebuilds_without_re_running_the_dependency_step()
    {
        var exercise = await BuildAsync();

        var install = Assert.Single(exercise.OptimizedRebuild.StepsRunning("pip --python /opt/venv/bin/python install"));
        var source = Assert.Single(exercise.OptimizedRebuild.Steps, s => s.Stage == "runtime" && s.Instruction == "COPY . .");
        Assert.Equal(StepState.Cached, install.State);
        Assert.True(source.Ran, "the source layer must be rebuilt; the rebuild's steps: " +
            string.Join("; ", exercise.OptimizedRebuild.Steps));
        Assert.True(Assert.Single(exercise.NaiveRebuild.StepsRunning("pip install")).Ran, "the naive Dockerfile re-runs pip install"); // the measure can see a re-run
        var run = await lab.Engine.RunAsync(ImageReference.Parse(exercise.OptimizedAfterChange.Location),
            ["python", "-c", "print(open('/app/app.py').read())"], Platform.LinuxAmd64, TimeSpan.FromMinutes(1));
        Assert.Contains(exercise.ChangedMessage, run.Stdout);
    }

    /// <summary>What a developer's working copy holds besides the app: VCS data, bytecode, local secrets, virtualenvs.</summary>
    private static void AddWorkingCopyClutter(string directory)
    {
        void Write(string relative, string text)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write(".git/objects/ab/cdef", "blob");
        Write("__pycache__/app.cpython-311.pyc", "bytecode");
        Write(".env", "SECRET_KEY=do-not-ship\n");
        Write("venv/bin/python", "#!/bin/sh\n");
        Write(".venv/pyvenv.cfg", "home = /usr/bin\n");
    }
}
