using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0014 (hadolint DL3003): <c>cd</c> in a one-line RUN (a heredoc script may cd freely).</summary>
internal sealed class RunCdRule() : RunTextRule(RuleIds.RunCd)
{
    private protected override bool ReadsScripts => false;

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (script.Commands.FirstOrDefault(c => c.Program == "cd") is { } cd)
            yield return At(at, cd.Words.Count > cd.ProgramIndex + 1 ? cd.Words[cd.ProgramIndex + 1].Value : "");
    }
}
