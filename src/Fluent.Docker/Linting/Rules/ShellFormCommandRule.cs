using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0006 (BuildKit JSONArgsRecommended, hadolint DL3025): CMD or ENTRYPOINT in shell form while the stage has no
/// SHELL of its own (with a custom SHELL the shell form is the point, as BuildKit decides).
/// </summary>
internal sealed class ShellFormCommandRule() : LintRule(RuleIds.ShellFormCommand), IFixableRule
{
    /// <summary>
    /// <c>CMD npm start</c> becomes <c>CMD ["npm", "start"]</c> when the command is plain words (the analyzer's test:
    /// no quotes, variables, globs, operators or redirections). Refused where exec form would hand the words to an
    /// ENTRYPOINT, or a CMD to the new exec-form ENTRYPOINT, instead of running them.
    /// </summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        var at = context.Instruction(finding.Location);
        if (Codecs.InstructionCodecs.For(at.Instruction).ContainerCommand(at.Instruction) is not CommandLine.Shell { Command: var command }
            || context.NodeOf(finding.Location) is not { } node)
            return new FixRefusal("a heredoc script (or an ONBUILD trigger): not rewritten");
        if (RunText.ExecFormWords(command.Trim()) is not { } words)
            return new FixRefusal("the command uses shell syntax (quotes, variables, globs, operators or redirections): exec form would not run it the same way");
        var exec = new CommandLine.Exec(ValueList.Of([.. words]));
        var isEntrypoint = at.Instruction is EntrypointInstruction;
        if (isEntrypoint && SetsCmd(at.Stage))
            return new FixRefusal("the stage sets a CMD, which an exec-form ENTRYPOINT would receive as arguments");
        if (!isEntrypoint && (at.Before.Config.Entrypoint is not null || SetsEntrypoint(at.Stage)))
            return new FixRefusal("an ENTRYPOINT is set: in exec form these words would become its arguments instead of a shell command");
        Instruction fixedInstruction = isEntrypoint ? new EntrypointInstruction(exec) : new CmdInstruction(exec);
        return new LintFix(Id, finding.Location, context.Render(fixedInstruction, node.Keyword), $"{at.Instruction.Keyword} in exec form");
    }

    private static bool SetsCmd(StageContext stage) => stage.Instructions.Any(i => i.Instruction is CmdInstruction);

    private static bool SetsEntrypoint(StageContext stage) => stage.Instructions.Any(i => i.Instruction is EntrypointInstruction);

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
