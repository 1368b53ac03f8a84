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
    private static IEnumerable<Expandable> ExpandedValues(Instruction instruction) => Codecs.InstructionCodecs.For(instruction).ExpandedValues(instruction);
}
