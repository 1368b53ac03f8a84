using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0116 (hadolint DL3013): <c>pip install</c> of a package without a version specifier. Requirement files, local
/// paths, archives and VCS or URL requirements are not packages by name and are left alone.
/// </summary>
internal sealed class PipInstallUnpinnedRule() : RunTextRule(RuleIds.PipInstallUnpinned)
{
    private static readonly string[] Specifiers = ["==", ">=", "<=", "~=", "!=", "<", ">", "@"];
    private static readonly string[] FileSuffixes = [".whl", ".tar.gz", ".zip", ".tar.bz2"];

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script) =>
        PackageInstalls.In(script, PackageInstalls.Pip).SelectMany(i => i.Packages)
            .Where(p => !Specifiers.Any(s => p.Contains(s, StringComparison.Ordinal)) && !IsPathOrUrl(p))
            .Select(p => At(at, p));

    private static bool IsPathOrUrl(string requirement) =>
        requirement.StartsWith('.') || requirement.Contains('/', StringComparison.Ordinal) || requirement.Contains(':', StringComparison.Ordinal)
        || FileSuffixes.Any(s => requirement.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
