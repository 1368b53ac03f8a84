namespace Fluent.Docker.Build;

/// <summary>
/// A <see cref="BuildRequest"/> buildx would reject or misread: every problem (<see cref="ProblemCodes.BuildRequest"/>,
/// the option as the slot, e.g. <c>BuildRequest.Output</c>), with its fix.
/// </summary>
public sealed class BuildRequestException(IReadOnlyList<Problem> problems)
    : ArgumentException(problems.Count == 1 ? problems[0].ToString() : $"The build request has {problems.Count} problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p))),
      IProblemException
{
    /// <summary>One problem with <paramref name="option"/> (a <see cref="BuildRequest"/> property name).</summary>
    public BuildRequestException(string option, string problem, string fix) : this([ProblemOf(option, problem, fix)]) { }

    public IReadOnlyList<Problem> Problems { get; } = problems;

    /// <summary>The <see cref="BuildRequest"/> property of the first problem, e.g. <c>Output</c>.</summary>
    public string Option => Problems[0].Location.Slot is { } slot && slot.StartsWith(SlotPrefix, StringComparison.Ordinal) ? slot[SlotPrefix.Length..] : Problems[0].Location.Slot ?? "";

    private const string SlotPrefix = nameof(BuildRequest) + ".";

    /// <summary>An error with <paramref name="option"/>.</summary>
    public static Problem ProblemOf(string option, string problem, string fix) =>
        Problem.Error(ProblemCodes.BuildRequest, ProblemLocation.InSlot(SlotPrefix + option), problem, fix);

    /// <summary>A request that runs but will not do all it seems to ask (e.g. attestations with <c>--load</c>): a warning on <paramref name="option"/>.</summary>
    public static Problem WarningOf(string option, string message) =>
        Problem.Warning(ProblemCodes.BuildRequest, ProblemLocation.InSlot(SlotPrefix + option), message, "");
}
