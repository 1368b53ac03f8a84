using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>ENTRYPOINT: exec or shell form; it clears an inherited CMD unless this stage set one.</summary>
internal sealed class EntrypointCodec : InstructionCodec<EntrypointInstruction>
{
    public override IReadOnlyList<string> Commands => ["entrypoint"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.NoFlags(node);
        return DockerfileReader.ReadCommand(node) is { } command ? [new EntrypointInstruction(command)] : null;
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, EntrypointInstruction entrypoint) =>
        DockerfileEmitter.Command("ENTRYPOINT ", entrypoint.Command);

    protected override void Check(DockerfileValidator.Scope scope, EntrypointInstruction entrypoint) =>
        DockerfileValidator.CheckContainerCommand(scope.Site, scope.Syntax, entrypoint.Command, scope.InsideOnBuild);

    protected override BuildState ApplyTo(BuildState state, EntrypointInstruction entrypoint, BuildInputs inputs) =>
        state with { Config = state.Config with { Entrypoint = BuildState.CommandConfig(entrypoint.Command, state.Config.Shell), Cmd = state.CmdSet ? state.Config.Cmd : null } };

    public override bool OnlyLastTakesEffect => true;

    protected override CommandLine? ContainerCommandOf(EntrypointInstruction instruction) => instruction.Command;

    protected override string ToCSharp(CSharpModel model, EntrypointInstruction entrypoint) => entrypoint.Command switch
    {
        CommandLine.Exec exec => $"Entrypoint({CSharpModel.Strings(exec.Arguments)})",
        CommandLine.Shell shell => $"EntrypointShell({CSharpText.String(shell.Command)})",
        _ => throw CSharpModel.NoCSharpFor(entrypoint),
    };

    protected override LineShape ShapeOf(EntrypointInstruction entrypoint) => new LineShape.Command(entrypoint.Command);

    protected override EntrypointInstruction WithShellCommandOf(EntrypointInstruction entrypoint, Func<string, string> rewrite) =>
        entrypoint with { Command = Rewritten(entrypoint.Command, rewrite) };
}
