namespace Fluent.Docker.Linting;

/// <summary>
/// One instruction as a Dockerfile text wrote it: where it is, and what the model does not keep (the keyword's
/// casing, the words before expansion, the comments above it). For a C# model the emitter supplies the lines.
/// </summary>
internal sealed record SourceInstruction(int Line)
{
    /// <summary>The last line (continuation lines and heredoc bodies included).</summary>
    public int EndLine { get; init; } = Line;

    /// <summary>The keyword as written (<c>copy</c>, <c>From</c>); null when unknown.</summary>
    public string? Keyword { get; init; }

    /// <summary>The arguments after BuildKit's line parser, before expansion (FROM: image, AS, name; EXPOSE: the words).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The leading flags, e.g. <c>--platform=linux/amd64</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The comment lines right above the instruction, without <c>#</c>.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>ENV/LABEL written in the legacy <c>KEY value</c> form.</summary>
    public bool LegacyKeyValue { get; init; }
}

/// <summary>A blank line inside a continued instruction (BuildKit's NoEmptyContinuation), and the line the instruction starts on.</summary>
internal sealed record EmptyContinuation(int Line, int InstructionLine);

/// <summary>
/// Where the parts of a model are in a Dockerfile text: one <see cref="SourceInstruction"/> per global ARG, per FROM and
/// per instruction of each stage, in the model's order. Lets diagnostics carry lines, and the rules about how the text
/// was written (casing, legacy forms, comments) see it.
/// </summary>
internal sealed record DockerfileSource
{
    public IReadOnlyList<SourceInstruction> GlobalArgs { get; init; } = [];
    public IReadOnlyList<SourceInstruction> Froms { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<SourceInstruction>> Instructions { get; init; } = [];
    public IReadOnlyList<EmptyContinuation> EmptyContinuations { get; init; } = [];

    public SourceInstruction? From(int stage) => stage < Froms.Count ? Froms[stage] : null;

    public SourceInstruction? Instruction(int stage, int number) =>
        stage < Instructions.Count && number >= 1 && number <= Instructions[stage].Count ? Instructions[stage][number - 1] : null;

    public SourceInstruction? GlobalArg(int index) => index < GlobalArgs.Count ? GlobalArgs[index] : null;
}

/// <summary>Builds a <see cref="DockerfileSource"/> from what the reader read: the parser's nodes and warnings.</summary>
internal static class DockerfileSourceReader
{
    public static DockerfileSource From(Parsing.DockerfileSyntaxTree tree, Parsing.DockerfileImport import)
    {
        // One node can become several model instructions (ARG a b): they share one SourceInstruction.
        var made = new Dictionary<Parsing.InstructionNode, SourceInstruction>(ReferenceEqualityComparer.Instance);
        SourceInstruction Of(Parsing.InstructionNode node)
        {
            if (!made.TryGetValue(node, out var source))
                made[node] = source = new SourceInstruction(node.StartLine)
                {
                    EndLine = node.EndLine,
                    Keyword = node.Keyword,
                    Arguments = node.Arguments,
                    Flags = node.Flags,
                    Comments = node.Comments,
                    // ENV/LABEL arguments are key, value, separator triples; "" is the whitespace (legacy) form.
                    LegacyKeyValue = node.Command is "env" or "label" && node.Arguments is [_, _, "", ..],
                };
            return source;
        }
        var file = import.File;
        return new DockerfileSource
        {
            GlobalArgs = [.. Enumerable.Range(1, file.GlobalArgs.Count).Select(n => Of(import.Sources[(-1, n)]))],
            Froms = [.. Enumerable.Range(0, file.Stages.Count).Select(s => Of(import.Sources[(s, 0)]))],
            Instructions = [.. Enumerable.Range(0, file.Stages.Count).Select(s =>
                (IReadOnlyList<SourceInstruction>)[.. Enumerable.Range(1, file.Stages[s].Instructions.Count).Select(n => Of(import.Sources[(s, n)]))])],
            EmptyContinuations = [.. tree.Warnings.Where(w => w.Message.StartsWith("Empty continuation line", StringComparison.Ordinal))
                .Select(w => new EmptyContinuation(w.Line, tree.Instructions.LastOrDefault(i => i.StartLine <= w.Line)?.StartLine ?? w.Line))],
        };
    }
}
