namespace Fluent.Docker;

/// <summary>
/// A value that may carry the <see cref="Fluent.Docker.Problem"/> found when it was created. Values converted
/// implicitly from literals keep their problem instead of throwing, so the emitter can report it with the stage,
/// instruction and slot it belongs to (the BuildKit llb way); the explicit <c>Parse</c> methods throw it at once.
/// </summary>
public interface IDockerValue
{
    Problem? Problem { get; }
}

/// <summary>Thrown by explicit parse methods when the text is not a valid value.</summary>
public sealed class DockerValueException(Problem problem) : FormatException(problem.ToString()), IProblemException
{
    public Problem Problem { get; } = problem;

    IReadOnlyList<Problem> IProblemException.Problems => [Problem];
}
