namespace Fluent.Docker.Parsing;

/// <summary>
/// A Dockerfile that cannot be read, located like a compiler error: <c>line:column: reason</c>. Lines and columns
/// are 1-based; the column points at the instruction, argument or character the reason is about.
/// </summary>
public sealed class DockerfileParseException : FormatException, IProblemException
{
    public DockerfileParseException(int line, int column, string reason)
        : base($"{line}:{column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
        Problem = Problem.Error(ProblemCodes.UnreadableDockerfile, ProblemLocation.AtLine(line, column), reason,
            "write the instruction as BuildKit's Dockerfile reference gives it.");
    }

    /// <summary>The same as a <see cref="Fluent.Docker.Problem"/>: <see cref="ProblemCodes.UnreadableDockerfile"/> at the line and column.</summary>
    public Problem Problem { get; }

    IReadOnlyList<Problem> IProblemException.Problems => [Problem];

    public int Line { get; }
    public int Column { get; }
    public string Reason { get; }
}
