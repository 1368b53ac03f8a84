using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0016 (hadolint DL3014): <c>apt-get install</c> without <c>-y</c>.</summary>
internal sealed class AptGetInstallWithoutYesRule() : RunTextRule(RuleIds.AptGetInstallWithoutYes), IFixableRule
{
    /// <summary>Adds <c>-y</c> after each <c>install</c> that lacks it (the analyzer's code fix makes the same edit).</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding) => context.FixRunCommand(Id, finding,
        script => RunText.InsertAfterAptGetInstall(script, c => !RunText.HasAssumeYes(c), "-y"),
        "added -y to apt-get install", "the 'install' word is quoted: not rewritten");

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any(c => !RunText.HasAssumeYes(c))) yield return At(at);
    }
}
