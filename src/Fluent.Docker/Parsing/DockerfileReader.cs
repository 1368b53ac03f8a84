namespace Fluent.Docker.Parsing;

/// <summary>
/// Reads Dockerfile text into the model: BuildKit's parser gives the instructions (<see cref="DockerfileSyntaxTree"/>),
/// then each becomes its typed instruction, with values read by BuildKit's shell-lexer rules into literal text and
/// variable references. What BuildKit rejects throws <see cref="DockerfileParseException"/> (<c>line:column: reason</c>).
/// <para>
/// An instruction becomes typed when its codec can say it and the model is valid; otherwise it is kept as a
/// <see cref="RawInstruction"/> (its logical line and heredoc bodies). That a valid model's emitted text reads back
/// equal is the codecs' round-trip property, proven by tests (the emit/parse fuzzer and every corpus), not re-checked
/// here: <c>Parse(Emit(Parse(text)))</c> equals <c>Parse(text)</c>.
/// </para>
/// </summary>
public static partial class DockerfileReader
{
    /// <summary>Reads a Dockerfile (see the class remarks).</summary>
    public static Dockerfile Read(string text) => Read(DockerfileSyntaxTree.Parse(text));

    public static Dockerfile Read(DockerfileSyntaxTree tree) => ReadWithSources(tree).File;

    /// <summary>
    /// The model and, for each stage's FROM (instruction 0) and instruction (1-based), the node it was read from;
    /// global ARGs are keyed (-1, n). The importer uses the nodes' comments.
    /// </summary>
    public static (Dockerfile File, IReadOnlyDictionary<(int Stage, int Instruction), InstructionNode> Sources) ReadWithSources(DockerfileSyntaxTree tree)
    {
        var (file, locations, problem) = ReadNodes(tree, forLint: false);
        if (problem is not null) throw problem;
        if (file.Stages.Count == 0)
        {
            var last = tree.Instructions[^1];
            throw new DockerfileParseException(last.StartLine, last.Column, "the file has no FROM: a Dockerfile needs at least one build stage");
        }

        // What remains are file-level problems (directives, stage names): report them where they are.
        if (file.Validate() is [var error, ..])
        {
            var at = error.Location.StageIndex is { } s ? locations.GetValueOrDefault((s, error.Location.InstructionNumber ?? 0))
                : error.Location.GlobalArgIndex is { } arg ? locations.GetValueOrDefault((-1, arg + 1)) : null;
            var line = at?.StartLine ?? (tree.Directives.Count > 0 ? tree.Directives[0].Line : 1);
            throw new DockerfileParseException(line, at?.Column ?? 1, $"{error.Location.Slot}: {error.Message} Fix: {error.Fix}");
        }
        return (file, locations);
    }

