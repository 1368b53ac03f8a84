using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>COPY of inline content: <c>COPY &lt;&lt;EOF /etc/app.conf</c> and its body (read by <see cref="CopyCodec"/>).</summary>
internal sealed class CopyContentCodec : InstructionCodec<CopyContentInstruction>
{
    /// <summary>One heredoc, nothing else, no <c>--from</c>; null otherwise (kept raw).</summary>
    internal static CopyContentInstruction? Read(InstructionNode node, BuilderFlags flags, IReadOnlyList<string> sources, string destination, CopyOptions options, DockerfileReader.Context context)
    {
        var marker = DockerfileSyntaxParser.ParseHeredoc(sources[0]);
        if (sources.Count != 1 || flags.Has("from") || node.Heredocs.Count != 1 || marker is null || marker.Name != node.Heredocs[0].Name) return null;
        var content = node.Heredocs[0].ChompedContent;
        // Unquoted delimiter: BuildKit expands the body, which only matters when it has '$' or a backslash.
        var expand = node.Heredocs[0].Expand && content.AsSpan().IndexOfAny('$', '\\') >= 0;
        return new CopyContentInstruction(context.Analyze(destination), content, options) { Expand = expand };
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, CopyContentInstruction content)
    {
        var delimiter = DockerfileEmitter.HeredocDelimiter(content.Content);
        // Quoted delimiter: the content is taken as is. Unquoted: BuildKit expands variables in it.
        var marker = content.Expand ? delimiter : "\"" + delimiter + "\"";
        return ($"COPY {CopyFlagsCodec.WriteCopy(syntax, null, content.Options)}<<{marker} {syntax.EscapedWord(content.Destination.Value)}",
            DockerfileEmitter.HeredocBody(content.Content, delimiter));
    }

    protected override IReadOnlyList<string> HeredocsOf(CopyContentInstruction content) => [DockerfileEmitter.HeredocDelimiter(content.Content)];

    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(CopyContentInstruction content) =>
        [(DockerfileFeature.Heredocs, "content"), .. CopyFlagsCodec.Features(content.Options)];

    protected override void Check(DockerfileValidator.Scope scope, CopyContentInstruction content)
    {
        var site = scope.Site;
        if (scope.InsideOnBuild) site.Add("content", "ONBUILD cannot carry a heredoc.", "use a COPY of a file from the context in the trigger.");
        site.Path("destination", content.Destination.Value, content.Destination);
        if (content.Destination.Value.Parts.Any(p => !p.IsVariable && p.Text.Any(c => char.IsWhiteSpace(c) && c is not ('\r' or '\n'))))
            site.Add("destination", "The destination contains whitespace, which a heredoc COPY cannot keep (it has no JSON form).", "use a destination without spaces, or COPY a file from the build context.");
        site.Heredoc("content", content.Content);
        CopyFlagsCodec.Check(site, content.Options);
        if (content.Options.Parents) site.Add("--parents", "--parents has no meaning for inline content.", "remove Parents.");
    }

    protected override ContainerPath? DestinationOf(CopyContentInstruction content) => content.Destination;

    protected override IEnumerable<Expandable> ExpandedValuesOf(CopyContentInstruction content) => [content.Destination.Value, .. Chown(content.Options)];

    protected override string ToCSharp(CSharpModel model, CopyContentInstruction content) => content.Expand
        ? $"Append(new CopyContentInstruction({model.Value(content.Destination.Value, cast: true)}, {CSharpText.Text(content.Content, CSharpModel.LiteralIndent)}, {CopyFlagsCodec.ToCSharp(model, content.Options)}) {{ Expand = true }})"
        : $"CopyContent({model.Value(content.Destination.Value)}, {CSharpText.Text(content.Content, CSharpModel.LiteralIndent)}{CopyFlagsCodec.Argument(model, content.Options)})";
}
