using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0114 (BuildKit ExposeInvalidFormat): <c>EXPOSE 127.0.0.1:80:80</c> or <c>EXPOSE 8080:80</c> in the text; EXPOSE takes container ports only.</summary>
internal sealed class ExposeInvalidFormatRule() : InstructionRule<Instruction>(RuleIds.ExposeInvalidFormat)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(InstructionContext at, Instruction instruction) =>
        ExposedWords.Of(at).Where(w => w.Contains(':', StringComparison.Ordinal)).Select(w => At(at, w));
}
