using System.ComponentModel;
using CliWrap;

namespace Fluent.Docker.Build;

/// <summary>
/// Runs <c>buildah build</c> with the same typed <see cref="BuildRequest"/> buildx takes (the thin half of the Buildah
/// runner: <see cref="BuildahArguments"/> decides the arguments and refuses what Buildah lacks). The image lands in
/// Buildah's storage; <see cref="BuildRequest.Output"/> then pushes it to a registry or writes an archive.
/// </summary>
public sealed class Buildah(string executable = "buildah")
{
    private const int TailLines = 40;

    /// <summary>The release whose facts are recorded: Debian bookworm's Buildah 1.28.</summary>
    public static BuilderProfile DefaultProfile { get; } = BuilderProfile.Buildah("1.28");

    public string Executable { get; } = string.IsNullOrWhiteSpace(executable)
        ? throw new ArgumentException("Give the buildah executable's name or path, e.g. \"buildah\".", nameof(executable))
        : executable;

    /// <summary>The Buildah release this runner's requests and models are checked against.</summary>
    public BuilderProfile Profile { get; init; } = DefaultProfile;

    /// <summary>
    /// The problems of <paramref name="model"/> when Buildah builds it: every model error, and each Dockerfile feature
    /// <paramref name="profile"/> refuses, naming the profile and the fix. Empty when Buildah can build it.
    /// </summary>
    public static IReadOnlyList<Problem> Check(Dockerfile model, BuilderProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var target = profile ?? DefaultProfile;
        if (target.BuildahVersion is null) throw new ArgumentException($"{target.DisplayName} is not a Buildah profile.", nameof(profile));
        return model.WithFrontend(target).Validate();
    }

    /// <summary>True when <c>buildah --version</c> runs.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await ExecuteAsync(["--version"], null, null, cancellationToken).ConfigureAwait(false)).ExitCode == 0;
        }
        catch (BuildahException e) when (e.ExitCode is null)
        {
            return false;
        }
    }

    /// <summary>
    /// Refuses <paramref name="model"/>'s features Buildah lacks (throwing <see cref="DockerfileValidationException"/>
    /// before anything runs), then builds <paramref name="request"/>, whose Dockerfile is <paramref name="model"/>'s emitted file.
    /// </summary>
    public Task<BuildahResult> BuildAsync(Dockerfile model, BuildRequest request, IProgress<string>? output = null, CancellationToken cancellationToken = default)
    {
        var problems = Check(model, Profile);
        if (problems.Count > 0) throw new DockerfileValidationException(problems);
        return BuildAsync(request, output, cancellationToken);
    }

    /// <summary>
    /// Runs <c>buildah build</c> for <paramref name="request"/> (refusing, as <see cref="BuildRequestException"/>, the
    /// options Buildah lacks), then the pushes its output asks for. Each line Buildah writes goes to
    /// <paramref name="output"/>. Throws <see cref="BuildahException"/> when Buildah fails.
    /// </summary>
    public async Task<BuildahResult> BuildAsync(BuildRequest request, IProgress<string>? output = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var idFile = request.ImageIdFile ?? Path.Combine(Path.GetTempPath(), "fluent-docker-buildah-" + Guid.NewGuid().ToString("N") + ".iid");
        var arguments = BuildahArguments.For(request, idFile, Profile);
        var environment = Buildx.EnvironmentFor(request);
        var started = DateTimeOffset.UtcNow;
        try
        {
            // buildah build --manifest adds to an existing list: start the list afresh so it holds this build's platforms only.
            if (BuildahArguments.ManifestList(request) is { } list && (await ExecuteAsync(["manifest", "exists", list], null, null, cancellationToken).ConfigureAwait(false)).ExitCode == 0)
                await RunAsync(["manifest", "rm", list], null, output, cancellationToken).ConfigureAwait(false);
            await RunAsync(arguments, environment, output, cancellationToken).ConfigureAwait(false);
            var manifestList = BuildahArguments.ManifestList(request);
            var imageId = manifestList is null ? (await File.ReadAllTextAsync(idFile, cancellationToken).ConfigureAwait(false)).Trim() : null;
            foreach (var push in BuildahArguments.PushCommands(request, imageId ?? manifestList!))
                await RunAsync(push, null, output, cancellationToken).ConfigureAwait(false);
            return new BuildahResult(imageId, [.. request.Tags], manifestList, DateTimeOffset.UtcNow - started);
        }
        finally
        {
            if (request.ImageIdFile is null) File.Delete(idFile);
        }
    }

    /// <summary>Removes images or manifest lists from Buildah's storage by name or ID (<c>buildah rmi -f</c>); missing ones are skipped.</summary>
    public async Task RemoveImagesAsync(IEnumerable<string> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images)
        {
            if ((await ExecuteAsync(["manifest", "exists", image], null, null, cancellationToken).ConfigureAwait(false)).ExitCode == 0)
                await ExecuteAsync(["manifest", "rm", image], null, null, cancellationToken).ConfigureAwait(false);
            else
                await ExecuteAsync(["rmi", "-f", image], null, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, IProgress<string>? output, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(arguments, environment, output, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0) throw new BuildahException(outcome.ExitCode, CommandLineText.Format(Executable, arguments), outcome.Tail);
    }

    private async Task<(int ExitCode, string Tail)> ExecuteAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment, IProgress<string>? output, CancellationToken cancellationToken)
    {
        var tail = new Queue<string>();
        void OnLine(string line)
        {
            output?.Report(line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
        }
        var command = Cli.Wrap(Executable).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine)).WithStandardErrorPipe(PipeTarget.ToDelegate(OnLine));
        if (environment is { Count: > 0 }) command = command.WithEnvironmentVariables(environment);
        try
        {
            var result = await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            lock (tail) return (result.ExitCode, string.Join(Environment.NewLine, tail));
        }
        catch (Win32Exception exception)
        {
            throw new BuildahException(null, CommandLineText.Format(Executable, arguments), "", exception);
        }
    }
}
