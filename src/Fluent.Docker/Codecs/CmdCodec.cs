using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>CMD: the container's default command (exec or shell form; BuildKit has no heredoc for it).</summary>
internal sealed class CmdCodec : InstructionCodec<CmdInstruction>
{
    public override IReadOnlyList<string> Commands => ["cmd"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.NoFlags(node);
        return DockerfileReader.ReadCommand(node) is { } command ? [new CmdInstruction(command)] : null;
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, CmdInstruction cmd) => DockerfileEmitter.Command("CMD ", cmd.Command);

    protected override void Check(DockerfileValidator.Scope scope, CmdInstruction cmd) =>
        DockerfileValidator.CheckContainerCommand(scope.Site, scope.Syntax, cmd.Command, scope.InsideOnBuild);

    protected override BuildState ApplyTo(BuildState state, CmdInstruction cmd, BuildInputs inputs) =>
        state with { Config = state.Config with { Cmd = BuildState.CommandConfig(cmd.Command, state.Config.Shell) }, CmdSet = true };

    public override bool OnlyLastTakesEffect => true;

    protected override CommandLine? ContainerCommandOf(CmdInstruction instruction) => instruction.Command;

    protected override string ToCSharp(CSharpModel model, CmdInstruction cmd) => cmd.Command switch
    {
        CommandLine.Exec exec => $"Cmd({CSharpModel.Strings(exec.Arguments)})",
        CommandLine.Shell shell => $"CmdShell({CSharpText.String(shell.Command)})",
        _ => throw CSharpModel.NoCSharpFor(cmd),
    };

    protected override LineShape ShapeOf(CmdInstruction cmd) => new LineShape.Command(cmd.Command);

    protected override CmdInstruction WithShellCommandOf(CmdInstruction cmd, Func<string, string> rewrite) => cmd with { Command = Rewritten(cmd.Command, rewrite) };
}
