using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0006 (BuildKit JSONArgsRecommended, hadolint DL3025): CMD or ENTRYPOINT in shell form while the stage has no
/// SHELL of its own (with a custom SHELL the shell form is the point, as BuildKit decides).
/// </summary>
internal sealed class ShellFormCommandRule() : LintRule(RuleIds.ShellFormCommand)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
        {
            var command = Codecs.InstructionCodecs.For(at.Instruction).ContainerCommand(at.Instruction);
            // The fluent method is the keyword in Pascal case: Cmd, Entrypoint.
            var method = at.Instruction.Keyword[..1] + at.Instruction.Keyword[1..].ToLowerInvariant();
            var text = command switch
            {
                CommandLine.Shell shell => shell.Command,
                CommandLine.Script script => script.Text,
                _ => null,
            };
            if (text is not null && at.Before.Config.Shell is null) yield return At(at, at.Instruction.Keyword, text.Trim(), method);
        }
    }
}
