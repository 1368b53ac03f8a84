using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0118 (hadolint DL3018): <c>apk add</c> of a package without a version (<c>name=1.2</c>, <c>name~1.2</c>, <c>name&gt;1.2</c>).</summary>
internal sealed class ApkAddUnpinnedRule() : RunTextRule(RuleIds.ApkAddUnpinned)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script) =>
        PackageInstalls.In(script, PackageInstalls.Apk).SelectMany(i => i.Packages)
            .Where(p => p.IndexOfAny(['=', '~', '<', '>']) < 0 && !p.EndsWith(".apk", StringComparison.Ordinal) && !p.Contains('/', StringComparison.Ordinal))
            .Select(p => At(at, p));
}
