using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>ENV <c>NAME=value …</c>: all values of one line are expanded against the state before the line.</summary>
internal sealed class EnvCodec : InstructionCodec<EnvInstruction>
{
    public override IReadOnlyList<string> Commands => ["env"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        var variables = new List<EnvVariable>();
        foreach (var (key, value) in DockerfileReader.Pairs(node))
        {
            if (context.Analyze(key).LiteralText is not { } name || VariableName.Check(name, "ENV name") is not null) return null;
            variables.Add(new EnvVariable(name, context.Analyze(value)));
        }
        return [new EnvInstruction(ValueList.From(variables))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, EnvInstruction env) =>
        ("ENV " + string.Join(" ", env.Variables.Select(v => v.Name + "=" + syntax.Word(v.Value))), []);

    protected override void Check(DockerfileValidator.Scope scope, EnvInstruction env)
    {
        var site = scope.Site;
        if (env.Variables.Count == 0) site.Add("variables", "ENV needs at least one variable.", "pass a name and a value.");
        foreach (var variable in env.Variables)
        {
            if (VariableName.Check(variable.Name, "ENV name") is { } problem) site.Add($"ENV name '{DockerfileValidator.Show(variable.Name)}'", problem.Message, problem.Fix);
            site.SingleLine($"ENV value of {variable.Name}", variable.Value);
            site.Value($"ENV value of {variable.Name}", variable.Value);
        }
    }

    protected override BuildState ApplyTo(BuildState state, EnvInstruction env, BuildInputs inputs)
    {
        var scope = state.Scope();
        var pairs = state.Config.Env;
        foreach (var variable in env.Variables) pairs = BuildState.SetPair(pairs, variable.Name, BuildState.Expand(variable.Value, scope));
        return state with { Config = state.Config with { Env = pairs } };
    }

    public override bool HasKeyValuePairs => true;

    protected override IEnumerable<Expandable> ExpandedValuesOf(EnvInstruction env) => env.Variables.Select(v => v.Value);

    protected override IEnumerable<string> DeclaredVariablesOf(EnvInstruction env) => env.Variables.Select(v => v.Name);

    protected override IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(EnvInstruction env) => env.Variables.Select(v => ("ENV value", v.Value));

    protected override string ToCSharp(CSharpModel model, EnvInstruction env) => env.Variables is [var one]
        ? $"Env({CSharpText.String(one.Name)}, {model.Value(one.Value)})"
        : $"Env({string.Join(", ", env.Variables.Select(v => $"({CSharpText.String(v.Name)}, {model.Value(v.Value, cast: true)})"))})";

    protected override LineShape ShapeOf(EnvInstruction instruction) => new LineShape.Items(OnePerLine: true);
}
