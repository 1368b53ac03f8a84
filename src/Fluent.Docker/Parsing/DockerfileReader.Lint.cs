namespace Fluent.Docker.Parsing;

/// <summary>
/// What the lint reads from a Dockerfile text: the model as far as BuildKit gets, the node each part came from (FROM is
/// instruction 0, global ARGs are stage -1), and the problem BuildKit would stop at, if any.
/// </summary>
internal sealed record DockerfileImport(
    Dockerfile File,
    IReadOnlyDictionary<(int Stage, int Instruction), InstructionNode> Sources,
    DockerfileParseException? Problem);

public static partial class DockerfileReader
{
    /// <summary>
    /// Reads for the lint. Unlike <see cref="Read(DockerfileSyntaxTree)"/> it keeps what BuildKit accepts or only warns
    /// about and a lint must see: duplicate and reserved stage names, and instructions whose values the emitter would
    /// refuse (a relative WORKDIR stays a typed WORKDIR). A --platform the model cannot hold is left out of the stage.
    /// It stops at the first instruction BuildKit would fail on, and returns what came before with that problem, as
    /// BuildKit reports the warnings before the error.
    /// </summary>
    internal static DockerfileImport ReadForLint(DockerfileSyntaxTree tree) => ReadNodes(tree, forLint: true);

    /// <summary>A FROM as the lint needs it: a name used twice is kept, and a platform the model cannot hold is dropped (and is the problem).</summary>
    private static Stage ReadFromForLint(InstructionNode node, Dockerfile file, Context context, ref DockerfileParseException? problem)
    {
        try
        {
            return ReadFrom(node, file, context, allowDuplicateName: true);
        }
        catch (InstructionSyntaxException e) when (node.Flags.Any(IsPlatformFlag))
        {
            problem ??= new DockerfileParseException(node.StartLine, node.Column, e.Message);
            return ReadFrom(node with { Flags = [.. node.Flags.Where(f => !IsPlatformFlag(f))] }, file, context, allowDuplicateName: true);
        }
    }

    private static bool IsPlatformFlag(string flag) => flag.StartsWith("--platform", StringComparison.Ordinal);
}
