using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>STOPSIGNAL: a literal signal name or number.</summary>
internal sealed class StopSignalCodec : InstructionCodec<StopSignalInstruction>
{
    public override IReadOnlyList<string> Commands => ["stopsignal"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.ExactlyOne(node);
        return context.Analyze(node.Arguments[0]).LiteralText is { Length: > 0 } signal ? [new StopSignalInstruction(Signal.Named(signal))] : null;
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, StopSignalInstruction signal) => ("STOPSIGNAL " + signal.Signal.Text, []);

    protected override void Check(DockerfileValidator.Scope scope, StopSignalInstruction signal) => scope.Site.Value("signal", signal.Signal);

    protected override BuildState ApplyTo(BuildState state, StopSignalInstruction signal, BuildInputs inputs) =>
        state with { Config = state.Config with { StopSignal = signal.Signal.Text } };

    protected override string ToCSharp(CSharpModel model, StopSignalInstruction signal) => $"StopSignal({CSharpModel.SignalOf(signal.Signal)})";
}
