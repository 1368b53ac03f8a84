using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// MAINTAINER (deprecated, still run by BuildKit): its text, taken literally, becomes the image's Author field. The
/// fluent API has no method for it (the OCI authors label replaces it); a read or imported Dockerfile keeps it, and
/// the lint reports it (FD0104).
/// </summary>
internal sealed class MaintainerCodec : InstructionCodec<MaintainerInstruction>
{
    public override IReadOnlyList<string> Commands => ["maintainer"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.ExactlyOne(node);
        DockerfileReader.NoFlags(node);
        // BuildKit's parser hands MAINTAINER the rest of the line, trimmed; it never expands it.
        return [new MaintainerInstruction(node.Arguments[0])];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, MaintainerInstruction maintainer) =>
        ("MAINTAINER " + maintainer.Maintainer, []);

    /// <summary>The text is written as is, so it must read back the same: BuildKit trims it, peels leading --flags and joins a line ending in the escape character.</summary>
    protected override void Check(DockerfileValidator.Scope scope, MaintainerInstruction maintainer)
    {
        var site = scope.Site;
        var text = maintainer.Maintainer;
        if (scope.InsideOnBuild)
            site.Add("trigger", "MAINTAINER isn't allowed as an ONBUILD trigger.", "put MAINTAINER in the stage itself, or use a label.");
        else if (GoText.TrimSpace(text).Length == 0)
            site.Add("maintainer", "MAINTAINER needs a name.", "pass the author, e.g. new MaintainerInstruction(\"Jane Doe <jane@example.com>\").");
        else if (site.SingleLine("maintainer", text))
        {
            if (GoText.TrimSpace(text) != text)
                site.Add("maintainer", "The name starts or ends with whitespace, which BuildKit trims.", "trim the name.");
            else if (text.StartsWith("--", StringComparison.Ordinal))
                site.Add("maintainer", "The name starts with '--', which BuildKit would read as a flag of MAINTAINER.", "start the name with something else.");
            else if (text.EndsWith(scope.Syntax.EscapeChar))
                site.Add("maintainer", $"The name ends with the escape character '{scope.Syntax.EscapeChar}', which would join the next line to it.", "remove the trailing character.");
        }
    }

    protected override BuildState ApplyTo(BuildState state, MaintainerInstruction maintainer, BuildInputs inputs) =>
        state with { Config = state.Config with { Author = maintainer.Maintainer } };

    protected override IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(MaintainerInstruction maintainer) =>
        [("MAINTAINER text", Expandable.Literal(maintainer.Maintainer))];

    /// <summary>No fluent method on purpose (the lint recommends the authors label instead): the record, appended.</summary>
    protected override string ToCSharp(CSharpModel model, MaintainerInstruction maintainer) =>
        $"Append(new MaintainerInstruction({CSharpText.String(maintainer.Maintainer)}))";
}
