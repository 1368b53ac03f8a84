using Fluent.Docker.Emit;
using Fluent.Docker.Import;

namespace Fluent.Docker.Codecs;

/// <summary>An instruction kept as written: emitted verbatim, checked only to stay one instruction.</summary>
internal sealed class RawCodec : InstructionCodec<RawInstruction>
{
    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, RawInstruction raw) =>
        (raw.Line, [.. raw.Heredocs.Select(h => h.Content + h.Delimiter)]);

    protected override IReadOnlyList<string> HeredocsOf(RawInstruction raw) => [.. raw.Heredocs.Select(h => h.Delimiter)];

    // A RUN the model keeps raw still runs with its flags: the ones needing an entitlement are read from its text.
    protected override IEnumerable<RunOption> PrivilegedOptionsOf(RawInstruction raw)
    {
        if (!string.Equals(raw.Keyword, "RUN", StringComparison.OrdinalIgnoreCase)) return [];
        var flags = raw.Line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .TakeWhile(t => t.StartsWith("--", StringComparison.Ordinal)).Select(t => t.ToLowerInvariant()).ToHashSet();
        return [.. flags.Contains("--network=host") ? [RunNetwork.Host] : Array.Empty<RunOption>(),
            .. flags.Contains("--security=insecure") ? [RunSecurity.Insecure] : Array.Empty<RunOption>()];
    }

    /// <summary>A raw line must stay one instruction: one line, not blank, not a comment, no bodies under ONBUILD.</summary>
    protected override void Check(DockerfileValidator.Scope scope, RawInstruction raw)
    {
        var site = scope.Site;
        if (raw.Line.Contains('\n', StringComparison.Ordinal))
            site.Add("line", "The raw instruction contains a line feed; it is one logical line.", "pass the logical line without line breaks (heredoc bodies go in Heredocs).");
        else if (raw.Line.Trim().Length == 0 || raw.Line.TrimStart().StartsWith('#'))
            site.Add("line", "The raw instruction is blank or a comment.", "pass a whole instruction line, e.g. \"ADD --keep-git-dir=true https://… .\".");
        else if (raw.Keyword == "FROM")
            site.Add("line", "A raw FROM would start another stage inside this one.", "add a stage with Stage.Named(…).From(…) instead.");
        else if (!Parsing.DockerfileReader.IsInstruction(raw.Keyword))
            site.Add("line", $"'{DockerfileValidator.Show(raw.Keyword)}' is not a Dockerfile instruction; BuildKit would reject the file.", "start the line with an instruction keyword such as RUN or COPY.");
        if (scope.InsideOnBuild && raw.Heredocs.Count > 0)
            site.Add("heredoc", "An ONBUILD trigger cannot carry heredoc bodies here.", "use a raw ONBUILD line instead.");
        foreach (var heredoc in raw.Heredocs)
            if (heredoc.Content.Length > 0 && !heredoc.Content.EndsWith('\n'))
                site.Add("heredoc", $"The body of heredoc {heredoc.Delimiter} does not end with a line break.", "end every body line with a line feed.");
    }

    protected override string ToCSharp(CSharpModel model, RawInstruction raw) => raw.Heredocs.Count == 0
        ? $"Append(new RawInstruction({CSharpText.String(raw.Line)}))"
        : $"Append(new RawInstruction({CSharpText.String(raw.Line)}) {{ Heredocs = ValueList.Of({string.Join(", ", raw.Heredocs.Select(h => $"new RawHeredoc({CSharpText.String(h.Delimiter)}, {CSharpText.Text(h.Content, CSharpModel.LiteralIndent)})"))}) }})";

    protected override LineShape ShapeOf(RawInstruction raw) => LineShape.Verbatim;

    protected override bool ChangesShellOf(RawInstruction raw) =>
        raw.Keyword.Equals("SHELL", StringComparison.OrdinalIgnoreCase)
        || (raw.Keyword.Equals("ONBUILD", StringComparison.OrdinalIgnoreCase) && raw.Line.Contains("SHELL", StringComparison.OrdinalIgnoreCase));
}
