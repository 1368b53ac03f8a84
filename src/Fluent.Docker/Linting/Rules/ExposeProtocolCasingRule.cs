using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0113 (BuildKit ExposeProtoCasing): <c>EXPOSE 80/TCP</c> in the text (a <see cref="Port"/> always writes lowercase).</summary>
internal sealed class ExposeProtocolCasingRule() : InstructionRule<Instruction>(RuleIds.ExposeProtocolCasing)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(InstructionContext at, Instruction instruction) =>
        ExposedWords.Of(at).Where(w => w.IndexOf('/') is var slash and >= 0 && w[slash..] != w[slash..].ToLowerInvariant()).Select(w => At(at, w));
}

/// <summary>The words of an EXPOSE as the text wrote them (the model keeps only valid, typed ports).</summary>
internal static class ExposedWords
{
    public static IEnumerable<string> Of(InstructionContext at) =>
        string.Equals(at.Source?.Keyword, "EXPOSE", StringComparison.OrdinalIgnoreCase) && IsFirstOfLine(at) ? at.Source!.Arguments : [];

    // The text's instruction is reported once even if the model split it.
    private static bool IsFirstOfLine(InstructionContext at) =>
        at.Number == 1 || !ReferenceEquals(at.Stage.Instructions[at.Number - 2].Source, at.Source);
}
