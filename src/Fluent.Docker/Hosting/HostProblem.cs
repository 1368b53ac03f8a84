namespace Fluent.Docker.Hosting;

/// <summary>What kind of mistake stopped a definitions host.</summary>
public enum HostProblemKind
{
    /// <summary>A Dockerfile model that cannot be emitted (<see cref="DockerfileValidationException"/>).</summary>
    Dockerfile,

    /// <summary>A value that is not valid where it stands (<see cref="DockerValueException"/>).</summary>
    Value,

    /// <summary>A .dockerignore that cannot be written (<see cref="DockerIgnoreException"/>).</summary>
    DockerIgnore,

    /// <summary>A lock that is missing or lacks an image (<see cref="Pinning.ImageLockException"/>).</summary>
    Lock,

    /// <summary>The image set itself (e.g. two images writing one file) or the host's arguments.</summary>
    Definition,
}

/// <summary>
/// One mistake a definitions host found, typed, as <see cref="HostManifest.Problems"/> carries it: where (stage,
/// instruction, slot, when known), what, and the fix. The tool shows these instead of reading the host's console.
/// </summary>
public sealed record HostProblem(HostProblemKind Kind, string Message, string? Fix = null)
{
    public string? Stage { get; init; }
    public int? StageIndex { get; init; }
    public int? InstructionNumber { get; init; }
    public string? Keyword { get; init; }
    public string? Slot { get; init; }

    /// <summary>The problems <paramref name="exception"/> stands for: one per model error, else one.</summary>
    public static IReadOnlyList<HostProblem> From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            DockerfileValidationException invalid => [.. invalid.Errors.Select(e => new HostProblem(HostProblemKind.Dockerfile, e.Message, e.Fix)
            {
                Stage = e.Stage, StageIndex = e.StageIndex, InstructionNumber = e.InstructionNumber, Keyword = e.Keyword, Slot = e.Slot,
            })],
            DockerValueException value => [new HostProblem(HostProblemKind.Value, value.Problem.Message, value.Problem.Fix)],
            DockerIgnoreException ignore => [new HostProblem(HostProblemKind.DockerIgnore, OneLine(ignore.Message))],
            Pinning.ImageLockException locked => [new HostProblem(HostProblemKind.Lock, OneLine(locked.Message))],
            _ => [new HostProblem(HostProblemKind.Definition, OneLine(exception.Message))],
        };
    }

    /// <summary>Like a compiler error: <c>stage 'app' (#1), instruction 2 RUN, slot: message Fix: fix</c>.</summary>
    public override string ToString()
    {
        var location = Kind == HostProblemKind.Dockerfile
            ? new DockerfileError(Stage, StageIndex, InstructionNumber, Keyword, Slot ?? "", Message, Fix ?? "").Location + (Slot is null ? "" : ", " + Slot) + ": "
            : "";
        return location + Message + (Fix is null ? "" : " Fix: " + Fix);
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
