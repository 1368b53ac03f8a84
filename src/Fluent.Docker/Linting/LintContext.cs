namespace Fluent.Docker.Linting;

/// <summary>
/// Everything a rule may look at, computed once before any rule runs: every stage with the build state before and
/// after each instruction (BuildKit's dispatch state: USER, WORKDIR, ENV, SHELL, ARGs), which stages a build of the
/// target needs, the effective check directive, and where each part is in the text when there is one.
/// </summary>
internal sealed class LintContext
{
    private LintContext(Dockerfile file, LintOptions options, DockerfileSource? source, CheckDirective checks, BuildStates states)
    {
        File = file;
        Options = options;
        Source = source;
        Checks = checks;
        States = states;
    }

    public Dockerfile File { get; }
    public LintOptions Options { get; }

    /// <summary>Where the model's parts are in the text (a parsed file, or the file the model emits); null when unknown.</summary>
    public DockerfileSource? Source { get; }

    /// <summary>The check directive in force: the BUILDKIT_DOCKERFILE_CHECK build argument, else the file's <c># check=</c>.</summary>
    public CheckDirective Checks { get; }

    public BuildStates States { get; }
    public IReadOnlyList<StageContext> Stages { get; private set; } = [];

    /// <summary>Names of the global ARGs (declared before the first FROM).</summary>
    public IReadOnlySet<string> GlobalArgNames => _globalArgNames ??= File.GlobalArgs.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
    private HashSet<string>? _globalArgNames;

    public static LintContext Create(Dockerfile file, LintOptions options, DockerfileSource? source)
    {
        var checks = options.BuildArgs.TryGetValue(LintOptions.CheckBuildArg, out var fromArg) ? CheckDirective.Parse(fromArg)
            : file.Checks ?? new CheckDirective();
        var states = new BuildStates(file, BuildInputs.For(file, null, options.BuildArgs));
        var context = new LintContext(file, options, source, checks, states);
        var stages = new List<StageContext>();
        for (var index = 0; index < file.Stages.Count; index++)
        {
            var parent = states.BaseStageIndex(index) is { } p ? stages[p] : null;
            stages.Add(new StageContext(context, index, parent));
        }
        context.Stages = stages;
        context.MarkReachable();
        return context;
    }

    /// <summary>The stage that a build of <see cref="LintOptions.Scope"/> targets, and every stage it needs.</summary>
    private void MarkReachable()
    {
        if (Options.Scope.Target is not { } target) return;
        foreach (var stage in Stages) stage.IsReachable = false;
        var start = target.Length == 0 ? Stages.Count - 1 : BuildStates.IndexOf(File, target);
        if (start < 0) return;
        var pending = new Stack<int>([start]);
        while (pending.TryPop(out var index))
        {
            var stage = Stages[index];
            if (stage.IsReachable) continue;
            stage.IsReachable = true;
            if (stage.Parent is { } parent) pending.Push(parent.Index);
            foreach (var used in UsedStages(stage.Stage))
                if (BuildStates.IndexOf(File, used) is >= 0 and var i && i < index) pending.Push(i);
        }
    }

    /// <summary>Stages named by COPY --from and RUN --mount from= (ONBUILD triggers included).</summary>
    private static IEnumerable<string> UsedStages(Stage stage) =>
        stage.Instructions.SelectMany(i => StagesUsedBy(Codecs.InstructionCodecs.For(i).Trigger(i) ?? i));

    /// <summary>The stages one instruction reads from: COPY --from, and cache or bind mounts with from=.</summary>
    public static IEnumerable<string> StagesUsedBy(Instruction instruction)
    {
        foreach (var source in Codecs.InstructionCodecs.For(instruction).ArtifactSources(instruction))
            if (source is ArtifactSource.FromStage from) yield return from.Stage.Name;
    }
}

/// <summary>One stage, its place in the file, and its instructions with their states.</summary>
internal sealed class StageContext
{
    public StageContext(LintContext file, int index, StageContext? parent)
    {
        File = file;
        Index = index;
        Parent = parent;
        Stage = file.File.Stages[index];
        var states = file.States.Of(index);
        Start = states[0];
        End = states[^1];
        Instructions = Stage.Instructions.Select((instruction, i) => new InstructionContext(this, i + 1, instruction, states[i], states[i + 1])).ToList();
    }

    public LintContext File { get; }
    public int Index { get; }
    public Stage Stage { get; }

    /// <summary>The earlier stage this one builds on (<c>FROM build</c>), or null.</summary>
    public StageContext? Parent { get; }

    public bool IsFinal => Index == File.Stages.Count - 1;

    /// <summary>False when the lint runs for one build target and that build does not need this stage.</summary>
    public bool IsReachable { get; internal set; } = true;

    public BuildState Start { get; }
    public BuildState End { get; }
    public IReadOnlyList<InstructionContext> Instructions { get; }

    /// <summary>The FROM line as written, when the text is known.</summary>
    public SourceInstruction? FromSource => File.Source?.From(Index);

    /// <summary>The FROM's <c>--platform</c> value as written (<c>$TARGETPLATFORM</c>, <c>${TARGETPLATFORM}</c>), when the text is known.</summary>
    public string? PlatformAsWritten => FromSource?.Flags.Select(f => f.StartsWith("--platform=", StringComparison.OrdinalIgnoreCase) ? f["--platform=".Length..] : null).LastOrDefault(v => v is not null);

    /// <summary>The FROM's image word as written, before expansion (<c>busybox:$VERSION</c>), when the text is known.</summary>
    public string? BaseAsWritten => FromSource?.Arguments is [var image, ..] ? image : null;

    /// <summary>This stage and the stages it builds on, nearest first.</summary>
    public IEnumerable<StageContext> Chain()
    {
        for (var stage = this; stage is not null; stage = stage.Parent) yield return stage;
    }

    /// <summary>The name for messages: the stage name, or <c>#n</c>.</summary>
    public string DisplayName => Stage.Name ?? $"#{Index + 1}";
}

/// <summary>One instruction with the build state before and after it (resolved once, like BuildKit's llb metadata).</summary>
internal sealed class InstructionContext(StageContext stage, int number, Instruction instruction, BuildState before, BuildState after)
{
    public StageContext Stage { get; } = stage;

    /// <summary>1-based, counting from the instruction after FROM.</summary>
    public int Number { get; } = number;

    public Instruction Instruction { get; } = instruction;
    public BuildState Before { get; } = before;
    public BuildState After { get; } = after;

    /// <summary>The instruction as written, when the text is known.</summary>
    public SourceInstruction? Source => Stage.File.Source?.Instruction(Stage.Index, Number);
}

/// <summary>Where a finding points, as a <see cref="ProblemLocation"/>: a global ARG, a stage's FROM (instruction 0) or one of its instructions, or a bare line.</summary>
internal static class LintLocation
{
    public static ProblemLocation Of(InstructionContext instruction) => new() { StageIndex = instruction.Stage.Index, InstructionNumber = instruction.Number };
    public static ProblemLocation From(StageContext stage) => new() { StageIndex = stage.Index, InstructionNumber = 0 };
    public static ProblemLocation GlobalArg(int index) => new() { GlobalArgIndex = index };
    public static ProblemLocation AtLine(int line, int? stageIndex = null, int? instructionNumber = null) =>
        new() { Line = line, StageIndex = stageIndex, InstructionNumber = instructionNumber };
}

/// <summary>What a rule found: where, and the arguments of the rule's message.</summary>
internal sealed record Finding(ProblemLocation Location, object?[] MessageArguments);
