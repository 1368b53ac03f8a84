using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0106 (BuildKit UndefinedVar): a value BuildKit expands (ENV, LABEL, WORKDIR, USER, COPY/ADD paths and --chown,
/// VOLUME, ARG defaults) reads a variable no ARG or ENV defines at that point. RUN, CMD and ENTRYPOINT are left to
/// the shell, as in BuildKit. The base image's own ENV is not known here; only PATH is assumed.
/// </summary>
internal sealed class UndefinedVariableRule() : LintRule(RuleIds.UndefinedVariable)
{
    // BuildKit reads these from the build arguments without declaring them.
    private static readonly HashSet<string> Undeclared = new(StringComparer.Ordinal) { "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE" };

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
        {
            var names = ExpandedValues(at.Instruction).SelectMany(VariableReferences.In).Distinct(StringComparer.Ordinal);
            foreach (var name in names.Where(n => !at.Before.Defines(n) && !Undeclared.Contains(n)))
                yield return At(at, name, NameSuggestion.DidYouMean(name, at.Before.Config.Env.Select(e => e.Key).Concat(at.Before.Args.Keys), "$"));
        }
    }

    /// <summary>The values BuildKit expands for an instruction.</summary>
    private static IEnumerable<Expandable> ExpandedValues(Instruction instruction) => instruction switch
    {
        EnvInstruction env => env.Variables.Select(v => v.Value),
        LabelInstruction label => label.Labels.Select(l => l.Value),
        WorkdirInstruction workdir => [workdir.Path.Value],
        UserInstruction user => [user.User.Text],
        CopyInstruction copy => [.. copy.Sources.Select(s => s.Value), copy.Destination.Value, .. Chown(copy.Options)],
        CopyContentInstruction content => [content.Destination.Value, .. Chown(content.Options)],
        AddInstruction add => [.. add.Sources.OfType<AddSource.Local>().Select(s => s.Path.Value), add.Destination.Value, .. Chown(add.Options)],
        VolumeInstruction volume => volume.Paths.Select(p => p.Value),
        ArgInstruction { Arg.DefaultValue: { } value } => [value],
        _ => [],
    };

    private static IEnumerable<Expandable> Chown(CopyOptions options) => options.Chown is { } chown ? [chown.Text] : [];
}
