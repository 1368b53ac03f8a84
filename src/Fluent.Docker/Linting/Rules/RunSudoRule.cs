using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0013 (hadolint DL3004): a RUN that calls sudo.</summary>
internal sealed class RunSudoRule() : RunTextRule(RuleIds.RunSudo)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (script.Commands.Any(c => c.Program == "sudo")) yield return At(at);
    }
}
