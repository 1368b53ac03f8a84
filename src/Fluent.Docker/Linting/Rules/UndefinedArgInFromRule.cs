using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0105 (BuildKit UndefinedArgInFrom): FROM (its image or --platform) reads a variable that is neither a global ARG
/// nor one of BuildKit's platform arguments. Read from the text when there is one, else from the model's references.
/// </summary>
internal sealed class UndefinedArgInFromRule() : StageRule(RuleIds.UndefinedArgInFrom)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        var known = stage.File.GlobalArgNames.Concat(stage.File.States.Inputs.Automatic.Keys).ToHashSet(StringComparer.Ordinal);
        var used = stage.FromSource is { Arguments: [var image, ..] } source
            ? source.Flags.Where(f => f.StartsWith("--platform=", StringComparison.Ordinal)).Append(image).SelectMany(VariableReferences.InText)
            : ModelReferences(stage.Stage);
        foreach (var name in used.Distinct(StringComparer.Ordinal).Where(n => !known.Contains(n)))
            yield return AtFrom(stage, name, NameSuggestion.DidYouMean(name, known));
    }

    private static IEnumerable<string> ModelReferences(Stage stage)
    {
        if (stage.Base is BaseImage.Expanded expanded)
            foreach (var name in VariableReferences.In(expanded.Reference))
                yield return name;
        if (stage.Platform is { AutomaticArgument: { } argument }) yield return argument;
        if (stage.Platform is { Expression: { } expression })
            foreach (var name in VariableReferences.In(expression))
                yield return name;
    }
}
