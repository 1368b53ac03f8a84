namespace Fluent.Docker;

/// <summary>
/// A domain error that has no exception type of its own (an image set two images write one file of, a definitions
/// host's bad arguments): the <see cref="Problem"/>s, and a message made of them.
/// </summary>
public sealed class ProblemException(IReadOnlyList<Problem> problems)
    : Exception(Describe(problems)), IProblemException
{
    public ProblemException(Problem problem) : this([problem]) { }

    public IReadOnlyList<Problem> Problems { get; } = problems;

    /// <summary>The problems <paramref name="exception"/> stands for: its own when it carries them, else one <see cref="ProblemCodes.Unexpected"/>.</summary>
    public static IReadOnlyList<Problem> Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is IProblemException carrier
            ? carrier.Problems
            : [Problem.Error(ProblemCodes.Unexpected, ProblemLocation.None, OneLine(exception.Message), "report it with the definitions that cause it.")];
    }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
