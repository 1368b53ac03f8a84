using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0014 (hadolint DL3003): <c>cd</c> in a one-line RUN (a heredoc script may cd freely).</summary>
internal sealed class RunCdRule() : RunTextRule(RuleIds.RunCd), IFixableRule
{
    private protected override bool ReadsScripts => false;

    /// <summary>
    /// <c>RUN cd /abs &amp;&amp; rest</c> becomes <c>WORKDIR /abs</c> + <c>RUN rest</c>, then the working directory before it is
    /// set back (unless the next instruction sets one): later instructions, later stages and the image config see the
    /// same directory as before. When that directory comes from the base image it is not known here: refused.
    /// </summary>
    public FixOutcome FixFinding(FixContext context, Finding finding)
    {
        var at = context.Instruction(finding.Location);
        if (at.Instruction is not RunInstruction { Command: CommandLine.Shell shell } run || context.NodeOf(finding.Location) is not { } node)
            return new FixRefusal("the RUN is a heredoc script or in exec form: not rewritten");
        if (RunText.SplitLeadingCd(ShellScript.Parse(shell.Command)) is not var (directory, rest))
            return new FixRefusal("only a leading 'cd /absolute/dir &&' moves to WORKDIR; this cd is elsewhere, relative, or built from variables");
        if (directory.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\'))
            return new FixRefusal("the directory is quoted or escaped: not moved to WORKDIR");
        if (run.Options.OfType<BindMount>().Any(m => m.Target.Value.LiteralText is not { } target || !target.StartsWith('/')))
            return new FixRefusal("a bind mount's target is relative to the working directory, which the fix would change");
        var nextSetsWorkdir = at.Number < at.Stage.Instructions.Count && SetsLiteralWorkdir(at.Stage.Instructions[at.Number].Instruction);
        var previous = at.Before.WorkdirSet || at.Stage.Chain().Last().Stage.Base is BaseImage.Scratch ? at.Before.Config.WorkingDir : null;
        if (previous is null && !nextSetsWorkdir)
            return new FixRefusal("the working directory before this RUN comes from the base image and is not known here, "
                + "so it could not be set back after it (add a WORKDIR before the RUN, then fix again)");
        if (context.RunWithCommand(node, run, rest) is not { } runText)
            return new FixRefusal("the RUN has comment lines inside it that rewriting it would drop");
        if (previous == directory) return new LintFix(Id, finding.Location, runText, $"removed 'cd {directory}': the working directory is already {directory}");
        var text = FixContext.Lines(context.Render(new WorkdirInstruction(directory), node.Keyword), runText,
            nextSetsWorkdir ? "" : context.Render(new WorkdirInstruction(previous!), node.Keyword));
        return new LintFix(Id, finding.Location, text, nextSetsWorkdir
            ? $"moved 'cd {directory}' to WORKDIR {directory}"
            : $"moved 'cd {directory}' to WORKDIR {directory}, and set the working directory back to {previous} after the RUN");
    }

    /// <summary>A WORKDIR to an absolute literal path: what the RUN's directory was before it no longer matters after it.</summary>
    private static bool SetsLiteralWorkdir(Instruction instruction) =>
        instruction is WorkdirInstruction { Path: { IsRelativeLiteral: false } path } && path.Value.LiteralText is not null;

    private protected override IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script)
    {
        if (script.Commands.FirstOrDefault(c => c.Program == "cd") is { } cd)
            yield return At(at, cd.Words.Count > cd.ProgramIndex + 1 ? cd.Words[cd.ProgramIndex + 1].Value : "");
    }
}
