using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0015 (hadolint DL3027): a RUN that calls <c>apt</c> rather than <c>apt-get</c>.</summary>
internal sealed class RunAptRule() : RunTextRule(RuleIds.RunApt)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (script.Commands.Any(c => c.EffectiveProgram == "apt")) yield return At(at);
    }
}