    /// <summary>
    /// The read loop, node by node, up to the first problem BuildKit would stop at. Exactly (<see cref="Read(DockerfileSyntaxTree)"/>):
    /// an instruction is typed only when the model says exactly the same thing. For the lint (<see cref="ReadForLint"/>):
    /// what BuildKit accepts or only warns about is kept typed.
    /// </summary>
    internal static DockerfileImport ReadNodes(DockerfileSyntaxTree tree, bool forLint)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var file = ReadDirectives(tree);
        file = file with
        {
            Source = new FileSourceText((tree.HasByteOrderMark ? "\uFEFF" : "") + tree.Text[..tree.HeaderEnd], file.Frontend, file.Escape, file.Checks, tree.Trailer),
        };
        var context = new Context(file.Escape, StageNames(tree));
        var locations = new Dictionary<(int Stage, int Instruction), InstructionNode>();
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
                    stageIndex++;
                    stage = forLint ? ReadFromForLint(node, file, context, ref problem) : ReadFrom(node, file, context);
                    if (node.Comment is { } comment) stage = stage.Comment(comment);
                    stage = stage.WithSource(new SourcePart(SourceText.Of(tree, node, [stage]), 0));
                    locations[(stageIndex, 0)] = node;
                    continue;
                }
                if (!Commands.Contains(node.Command)) throw new InstructionSyntaxException($"unknown instruction: {node.Keyword}");
                if (stage is null)
                {
                    if (node.Command != "arg") throw new InstructionSyntaxException($"{node.Keyword.ToUpperInvariant()} comes before the first FROM: no build stage in current context");
                    var args = Codecs.ArgCodec.ReadArgs(node, context)
                        .Select(arg => forLint || arg.Problem is null ? arg : throw new InstructionSyntaxException($"global ARG: {arg.Problem}")).ToList();
                    // The comment belongs to the line: it is the first ARG's (each ARG of the line is written on a line of its own when rendered).
                    var text = SourceText.Of(tree, node, [.. args.Select((arg, i) => (object)(arg, i == 0 ? node.Comment : null))]);
                    for (var i = 0; i < args.Count; i++)
                    {
                        file = file.WithGlobalArg(args[i], i == 0 ? node.Comment : null, new SourcePart(text, i));
                        locations[(-1, file.GlobalArgs.Count)] = node;
                    }
                    continue;
                }
                var instructions = forLint ? ReadTyped(node, file, context) ?? [Raw(node)] : ReadInstruction(node, file, stage, stageIndex, context);
                if (node.Comment is { } instructionComment) instructions = [instructions[0] with { Comment = instructionComment }, .. instructions.Skip(1)];
                var source = SourceText.Of(tree, node, instructions);
                for (var i = 0; i < instructions.Count; i++)
                {
                    stage = stage.Append(instructions[i] with { Source = new SourcePart(source, i) });
                    locations[(stageIndex, stage.Instructions.Count)] = node;
                }
            }
            catch (InstructionSyntaxException e)
            {
                problem = new DockerfileParseException(node.StartLine, node.Column, e.Message);
                break;
            }
        }
        if (stage is not null) file = file.WithStage(stage);
        return new DockerfileImport(file, locations, problem);
    }

    /// <summary>True for the keywords BuildKit knows (any case).</summary>
    internal static bool IsInstruction(string keyword) => Commands.Contains(keyword.ToLowerInvariant());

    /// <summary>FROM and every command an instruction codec reads.</summary>
    private static readonly HashSet<string> Commands = ["from", .. Codecs.InstructionCodecs.Commands];

    /// <summary>The file's escape token and a shell lexer for it; names of the stages read so far.</summary>
    internal sealed class Context(EscapeToken escape, IReadOnlySet<string> stageNames)
    {
        public EscapeToken Escape { get; } = escape;

        /// <summary>Every stage name in the file (lower case), earlier and later ones.</summary>
        public IReadOnlySet<string> StageNames { get; } = stageNames;
        public ShellLexer Lexer { get; } = new(escape == EscapeToken.Backtick ? '`' : '\\');

        /// <summary>A word as BuildKit's lexer reads it, references kept symbolic.</summary>
        public Expandable Analyze(string word)
        {
            try
            {
                return Lexer.Analyze(word);
            }
            catch (ShellLexerException e)
            {
                throw new InstructionSyntaxException(e.Message);
            }
        }
    }

    internal static Dockerfile ReadDirectives(DockerfileSyntaxTree tree)
    {
        var file = Dockerfile.Create();
        if (tree.EscapeToken == '`') file = file.WithEscape(EscapeToken.Backtick);
        foreach (var directive in tree.Directives)
        {
            try
            {
                file = directive.Name switch
                {
                    "syntax" => file.WithFrontend(BuilderProfile.CustomFrontend(directive.Value)),
                    // BuildKit's frontend reads check from lines that start with '#': an indented one is a plain comment to it (measured).
                    "check" when Indented(tree, directive.Line) => file,
                    "check" => file.WithChecks(ReadCheck(directive.Value)),
                    _ => file,
                };
            }
            catch (Exception e) when (e is DockerValueException or InstructionSyntaxException)
            {
                throw new DockerfileParseException(directive.Line, 1, $"{directive.Name} directive: {e.Message}");
            }
        }
        return file;
    }

    private static bool Indented(DockerfileSyntaxTree tree, int line) =>
        tree.Text.Split('\n') is var lines && line - 1 < lines.Length && lines[line - 1].Length > 0 && lines[line - 1][0] != '#';

    /// <summary>BuildKit's check directive (<see cref="CheckDirective.Parse"/>: skip, error, experimental); null when it changes nothing.</summary>
    /// <remarks>
    /// As BuildKit reads it (measured on Docker 28.5): the value ends at the first space, the rest is a comment
    /// (<c># check=skip=SecretsUsedInArgOrEnv // a public key</c>); so <c>skip= X</c> skips nothing and <c>skip =X</c>
    /// is the option "skip" without a value.
    /// </remarks>
    internal static CheckDirective? ReadCheck(string value)
    {
        CheckDirective check;
        try
        {
            check = CheckDirective.Parse(value.Split(' ', 2)[0]);
        }
        catch (DockerValueException e)
        {
            throw new InstructionSyntaxException(e.Problem.Message);
        }
        // Nothing skipped or enabled and warnings not errors is BuildKit's default: the same as no directive.
        return check.SkipAll || check.Skip.Count > 0 || check.Error || check.ExperimentalAll || check.Experimental.Count > 0 ? check : null;
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    internal static bool? ParseGoBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    internal static Stage ReadFrom(InstructionNode node, Dockerfile file, Context context, bool allowDuplicateName = false)
    {
        var flags = BuilderFlags.Parse(node.Flags, ("platform", BuilderFlags.Kind.Value));
        var args = node.Arguments;
        string? name = null;
        if (args.Count == 3 && args[1].Equals("as", StringComparison.OrdinalIgnoreCase))
        {
            name = args[2].ToLowerInvariant();
            if (!StageNamePattern().IsMatch(name))
                throw new InstructionSyntaxException($"invalid name for build stage: {GoText.Quote(args[2])}, name can't start with a number or contain symbols");
            if (!allowDuplicateName && file.Stages.Any(s => s.Name == name)) throw new InstructionSyntaxException($"duplicate stage name {GoText.Quote(name)}");
        }
        else if (args.Count != 1) throw new InstructionSyntaxException("FROM requires either one or three arguments");

        var platform = flags.String("platform") is { } text ? ReadPlatform(text, context) : null;
        var declaration = name is null ? Stage.Unnamed() : Stage.Named(name);
        var reference = context.Analyze(args[0]);
        if (reference.LiteralText is { } literal)
        {
            if (literal == "scratch") return declaration.FromScratch(platform);
            if (file.Stages.FirstOrDefault(s => string.Equals(s.Name, literal, StringComparison.OrdinalIgnoreCase)) is { } parent)
                return declaration.From(parent, platform);
            if (!ImageReference.TryParse(literal, out var image) || image.ToString() != literal)
                throw new InstructionSyntaxException($"FROM {literal}: {image.Problem?.ToString() ?? "not a canonical image reference"}");
            if (image.Domain is null && image.Tag is null && image.Digest is null && context.StageNames.Contains(image.Path))
                throw new InstructionSyntaxException($"FROM {literal}: names a stage that comes later in the file; BuildKit would pull an image of that name instead (move the stage before this FROM).");
            return declaration.From(image, platform);
        }
        if (reference.Parts.Count == 0) throw new InstructionSyntaxException("FROM needs an image");
        return declaration.FromExpanded(reference, platform);
    }

    internal static HashSet<string> StageNames(DockerfileSyntaxTree tree) =>
        [.. tree.Instructions.Where(i => i.Command == "from" && i.Arguments.Count == 3).Select(i => i.Arguments[2].ToLowerInvariant())];

    /// <summary>
    /// <c>--platform</c>: os/arch[/variant] or an architecture alone (as written), $BUILDPLATFORM / $TARGETPLATFORM, or any
    /// other expression BuildKit expands (e.g. <c>${BUILDPLATFORM:-linux/amd64}</c>), kept verbatim.
    /// </summary>
    internal static Platform ReadPlatform(string text, Context context)
    {
        var value = context.Analyze(text);
        if (value.Parts is [{ IsVariable: true, Text: "BUILDPLATFORM" }]) return Platform.BuildPlatform;
        if (value.Parts is [{ IsVariable: true, Text: "TARGETPLATFORM" }]) return Platform.TargetPlatform;
        if (value.LiteralText is { } literal)
        {
            try
            {
                var platform = Platform.Parse(literal);
                if (platform.ToString() == literal) return platform;
            }
            catch (FormatException)
            {
                // reported below
            }
        }
        else if (value.Parts.Count > 0 && value.ToString() == text) return Platform.Expanded(value);
        throw new InstructionSyntaxException($"FROM --platform={text}: the model holds os/arch[/variant] or a known architecture (e.g. linux/arm64, arm64), $BUILDPLATFORM, $TARGETPLATFORM or an expression such as ${{BUILDPLATFORM:-linux/amd64}}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z][a-z0-9-_.]*\z")]
    private static partial System.Text.RegularExpressions.Regex StageNamePattern();

    /// <summary>
    /// The instructions of one node: typed when its codec reads it and the result is valid (a valid model reads
    /// back equal, see the class remarks), otherwise the node kept raw.
    /// </summary>
    internal static IReadOnlyList<Instruction> ReadInstruction(InstructionNode node, Dockerfile file, Stage stage, int stageIndex, Context context)
    {
        var typed = ReadTyped(node, file, context);
        if (typed is not null)
        {
            var accepted = true;
            var current = stage;
            foreach (var instruction in typed)
            {
                if (DockerfileValidator.ValidateInstruction(file, current, stageIndex, instruction).Count > 0)
                {
                    accepted = false;
                    break;
                }
                current = current.Append(instruction);
            }
            if (accepted) return typed;
        }
        return [Raw(node)];
    }

    internal static RawInstruction Raw(InstructionNode node) =>
        new(node.Original) { Heredocs = ValueList.From(node.Heredocs.Select(h => new RawHeredoc(h.Name, h.Content))) };
}
