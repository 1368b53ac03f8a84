using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>VOLUME <c>path …</c>: BuildKit trims blanks around each path.</summary>
internal sealed class VolumeCodec : InstructionCodec<VolumeInstruction>
{
    public override IReadOnlyList<string> Commands => ["volume"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.AtLeastOne(node);
        DockerfileReader.NoFlags(node);
        var paths = new List<AbsolutePath>();
        foreach (var path in node.Arguments)
        {
            var trimmed = GoText.TrimSpace(path);
            if (trimmed.Length == 0) throw new InstructionSyntaxException("VOLUME specified can not be an empty string");
            paths.Add(context.Analyze(trimmed));
        }
        return [new VolumeInstruction(ValueList.From(paths))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, VolumeInstruction volume) =>
        ("VOLUME " + DockerfileEmitter.Paths(syntax, [.. volume.Paths.Select(p => p.Value)]), []);

    protected override void Check(DockerfileValidator.Scope scope, VolumeInstruction volume)
    {
        var site = scope.Site;
        if (volume.Paths.Count == 0) site.Add("paths", "VOLUME needs at least one path.", "pass an absolute path, e.g. /data.");
        for (var i = 0; i < volume.Paths.Count; i++)
        {
            site.Path($"path {i + 1}", volume.Paths[i].Value, volume.Paths[i]);
            var parts = volume.Paths[i].Value.Parts;
            static bool Blank(char c) => GoText.IsSpace(c) && c is not ('\r' or '\n'); // line breaks are reported above
            if (parts.Count > 0 && ((parts[0].IsLiteral && parts[0].Text.Length > 0 && Blank(parts[0].Text[0]))
                                    || (parts[^1].IsLiteral && Blank(parts[^1].Text[^1]))))
                site.Add($"path {i + 1}", "The path starts or ends with a blank, which BuildKit trims from VOLUME paths.", "remove the leading and trailing blanks.");
        }
    }

    protected override BuildState ApplyTo(BuildState state, VolumeInstruction volume, BuildInputs inputs)
    {
        var scope = state.Scope();
        return state with { Config = state.Config with { Volumes = ValueList.From(state.Config.Volumes.Concat(volume.Paths.Select(p => BuildState.Expand(p.Value, scope))).Distinct().Order(StringComparer.Ordinal)) } };
    }

    protected override IEnumerable<Expandable> ExpandedValuesOf(VolumeInstruction volume) => volume.Paths.Select(p => p.Value);

    protected override string ToCSharp(CSharpModel model, VolumeInstruction volume) => $"Volume({string.Join(", ", volume.Paths.Select(p => model.Value(p.Value)))})";

    protected override LineShape ShapeOf(VolumeInstruction instruction) => new LineShape.Items(OnePerLine: false);
}
