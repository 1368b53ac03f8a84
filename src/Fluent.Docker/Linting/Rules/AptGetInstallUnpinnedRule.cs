using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0115 (hadolint DL3008): <c>apt-get install</c> of a package without <c>=version</c> (local .deb files excepted).</summary>
internal sealed class AptGetInstallUnpinnedRule() : RunTextRule(RuleIds.AptGetInstallUnpinned)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script) =>
        PackageInstalls.In(script, PackageInstalls.AptGet).SelectMany(i => i.Packages)
            .Where(p => !p.Contains('=', StringComparison.Ordinal) && !p.Contains('/', StringComparison.Ordinal) && !p.EndsWith(".deb", StringComparison.Ordinal))
            .Select(p => At(at, p));
}
