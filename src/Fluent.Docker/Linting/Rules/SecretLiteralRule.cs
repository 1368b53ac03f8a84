using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0004: an ENV or LABEL value, ARG default or RUN text in a well-known credential format (<c>ENV AWS_KEY=AKIA…</c>).</summary>
internal sealed class SecretLiteralRule() : LintRule(RuleIds.SecretLiteral)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        for (var i = 0; i < context.File.GlobalArgs.Count; i++)
            if (context.File.GlobalArgs[i].DefaultValue is { } value && Kind(value) is { } kind)
                yield return new Finding(LintLocation.GlobalArg(i), ["ARG default", kind]);
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
            foreach (var (slot, kind) in Secrets(at.Instruction))
                yield return At(at, slot, kind);
    }

    private static IEnumerable<(string Slot, string Kind)> Secrets(Instruction instruction)
    {
        foreach (var (slot, value) in Codecs.InstructionCodecs.For(instruction).RecordedValues(instruction))
            if (Kind(value) is { } kind) yield return (slot, kind);
    }

    private static string? Kind(Expandable value) =>
        value.Parts.Where(p => !p.IsVariable).Select(p => SecretPatterns.SecretKind(p.Text)).FirstOrDefault(k => k is not null);
}
