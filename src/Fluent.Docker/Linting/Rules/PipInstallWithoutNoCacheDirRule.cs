using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0120 (hadolint DL3042): <c>pip install</c> without <c>--no-cache-dir</c>, while neither ENV PIP_NO_CACHE_DIR
/// (in the stage's state) nor a cache mount at /root/.cache/pip keeps the cache out of the image.
/// </summary>
internal sealed class PipInstallWithoutNoCacheDirRule() : RunTextRule(RuleIds.PipInstallWithoutNoCacheDir)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        var installs = PackageInstalls.In(script, PackageInstalls.Pip).ToList();
        if (installs.Count == 0 || installs.All(i => i.Has("--no-cache-dir")) || MountsCacheAt(run, "/root/.cache")) yield break;
        if (at.Before.Scope().TryGetValue("PIP_NO_CACHE_DIR", out var off) && off is not ("" or "0" or "false" or "off" or "no")) yield break;
        yield return At(at);
    }
}
