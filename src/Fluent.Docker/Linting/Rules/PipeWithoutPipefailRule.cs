using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0019 (hadolint DL4006): a RUN that pipes without <c>set -o pipefail</c>, run by a POSIX shell that was not
/// started with <c>-o pipefail</c> (the stage's SHELL decides; PowerShell and cmd have no such option).
/// </summary>
internal sealed class PipeWithoutPipefailRule() : RunTextRule(RuleIds.PipeWithoutPipefail)
{
    private static readonly string[] NonPosixShells = ["pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe"];

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (!RunText.PipesWithoutPipefail(script)) yield break;
        if (at.Before.Config.Shell is { Count: > 0 } shell
            && (shell.Contains("pipefail") || NonPosixShells.Contains(Path.GetFileName(shell[0]), StringComparer.OrdinalIgnoreCase)))
            yield break;
        yield return At(at);
    }
}
