using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0018 (hadolint DL3009): a RUN that installs with apt-get and neither removes /var/lib/apt/lists nor mounts a
/// cache or tmpfs there.
/// </summary>
internal sealed class AptListsNotCleanedRule() : RunTextRule(RuleIds.AptListsNotCleaned), IFixableRule
{
    /// <summary>Appends <c>&amp;&amp; rm -rf /var/lib/apt/lists/*</c> to the RUN (as the analyzer's code fix).</summary>
    public FixOutcome FixFinding(FixContext context, Finding finding) => context.FixRunCommand(Id, finding, RunText.AppendListCleanup,
        "removed /var/lib/apt/lists at the end of the RUN", "the RUN ends with a comment or an operator that would swallow the cleanup");

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (RunText.AptGetInstalls(script).Any() && !RunText.CleansAptLists(script) && !MountsCacheAt(run, "/var/lib/apt"))
            yield return At(at);
    }
}
