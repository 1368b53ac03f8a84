namespace Fluent.Docker;

/// <summary>
/// Folds a stage's instructions over its base configuration the way BuildKit's Dockerfile frontend does, giving
/// the image config a build must produce: ENV/LABEL/USER/WORKDIR values expanded with the ARG and ENV values in
/// scope, ENTRYPOINT clearing an inherited CMD, shell forms wrapped in the stage's SHELL, and scratch's default PATH.
/// </summary>
public static class ImageConfigProjection
{
    /// <summary>BuildKit's default PATH for an image that has none (scratch).</summary>
    public const string DefaultPath = BuildState.DefaultPath;

    /// <summary>
    /// The config of <paramref name="stageName"/> (default: the final stage) built for <paramref name="platform"/>.
    /// <paramref name="baseImages"/> gives the config of each external base image (by its reference text);
    /// a missing one counts as empty. <paramref name="buildArgs"/> are the <c>--build-arg</c> values.
    /// </summary>
    public static ImageConfig Project(
        Dockerfile file,
        string? stageName = null,
        Platform? platform = null,
        Func<ImageReference, ImageConfig?>? baseImages = null,
        IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        var errors = file.Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        var target = stageName is null ? file.Stages.Count - 1 : BuildStates.IndexOf(file, stageName);
        if (target < 0) throw new ArgumentException($"The Dockerfile has no stage '{stageName}'.", nameof(stageName));
        var states = new BuildStates(file, BuildInputs.For(file, platform, buildArgs), baseImages);
        return states.Of(target)[^1].FinalConfig();
    }

    /// <summary>Expands references with the values in scope; an unset variable expands to empty, as in BuildKit.</summary>
    public static string Expand(Expandable value, IReadOnlyDictionary<string, string> scope) => BuildState.Expand(value, scope);
}
