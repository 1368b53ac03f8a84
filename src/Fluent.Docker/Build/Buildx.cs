namespace Fluent.Docker.Build;

/// <summary>
/// Runs <c>docker buildx</c> (the thin half of the build runner: <see cref="BuildxArguments"/> decides the arguments).
/// Builds go through the CLI because the Engine API cannot drive BuildKit's multi-platform builds.
/// </summary>
public sealed class Buildx(string dockerExecutable = "docker")
{
    public string DockerExecutable { get; } = string.IsNullOrWhiteSpace(dockerExecutable)
        ? throw new ArgumentException("Give the docker CLI's name or path, e.g. \"docker\".", nameof(dockerExecutable))
        : dockerExecutable;

    /// <summary>True when <c>docker buildx version</c> runs and succeeds.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await DockerCliRun.ExecuteAsync(DockerExecutable, ["buildx", "version"], null, null, false, cancellationToken).ConfigureAwait(false);
            return outcome.ExitCode == 0;
        }
        catch (BuildxException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs the build. Every line buildx prints goes to <paramref name="log"/>. On a non-zero exit, throws
    /// <see cref="BuildxException"/> carrying buildx's error text; a bad request throws <see cref="BuildRequestException"/>
    /// before anything runs.
    /// </summary>
    public async Task<BuildResult> BuildAsync(BuildRequest request, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadataFile = Path.Combine(Path.GetTempPath(), $"fluent-docker-build-{Guid.NewGuid():N}.json");
        try
        {
            var arguments = BuildxArguments.For(request, metadataFile);
            foreach (var warning in request.Warnings()) log?.Report(warning.ToString());
            var environment = EnvironmentFor(request);

            var outcome = await DockerCliRun.ExecuteAsync(DockerExecutable, arguments, environment, log, forwardStandardOutput: true, cancellationToken)
                .ConfigureAwait(false);
            if (outcome.ExitCode != 0)
                throw new BuildxException(outcome.ExitCode, CommandLineText.Format(DockerExecutable, arguments), outcome.ErrorTail);

            var metadata = File.Exists(metadataFile) ? await File.ReadAllTextAsync(metadataFile, cancellationToken).ConfigureAwait(false) : null;
            return BuildResult.FromMetadata(metadata, outcome.Duration);
        }
        finally
        {
            File.Delete(metadataFile);
        }
    }

    /// <summary>
    /// The buildx process's extra environment: secret values (the command line names only their variables) and the SSH
    /// agent socket, when it comes from a variable other than SSH_AUTH_SOCK.
    /// </summary>
    internal static Dictionary<string, string?> EnvironmentFor(BuildRequest request)
    {
        var environment = request.Secrets
            .Where(s => s.Source == BuildSecretSource.Value)
            .ToDictionary(s => s.Reference, s => s.Value);
        if (request.Ssh.FirstOrDefault(s => s.AgentVariable is not null and not "SSH_AUTH_SOCK") is { AgentVariable: { } variable })
            environment["SSH_AUTH_SOCK"] = Environment.GetEnvironmentVariable(variable);
        return environment;
    }

    /// <summary>
    /// What the registry holds for <paramref name="image"/> (<c>docker buildx imagetools inspect --raw</c>): the index
    /// with one entry per platform, or a single manifest. Uses the CLI's registry credentials.
    /// </summary>
    public async Task<ImageIndex> ImagetoolsInspectAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Problem is { } problem) throw new DockerValueException(problem);
        string[] arguments = ["buildx", "imagetools", "inspect", "--raw", image.ToString()];
        var outcome = await DockerCliRun.ExecuteAsync(DockerExecutable, arguments, null, null, false, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
            throw new BuildxException(outcome.ExitCode, CommandLineText.Format(DockerExecutable, arguments), outcome.ErrorTail);
        return ImageIndex.Parse(outcome.StandardOutput);
    }

    /// <summary>The platforms a pushed image offers (attestations left out); empty for a single-manifest image.</summary>
    public async Task<IReadOnlyList<Platform>> ImagetoolsPlatformsAsync(ImageReference image, CancellationToken cancellationToken = default) =>
        (await ImagetoolsInspectAsync(image, cancellationToken).ConfigureAwait(false)).Platforms;
}
