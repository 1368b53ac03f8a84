using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0017 (hadolint DL3015): <c>apt-get install</c> without <c>--no-install-recommends</c>.</summary>
internal sealed class AptGetInstallRecommendsRule() : RunTextRule(RuleIds.AptGetInstallRecommends), IFixableRule
{
    /// <summary>Adds <c>--no-install-recommends</c> after each <c>install</c> that lacks it (as the analyzer's code fix).</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding) => context.FixRunCommand(Id, finding,
        script => RunText.InsertAfterAptGetInstall(script, c => !RunText.HasNoInstallRecommends(c), "--no-install-recommends"),
        "added --no-install-recommends to apt-get install", "the 'install' word is quoted: not rewritten");

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any(c => !RunText.HasNoInstallRecommends(c))) yield return At(at);
    }
}
