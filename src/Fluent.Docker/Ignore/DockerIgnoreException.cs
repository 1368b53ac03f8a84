namespace Fluent.Docker;

/// <summary>Why BuildKit would refuse a .dockerignore; the same classes as moby/patternmatcher and its ignorefile reader.</summary>
public enum DockerIgnoreError
{
    /// <summary>The pattern is not a valid glob (Go's <c>filepath.ErrBadPattern</c>), e.g. an unclosed <c>[</c> or a reversed range <c>[z-a]</c>.</summary>
    BadPattern,

    /// <summary>A pattern that is only <c>!</c> ("illegal exclusion pattern").</summary>
    IllegalExclusion,

    /// <summary>A line of 64 KiB or more, which the reader cannot take (Go's <c>bufio.ErrTooLong</c>).</summary>
    LineTooLong,
}

/// <summary>A .dockerignore BuildKit would refuse, naming the pattern, where it is, and the fix.</summary>
public sealed class DockerIgnoreException(DockerIgnoreError error, string pattern, int? number, string reason, string fix)
    : FormatException($"{(number is null ? "" : $"pattern {number} ")}'{ImageReference.Printable(pattern)}': {reason} Fix: {fix}"), IProblemException
{
    /// <summary>The same as a <see cref="Fluent.Docker.Problem"/>: <see cref="ProblemCodes.InvalidDockerIgnore"/>, the pattern's line, the class as its <see cref="Problem.Kind"/>.</summary>
    public Problem Problem { get; } = Problem.Error(ProblemCodes.InvalidDockerIgnore,
        new ProblemLocation { File = ".dockerignore", Line = number, Slot = $"pattern '{ImageReference.Printable(pattern)}'" }, reason, fix) with { Kind = error };

    IReadOnlyList<Problem> IProblemException.Problems => [Problem];

    public DockerIgnoreError Error { get; } = error;

    /// <summary>The pattern as given (or the line, for <see cref="DockerIgnoreError.LineTooLong"/>).</summary>
    public string Pattern { get; } = pattern;

    /// <summary>1-based position of the pattern (or line number when read from a file); null when unknown.</summary>
    public int? Number { get; } = number;

    public string Reason { get; } = reason;
    public string Fix { get; } = fix;
}
