namespace Fluent.Docker.Templates;

/// <summary>
/// Thrown by a template before it builds anything; carries every problem (<see cref="ProblemCodes.TemplateOption"/>,
/// the option as the slot), not just the first.
/// </summary>
public sealed class TemplateOptionsException(string template, IReadOnlyList<Problem> problems)
    : ArgumentException($"The {template} template options have {problems.Count} problem(s):" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p))), IProblemException
{
    public string Template { get; } = template;
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
