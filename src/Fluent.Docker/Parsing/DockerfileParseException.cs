namespace Fluent.Docker.Parsing;

/// <summary>
/// A Dockerfile that cannot be read, located like a compiler error: <c>line:column: reason</c>. Lines and columns
/// are 1-based; the column points at the instruction, argument or character the reason is about.
/// </summary>
public sealed class DockerfileParseException : FormatException
{
    public DockerfileParseException(int line, int column, string reason)
        : base($"{line}:{column}: {reason}")
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    public int Line { get; }
    public int Column { get; }
    public string Reason { get; }
}
