using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0112 (BuildKit InvalidDefinitionDescription, experimental): the comment right above <c>FROM … AS name</c> or
/// <c>ARG name</c> does not start with the name, so BuildKit does not take it as the description.
/// </summary>
internal sealed class InvalidDefinitionDescriptionRule() : LintRule(RuleIds.InvalidDefinitionDescription)
{
    public override bool IsExperimental => true;

    internal override RulePhase Phase => RulePhase.Read;

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        // One ARG line may declare several names; the model holds one ArgInstruction per name, all with that line's source.
        var args = new List<(ProblemLocation At, SourceInstruction Source, string Name)>();
        for (var i = 0; i < context.File.GlobalArgs.Count; i++)
            if (context.Source?.GlobalArg(i) is { } source) args.Add((LintLocation.GlobalArg(i), source, context.File.GlobalArgs[i].Name));
        foreach (var stage in context.Stages)
        {
            if (stage.FromSource is { Arguments: [_, _, var name] } from && Invalid(from, [name.ToLowerInvariant()]))
                yield return AtFrom(stage, "FROM", name.ToLowerInvariant());
            foreach (var at in stage.Instructions)
                if (at.Instruction is ArgInstruction arg && at.Source is { } source) args.Add((LintLocation.Of(at), source, arg.Arg.Name));
        }
        foreach (var line in args.GroupBy(a => a.Source, ReferenceEqualityComparer.Instance))
        {
            var names = line.Select(a => a.Name).ToList();
            if (Invalid(line.First().Source, names)) yield return new Finding(line.First().At, ["ARG", names.Count == 1 ? names[0] : "<arg_key>"]);
        }
    }

    private static bool Invalid(SourceInstruction source, IReadOnlyList<string> names) =>
        source.Comments is [.., var last] && !names.Contains(last.Split(' ')[0], StringComparer.Ordinal);
}
