using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0119 (hadolint DL3019): <c>apk add</c> without <c>--no-cache</c>, no cache mount at /var/cache/apk and no removal of it.</summary>
internal sealed class ApkAddWithoutNoCacheRule() : RunTextRule(RuleIds.ApkAddWithoutNoCache)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        var adds = PackageInstalls.In(script, PackageInstalls.Apk).ToList();
        if (adds.Count == 0 || adds.All(a => a.Has("--no-cache")) || MountsCacheAt(run, "/var/cache/apk")) yield break;
        if (script.Commands.Any(c => c.EffectiveProgram == "rm" && c.Arguments.Any(w => w.Value.StartsWith("/var/cache/apk", StringComparison.Ordinal)))) yield break;
        yield return At(at);
    }
}
