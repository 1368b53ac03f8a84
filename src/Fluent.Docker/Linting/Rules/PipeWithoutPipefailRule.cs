using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0019 (hadolint DL4006): a RUN that pipes without <c>set -o pipefail</c>, run by a POSIX shell that was not
/// started with <c>-o pipefail</c> (the stage's SHELL decides; PowerShell and cmd have no such option).
/// </summary>
internal sealed class PipeWithoutPipefailRule() : RunTextRule(RuleIds.PipeWithoutPipefail), IFixableRule
{
    private static readonly string[] NonPosixShells = ["pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe"];

    /// <summary>Shells whose <c>set -o pipefail</c> works in every version.</summary>
    private static readonly string[] PipefailShells = ["bash", "zsh", "ksh", "mksh", "ash"];

    /// <summary>The SHELL the fix puts before the first piping RUN when /bin/sh is dash: hadolint's advice for DL4006.</summary>
    private static readonly ValueList<string> BashWithPipefail = ValueList.Of("/bin/bash", "-o", "pipefail", "-c");

    /// <summary>After the other fixes: a SHELL changes every later RUN and shell-form CMD of the stage.</summary>
    public int Order => 1;

    /// <summary>
    /// With a shell that accepts it (a SHELL of bash and the like, or BusyBox ash as /bin/sh), <c>set -o pipefail &amp;&amp;</c>
    /// goes first in the RUN. On a Debian or Ubuntu base /bin/sh is dash, and Debian 12's dash refuses the option (the build
    /// would fail): there <c>SHELL ["/bin/bash", "-o", "pipefail", "-c"]</c> goes before the RUN. Any other base is refused.
    /// </summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        var at = context.Instruction(finding.Location);
        const string Prepended = "added set -o pipefail at the start of the RUN";
        if (at.Before.Config.Shell is [var program, ..] && Path.GetFileName(program) != "sh")
            return PipefailShells.Contains(Path.GetFileName(program), StringComparer.Ordinal)
                ? context.FixRunCommand(Id, finding, RunText.PrependPipefail, Prepended, "")
                : new FixRefusal($"the stage's SHELL runs {program}, which is not known to accept set -o pipefail");
        switch (BaseImageShells.Of(at.Stage))
        {
            case BaseShell.AshWithPipefail:
                return context.FixRunCommand(Id, finding, RunText.PrependPipefail, Prepended + " (/bin/sh is BusyBox ash)", "");
            case BaseShell.DebianWithBash when context.NodeOf(finding.Location) is { } node:
                var shell = context.Render(new ShellInstruction(BashWithPipefail), node.Keyword);
                return new LintFix(Id, finding.Location, shell + context.OwnText(node),
                    "added SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN (/bin/sh is dash: Debian 12's refuses set -o pipefail)");
            case BaseShell.None:
                return new FixRefusal("the stage is built on scratch: there is no shell to set pipefail in");
            default:
                return new FixRefusal("the base image is not known to have bash, and its /bin/sh may refuse set -o pipefail (Debian 12's dash does): "
                    + "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] if the image has bash");
        }
    }

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (!RunText.PipesWithoutPipefail(script)) yield break;
        if (at.Before.Config.Shell is { Count: > 0 } shell
            && (shell.Contains("pipefail") || NonPosixShells.Contains(Path.GetFileName(shell[0]), StringComparer.OrdinalIgnoreCase)))
            yield break;
        yield return At(at);
    }
}
