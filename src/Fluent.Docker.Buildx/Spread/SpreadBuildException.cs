namespace Fluent.Docker.Build;

/// <summary>
/// One or more platforms of a spread build failed, so no tag was written. <see cref="Failures"/> names each platform,
/// the engine (docker context) it ran on and why; the platforms that succeeded stay in the registry by digest only.
/// </summary>
public sealed class SpreadBuildException : Exception, IProblemException
{
    public SpreadBuildException(ImageReference tag, IReadOnlyList<SpreadPlatformFailure> failures)
        : base(Describe(tag, failures), failures is { Count: > 0 } ? failures[0].Error : null)
    {
        Tag = tag;
        Failures = failures ?? [];
    }

    public ImageReference Tag { get; }
    public IReadOnlyList<SpreadPlatformFailure> Failures { get; }

    /// <summary>Each failed platform's problems (its build's own when it has them), the platform and engine as the slot.</summary>
    public IReadOnlyList<Problem> Problems => [.. Failures.SelectMany(f =>
        (f.Error is IProblemException carrier ? carrier.Problems
            : [Problem.Error(ProblemCodes.BuildFailed, ProblemLocation.None, f.Error.Message.Split('\n')[0], "fix that platform's build, then run again; nothing was tagged.")])
        .Select(p => p.At(p.Location.WithSlot($"{f.Platform} on engine '{f.Engine}'"))))];

    private static string Describe(ImageReference tag, IReadOnlyList<SpreadPlatformFailure>? failures) =>
        $"{tag} was not tagged: {string.Join("; ", (failures ?? []).Select(f => f.ToString()))}";
}

/// <summary>One platform of a spread build that failed, on which engine, and the error.</summary>
public sealed record SpreadPlatformFailure(Platform Platform, string Engine, Exception Error)
{
    public override string ToString() => $"{Platform} on engine '{Engine}' failed: {Error.Message.Split('\n')[0]}";
}
