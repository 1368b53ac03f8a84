using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0108 (BuildKit LegacyKeyValueFormat): <c>ENV key value</c> or <c>LABEL key value</c> in the text (the emitter always writes key=value).</summary>
internal sealed class LegacyKeyValueFormatRule() : LintRule(RuleIds.LegacyKeyValueFormat)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        var seen = new HashSet<SourceInstruction>(ReferenceEqualityComparer.Instance);
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
            if (Codecs.InstructionCodecs.For(at.Instruction).HasKeyValuePairs && at.Source is { LegacyKeyValue: true } source && seen.Add(source))
                yield return At(at, at.Instruction.Keyword);
    }
}
