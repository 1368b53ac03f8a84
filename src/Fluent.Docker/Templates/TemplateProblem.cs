namespace Fluent.Docker.Templates;

/// <summary>A template option that cannot produce a working image: which option, why, and how to fix it.</summary>
public sealed record TemplateProblem(string Option, string Message, string Fix)
{
    public override string ToString() => $"{Option}: {Message} Fix: {Fix}";
}

/// <summary>Thrown by a template before it builds anything; carries every problem with its options, not just the first.</summary>
public sealed class TemplateOptionsException(string template, IReadOnlyList<TemplateProblem> problems)
    : ArgumentException($"The {template} template options have {problems.Count} problem(s):" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)))
{
    public string Template { get; } = template;
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
