using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0018 (hadolint DL3009): a RUN that installs with apt-get and neither removes /var/lib/apt/lists nor mounts a
/// cache or tmpfs there.
/// </summary>
internal sealed class AptListsNotCleanedRule() : RunTextRule(RuleIds.AptListsNotCleaned)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any() && !RunText.CleansAptLists(script) && !MountsCacheAt(run, "/var/lib/apt"))
            yield return At(at);
    }
}
