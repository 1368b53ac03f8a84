using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>ARG <c>NAME[=default]</c>: one instruction per declared name.</summary>
internal sealed class ArgCodec : InstructionCodec<ArgInstruction>
{
    public override IReadOnlyList<string> Commands => ["arg"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context) =>
        [.. ReadArgs(node, context).Select(a => (Instruction)new ArgInstruction(a))];

    /// <summary><c>ARG NAME[=default] …</c>: one BuildArg per word (BuildKit ignores flags on ARG). Global ARGs too.</summary>
    internal static IEnumerable<BuildArg> ReadArgs(InstructionNode node, DockerfileReader.Context context)
    {
        DockerfileReader.AtLeastOne(node);
        foreach (var word in node.Arguments)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0) throw new InstructionSyntaxException("ARG names can not be blank");
            var name = context.Analyze(equals < 0 ? word : word[..equals]).LiteralText ?? word[..Math.Max(equals, 0)];
            yield return new BuildArg(name, equals < 0 ? (Expandable?)null : context.Analyze(word[(equals + 1)..]));
        }
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, ArgInstruction arg) => (DockerfileEmitter.Arg(syntax, arg.Arg), []);

    protected override void Check(DockerfileValidator.Scope scope, ArgInstruction arg)
    {
        scope.Site.Value($"ARG {arg.Arg.Name}", arg.Arg);
        if (arg.Arg.DefaultValue is { } value) scope.Site.SingleWord($"default of ARG {arg.Arg.Name}", value);
    }

    protected override BuildState ApplyTo(BuildState state, ArgInstruction instruction, BuildInputs inputs)
    {
        var arg = instruction.Arg;
        string? value;
        if (inputs.BuildArgs.TryGetValue(arg.Name, out var given)) value = given;
        else if (arg.DefaultValue is { } d) value = BuildState.Expand(d, state.Scope());
        else if (inputs.Global.TryGetValue(arg.Name, out var g)) value = g;
        else if (inputs.Automatic.TryGetValue(arg.Name, out var a)) value = a;
        else value = null;
        return state with { Args = state.Args.SetItem(arg.Name, value) };
    }

    protected override IEnumerable<Expandable> ExpandedValuesOf(ArgInstruction arg) => arg.Arg.DefaultValue is { } value ? [value] : [];

    protected override IEnumerable<string> DeclaredVariablesOf(ArgInstruction arg) => [arg.Arg.Name];

    protected override IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(ArgInstruction arg) => arg.Arg.DefaultValue is { } value ? [("ARG default", value)] : [];

    protected override string ToCSharp(CSharpModel model, ArgInstruction arg) => $"Arg({model.ArgExpression(arg.Arg)})";
}
