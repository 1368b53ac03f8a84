using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>LABEL <c>key=value …</c>.</summary>
internal sealed class LabelCodec : InstructionCodec<LabelInstruction>
{
    public override IReadOnlyList<string> Commands => ["label"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        var labels = new List<Label>();
        foreach (var (key, value) in DockerfileReader.Pairs(node))
        {
            if (context.Analyze(key).LiteralText is not { Length: > 0 } name) return null;
            labels.Add(new Label(name, context.Analyze(value)));
        }
        return [new LabelInstruction(ValueList.From(labels))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, LabelInstruction label) =>
        ("LABEL " + string.Join(" ", label.Labels.Select(l => syntax.Word(Expandable.Literal(l.Key.Key)) + "=" + syntax.Word(l.Value))), []);

    protected override void Check(DockerfileValidator.Scope scope, LabelInstruction label)
    {
        var site = scope.Site;
        if (label.Labels.Count == 0) site.Add("labels", "LABEL needs at least one label.", "pass a key and a value.");
        foreach (var l in label.Labels)
        {
            site.Value("label key", l.Key);
            site.SingleLine("label key", l.Key.Key);
            if (l.Key.Key.Contains('='))
                site.Add("label key", $"The label key '{DockerfileValidator.Show(l.Key.Key)}' contains '=', where BuildKit ends the key.", "use a key without '=' (reverse-DNS, e.g. com.example.team).");
            site.SingleLine($"value of label {l.Key.Key}", l.Value);
            site.Value($"value of label {l.Key.Key}", l.Value);
        }
    }

    protected override BuildState ApplyTo(BuildState state, LabelInstruction label, BuildInputs inputs)
    {
        var scope = state.Scope();
        var labels = state.Config.Labels;
        foreach (var l in label.Labels) labels = BuildState.SetPair(labels, l.Key.Key, BuildState.Expand(l.Value, scope));
        return state with { Config = state.Config with { Labels = labels } };
    }

    public override bool HasKeyValuePairs => true;

    protected override IEnumerable<Expandable> ExpandedValuesOf(LabelInstruction label) => label.Labels.Select(l => l.Value);

    protected override IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(LabelInstruction label) => label.Labels.Select(l => ("LABEL value", l.Value));

    protected override string ToCSharp(CSharpModel model, LabelInstruction label) => label.Labels is [var one]
        ? $"Label({CSharpModel.LabelKeyOf(one.Key)}, {model.Value(one.Value)})"
        : $"Labels({string.Join(", ", label.Labels.Select(l => $"({CSharpModel.LabelKeyOf(l.Key)}, {model.Value(l.Value, cast: true)})"))})";

    protected override LineShape ShapeOf(LabelInstruction instruction) => new LineShape.Items(OnePerLine: true);
}
