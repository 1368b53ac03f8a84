namespace Fluent.Docker;

/// <summary>
/// Why a value cannot be emitted, and how to fix it. Values converted implicitly from literals keep their
/// problem instead of throwing, so the emitter can report it with the stage and instruction it belongs to
/// (the BuildKit llb way); the explicit <c>Parse</c> methods throw it at once.
/// </summary>
public sealed record ValueProblem(string Message, string Fix)
{
    /// <summary>The error class when the value kind has them (e.g. <see cref="ImageReferenceError"/>); null otherwise.</summary>
    public Enum? Code { get; init; }

    public override string ToString() => $"{Message} Fix: {Fix}";
}

/// <summary>A value that may carry a <see cref="ValueProblem"/> found when it was created.</summary>
public interface IDockerValue
{
    ValueProblem? Problem { get; }
}

/// <summary>Thrown by explicit parse methods when the text is not a valid value.</summary>
public sealed class DockerValueException(ValueProblem problem) : FormatException(problem.ToString())
{
    public ValueProblem Problem { get; } = problem;
}
