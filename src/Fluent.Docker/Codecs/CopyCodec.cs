using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;
using static Fluent.Docker.Parsing.BuilderFlags.Kind;

namespace Fluent.Docker.Codecs;

/// <summary>
/// COPY of files: sources, destination, <c>--from</c> and the COPY/ADD flag family (<see cref="CopyOptions"/>).
/// Reads COPY of a heredoc too, as <see cref="CopyContentInstruction"/> (<see cref="CopyContentCodec"/>).
/// </summary>
internal sealed class CopyCodec : InstructionCodec<CopyInstruction>
{
    /// <summary>COPY's flag table.</summary>
    internal static readonly (string Name, BuilderFlags.Kind Kind)[] Flags =
        [("chown", Value), ("from", Value), ("chmod", Value), ("link", Switch), ("parents", Switch), ("exclude", Values)];

    public override IReadOnlyList<string> Commands => ["copy"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, Flags);
        var (sources, destination) = DockerfileReader.SourcesAndDestination(node);
        if (CopyFlagsCodec.Read(flags, context) is not { } options) return null;
        options = options with { Parents = flags.Bool("parents") };
        if (sources.Any(s => DockerfileSyntaxParser.ParseHeredoc(s) is not null)) return One(CopyContentCodec.Read(node, flags, sources, destination, options, context));
        ArtifactSource? from = null;
        if (flags.String("from") is { } fromText && (from = DockerfileReader.ReadSource(fromText, file, context)) is null) return null;
        return [new CopyInstruction(ValueList.From(sources.Select(s => new SourcePath(context.Analyze(s)))), context.Analyze(destination), from, options)];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, CopyInstruction copy) =>
        ("COPY " + CopyFlagsCodec.WriteCopy(syntax, copy.From, copy.Options) + DockerfileEmitter.Paths(syntax, [.. copy.Sources.Select(s => s.Value), copy.Destination.Value]), []);

    protected override void Check(DockerfileValidator.Scope scope, CopyInstruction copy)
    {
        var site = scope.Site;
        if (copy.Sources.Count == 0) site.Add("sources", "COPY needs at least one source.", "pass a path or glob, e.g. \".\".");
        for (var i = 0; i < copy.Sources.Count; i++) site.Path($"source {i + 1}", copy.Sources[i].Value, copy.Sources[i]);
        site.Path("destination", copy.Destination.Value, copy.Destination);
        scope.Source("--from", copy.From);
        CopyFlagsCodec.Check(site, copy.Options);
    }

    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(CopyInstruction copy) =>
        CopyFlagsCodec.Features(copy.Options);

    protected override string ToCSharp(CSharpModel model, CopyInstruction copy)
    {
        var sources = copy.Sources.Count == 1
            ? model.Value(copy.Sources[0].Value)
            : $"new SourcePath[] {{ {string.Join(", ", copy.Sources.Select(s => model.Value(s.Value, cast: true)))} }}";
        var options = CopyFlagsCodec.Argument(model, copy.Options);
        return copy.From is { } from
            ? $"CopyFrom({model.SourceOf(from)}, {sources}, {model.Value(copy.Destination.Value)}{options})"
            : $"Copy({sources}, {model.Value(copy.Destination.Value)}{options})";
    }

    protected override IEnumerable<ArtifactSource> ArtifactSourcesOf(CopyInstruction copy) => copy.From is { } from ? [from] : [];

    protected override IEnumerable<ContextRead> ContextReadsOf(CopyInstruction copy) =>
        copy.From is null ? copy.Sources.Select(s => new ContextRead(s, Mounted: false)) : [];

    protected override ContainerPath? DestinationOf(CopyInstruction copy) => copy.Destination;

    protected override IEnumerable<Expandable> ExpandedValuesOf(CopyInstruction copy) => [.. copy.Sources.Select(s => s.Value), copy.Destination.Value, .. Chown(copy.Options)];

    protected override CopyInstruction Rewrite(CopyInstruction copy, Func<ImageReference, ImageReference> image) =>
        copy.From is { } from ? copy with { From = Pinning.ImagePinning.Rewrite(from, image) } : copy;

    protected override LineShape ShapeOf(CopyInstruction instruction) => new LineShape.Items(OnePerLine: true);
}
