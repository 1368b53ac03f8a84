namespace Fluent.Docker;

/// <summary>Thrown when a model cannot be emitted; carries every <see cref="Problem"/>, not just the first.</summary>
public sealed class DockerfileValidationException(IReadOnlyList<Problem> problems)
    : Exception(Describe(problems)), IProblemException
{
    public IReadOnlyList<Problem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<Problem> problems) =>
        $"The Dockerfile has {problems.Count} problem(s):" + string.Concat(problems.Select(e => Environment.NewLine + "  " + e));
}
