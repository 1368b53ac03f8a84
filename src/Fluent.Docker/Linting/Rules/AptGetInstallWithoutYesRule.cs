using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0016 (hadolint DL3014): <c>apt-get install</c> without <c>-y</c>.</summary>
internal sealed class AptGetInstallWithoutYesRule() : RunTextRule(RuleIds.AptGetInstallWithoutYes)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any(c => !RunText.HasAssumeYes(c))) yield return At(at);
    }
}
