using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0117 (hadolint DL3016): <c>npm install name</c> without <c>@version</c> (a scoped <c>@scope/name</c> needs a
/// second @). Installing from package.json (no names), paths, tarballs and git or URL specs is left alone.
/// </summary>
internal sealed class NpmInstallUnpinnedRule() : RunTextRule(RuleIds.NpmInstallUnpinned)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script) =>
        PackageInstalls.In(script, PackageInstalls.Npm).SelectMany(i => i.Packages)
            .Where(p => p.IndexOf('@', 1) < 0 && !IsPathOrUrl(p))
            .Select(p => At(at, p));

    private static bool IsPathOrUrl(string spec) =>
        spec.StartsWith('.') || spec.StartsWith('/') || spec.StartsWith('~') || spec.Contains(':', StringComparison.Ordinal)
        || spec.EndsWith(".tgz", StringComparison.Ordinal) || spec.EndsWith(".tar.gz", StringComparison.Ordinal)
        || (!spec.StartsWith('@') && spec.Contains('/', StringComparison.Ordinal)); // user/repo is a GitHub spec
}
