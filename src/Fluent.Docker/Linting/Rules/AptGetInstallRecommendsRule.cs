using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0017 (hadolint DL3015): <c>apt-get install</c> without <c>--no-install-recommends</c>.</summary>
internal sealed class AptGetInstallRecommendsRule() : RunTextRule(RuleIds.AptGetInstallRecommends)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any(c => !RunText.HasNoInstallRecommends(c))) yield return At(at);
    }
}
