using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0108 (BuildKit LegacyKeyValueFormat): <c>ENV key value</c> or <c>LABEL key value</c> in the text (the emitter always writes key=value).</summary>
internal sealed class LegacyKeyValueFormatRule() : LintRule(RuleIds.LegacyKeyValueFormat), IFixableRule
{
    /// <summary>The instruction rendered in <c>key=value</c> form (the value quoted as needed), its keyword's casing kept.</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        var at = context.Instruction(finding.Location);
        if (context.NodeOf(finding.Location) is not { } node) return new FixRefusal("the instruction's text is not known");
        return new LintFix(Id, finding.Location, context.Render(at.Instruction, node.Keyword), $"{at.Instruction.Keyword} in key=value form");
    }

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        var seen = new HashSet<SourceInstruction>(ReferenceEqualityComparer.Instance);
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
            if (Codecs.InstructionCodecs.For(at.Instruction).HasKeyValuePairs && at.Source is { LegacyKeyValue: true } source && seen.Add(source))
                yield return At(at, at.Instruction.Keyword);
    }
}
