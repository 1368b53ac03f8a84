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
    internal static DockerfileImport ReadForLint(DockerfileSyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var file = ReadDirectives(tree);
        var context = new Context(file.Escape, StageNames(tree));
        var sources = new Dictionary<(int Stage, int Instruction), InstructionNode>();
        DockerfileParseException? problem = null;
        Stage? stage = null;
        var stageIndex = -1;
        foreach (var node in tree.Instructions)
        {
            try
            {
                if (node.Command == "from")
                {
                    if (stage is not null) file = file.WithStage(stage);
                    stage = ReadFromForLint(node, file, context, ref problem);
                    sources[(++stageIndex, 0)] = node;
                    continue;
                }
                if (!Commands.Contains(node.Command)) throw new InstructionSyntaxException($"unknown instruction: {node.Keyword}");
                if (stage is null)
                {
                    if (node.Command != "arg") throw new InstructionSyntaxException($"{node.Keyword.ToUpperInvariant()} comes before the first FROM: no build stage in current context");
                    foreach (var arg in ReadArgs(node, context))
                    {
                        file = file.WithGlobalArg(arg);
                        sources[(-1, file.GlobalArgs.Count)] = node;
                    }
                    continue;
                }
                foreach (var instruction in ReadTyped(node, file, context) ?? [Raw(node)])
                {
                    stage = stage.Append(instruction);
                    sources[(stageIndex, stage.Instructions.Count)] = node;
                }
            }
            catch (InstructionSyntaxException e)
            {
                problem = new DockerfileParseException(node.StartLine, node.Column, e.Message);
                break;
            }
        }
        if (stage is not null) file = file.WithStage(stage);
        return new DockerfileImport(file, sources, problem);
    }

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
