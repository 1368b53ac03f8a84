namespace Fluent.Docker;

/// <summary>
/// A build stage: its base (FROM), an optional platform and its instructions. Immutable: every instruction method
/// returns a new stage, so a stage value can be shared, extended in two directions, and referenced by other
/// stages (<c>CopyFrom(build, …)</c>, <c>Stage.Named("test").From(build)</c>).
/// Start one with <see cref="Named"/>, which offers only <c>From(…)</c>.
/// </summary>
public sealed record Stage
{
    internal Stage(string? name, BaseImage baseImage, Platform? platform, ValueList<Instruction> instructions)
    {
        Name = name;
        Base = baseImage;
        Platform = platform;
        Instructions = instructions;
    }

    /// <summary>The stage name (<c>AS name</c>), or null for an unnamed stage.</summary>
    public string? Name { get; }
    public BaseImage Base { get; }
    public Platform? Platform { get; }
    public ValueList<Instruction> Instructions { get; }

    /// <summary>Lint rules turned off for this stage, each with its reason (<see cref="Suppress"/>).</summary>
    public ValueList<RuleSuppression> Suppressions { get; private init; } = ValueList<RuleSuppression>.Empty;

    /// <summary>Begins a named stage; the only thing it offers is <c>From(…)</c>.</summary>
    public static StageDeclaration Named(string name) => new(name);

    /// <summary>Begins a stage without a name (it cannot be referenced by other stages).</summary>
    public static StageDeclaration Unnamed() => new(null);

    /// <summary>How other instructions refer to this stage.</summary>
    public StageRef Reference => new(Name ?? "");

    /// <summary>
    /// The comment written above the stage's FROM line (lines separated by a line feed), or null. BuildKit takes a
    /// comment whose first word is the stage name as the stage's description (<c># build compiles the app</c>), which
    /// <c>docker buildx build --call=outline</c> shows. Set it with <see cref="Comment"/> right after <c>From(…)</c>.
    /// </summary>
    public string? HeaderComment { get; private init; }

    /// <summary>The text the FROM line was read from, while the stage's FROM still says the same (see <see cref="SourceText"/>).</summary>
    internal Unequated<SourcePart> Source { get; private init; }

    private Stage With(Instruction instruction) => Copy(Base, Instructions.Append(instruction));

    /// <summary>This stage's name, platform, comment, FROM text and suppressions on <paramref name="baseImage"/> with <paramref name="instructions"/>.</summary>
    private Stage Copy(BaseImage baseImage, ValueList<Instruction> instructions) =>
        new(Name, baseImage, Platform, instructions) { Suppressions = Suppressions, HeaderComment = HeaderComment, Source = Source };

    /// <summary>The same stage on another base with other instructions (name, platform and suppressions kept): for whole-model rewrites.</summary>
    internal Stage Rewritten(BaseImage baseImage, ValueList<Instruction> instructions) => Copy(baseImage, instructions);

    /// <summary>The stage with the text its FROM line was read from (the reader's).</summary>
    internal Stage WithSource(SourcePart source) => this with { Source = source };

    /// <summary>
    /// Writes <paramref name="text"/> as a comment above what was added last: above the FROM line right after
    /// <c>From(…)</c> (the stage's <see cref="HeaderComment"/>), otherwise above the last instruction
    /// (<c>.Run("make").Comment("builds the release")</c>). Several lines: separate them with a line feed. Replaces a
    /// comment already there; empty text removes it.
    /// <para>
    /// BuildKit reads a stage comment that starts with the stage name as the stage's description, shown by
    /// <c>docker buildx build --call=outline</c>: <c>Stage.Named("build").From(sdk).Comment("build compiles the app")</c>.
    /// </para>
    /// </summary>
    public Stage Comment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Instructions.Count == 0) return this with { HeaderComment = CommentText.Normalize(text) };
        var last = Instructions[^1] with { Comment = text };
        return Copy(Base, ValueList.From(Instructions.Take(Instructions.Count - 1).Append(last)));
    }

    /// <summary>
    /// Turns a lint rule off for this stage, saying why: <c>.Suppress("FD0011", "the entrypoint drops to uid 1000")</c>.
    /// The rule may be named by id, BuildKit check or hadolint rule; an empty justification is refused.
    /// </summary>
    public Stage Suppress(string rule, string justification) =>
        this with { Suppressions = Suppressions.Append(RuleSuppression.Create(rule, justification)) };

    // ---- RUN
    /// <summary><c>RUN</c> in shell form: one line of shell. For several lines use <see cref="RunScript"/>.</summary>
    public Stage Run(string command, params RunOption[] options) =>
        With(new RunInstruction(new CommandLine.Shell(command), ValueList.Of(options)));

    /// <summary><c>RUN ["exe", "arg"]</c>: exec form, no shell.</summary>
    public Stage RunExec(IEnumerable<string> arguments, params RunOption[] options) =>
        With(new RunInstruction(new CommandLine.Exec(ValueList.From(arguments)), ValueList.Of(options)));

    /// <summary><c>RUN &lt;&lt;EOF</c>: a multi-line script in a heredoc, run by the stage's SHELL.</summary>
    public Stage RunScript(string script, params RunOption[] options) =>
        With(new RunInstruction(new CommandLine.Script(script), ValueList.Of(options)));

    // ---- CMD / ENTRYPOINT: exec form by default; shell form only through the explicitly named methods.
    public Stage Cmd(params string[] arguments) => With(new CmdInstruction(new CommandLine.Exec(ValueList.Of(arguments))));
    public Stage CmdShell(string command) => With(new CmdInstruction(new CommandLine.Shell(command)));
    public Stage Entrypoint(params string[] arguments) => With(new EntrypointInstruction(new CommandLine.Exec(ValueList.Of(arguments))));
    public Stage EntrypointShell(string command) => With(new EntrypointInstruction(new CommandLine.Shell(command)));

    /// <summary><c>SHELL ["executable", "parameters"]</c>.</summary>
    public Stage Shell(params string[] shell) => With(new ShellInstruction(ValueList.Of(shell)));

    public Stage Healthcheck(Healthcheck healthcheck) => With(new HealthcheckInstruction(healthcheck));

    // ---- COPY / ADD
    public Stage Copy(SourcePath source, ContainerPath destination, CopyOptions? options = null) =>
        With(new CopyInstruction(ValueList.Of(source), destination, null, options ?? CopyOptions.None));

    public Stage Copy(IEnumerable<SourcePath> sources, ContainerPath destination, CopyOptions? options = null) =>
        With(new CopyInstruction(ValueList.From(sources), destination, null, options ?? CopyOptions.None));

    /// <summary><c>COPY --from=…</c>: from an earlier <see cref="Stage"/>, an <see cref="ImageReference"/> or a <see cref="NamedContext"/>.</summary>
    public Stage CopyFrom(ArtifactSource from, SourcePath source, ContainerPath destination, CopyOptions? options = null) =>
        With(new CopyInstruction(ValueList.Of(source), destination, from, options ?? CopyOptions.None));

    public Stage CopyFrom(ArtifactSource from, IEnumerable<SourcePath> sources, ContainerPath destination, CopyOptions? options = null) =>
        With(new CopyInstruction(ValueList.From(sources), destination, from, options ?? CopyOptions.None));

    /// <summary>Writes <paramref name="content"/> to a file in the image through a heredoc (<c>COPY &lt;&lt;EOF dest</c>).</summary>
    public Stage CopyContent(ContainerPath destination, string content, CopyOptions? options = null) =>
        With(new CopyContentInstruction(destination, content, options ?? CopyOptions.None));

    public Stage Add(AddSource source, ContainerPath destination, CopyOptions? options = null, bool? unpack = null) =>
        With(new AddInstruction(ValueList.Of(source), destination, options ?? CopyOptions.None, unpack));

    // ---- environment and metadata
    public Stage Workdir(AbsolutePath path) => With(new WorkdirInstruction(path));

    public Stage Env(string name, Expandable value) => With(new EnvInstruction(ValueList.Of(new EnvVariable(name, value))));

    public Stage Env(params (string Name, Expandable Value)[] variables) =>
        With(new EnvInstruction(ValueList.From(variables.Select(v => new EnvVariable(v.Name, v.Value)))));

    /// <summary><c>ARG NAME[=default]</c> in this stage: makes a global or automatic ARG usable here.</summary>
    public Stage Arg(BuildArg arg) => With(new ArgInstruction(arg));

    public Stage Label(LabelKey key, Expandable value) => With(new LabelInstruction(ValueList.Of(new Label(key, value))));

    public Stage Labels(params (LabelKey Key, Expandable Value)[] labels) =>
        With(new LabelInstruction(ValueList.From(labels.Select(l => new Label(l.Key, l.Value)))));

    public Stage Expose(params Port[] ports) => With(new ExposeInstruction(ValueList.Of(ports)));

    public Stage User(UserSpec user) => With(new UserInstruction(user));

    public Stage Volume(params AbsolutePath[] paths) => With(new VolumeInstruction(ValueList.Of(paths)));

    public Stage StopSignal(Signal signal) => With(new StopSignalInstruction(signal));

    /// <summary>
    /// ONBUILD triggers, recorded by applying <paramref name="triggers"/> to an empty stage:
    /// <c>.OnBuild(t =&gt; t.Copy(".", "/src").Run("make"))</c>. Each recorded instruction becomes one ONBUILD.
    /// </summary>
    public Stage OnBuild(Func<Stage, Stage> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var recorder = new Stage(null, new BaseImage.Scratch(), null, ValueList<Instruction>.Empty);
        var recorded = triggers(recorder);
        var stage = this;
        foreach (var trigger in recorded.Instructions) stage = stage.With(new OnBuildInstruction(trigger));
        return stage;
    }

    /// <summary>
    /// One ONBUILD trigger written exactly as <paramref name="text"/> (what the image stores and a child build runs, e.g.
    /// <c>ENV A b</c>), with <paramref name="trigger"/> recording the one instruction the text says, for the lint:
    /// <c>.OnBuild("ENV A b", t =&gt; t.Env("A", "b"))</c>. The importer writes this for a trigger whose text the
    /// emitter would write differently; in new code prefer <see cref="OnBuild(Func{Stage, Stage})"/>.
    /// </summary>
    public Stage OnBuild(string text, Func<Stage, Stage> trigger)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trigger);
        var recorded = trigger(new Stage(null, new BaseImage.Scratch(), null, ValueList<Instruction>.Empty));
        if (recorded.Instructions.Count != 1)
            throw new ArgumentException($"The trigger records {recorded.Instructions.Count} instructions; the text stands for exactly one (e.g. t => t.Env(\"A\", \"b\")).", nameof(trigger));
        return With(new OnBuildInstruction(recorded.Instructions[0]) { Text = text });
    }

    /// <summary>Appends an instruction value (for generated or imported models).</summary>
    public Stage Append(Instruction instruction) => With(instruction ?? throw new ArgumentNullException(nameof(instruction)));

    public override string ToString() => Name is null ? $"stage FROM {Base}" : $"stage '{Name}'";
}

/// <summary>
/// A stage that has a name but no base yet. Type-state: the only thing you can do is <c>From(…)</c>, so no
/// instruction can ever come before FROM.
/// </summary>
public readonly struct StageDeclaration
{
    internal StageDeclaration(string? name) => Name = name;

    public string? Name { get; }

    public Stage From(ImageReference image, Platform? platform = null) =>
        new(Name, new BaseImage.Image(image), platform, ValueList<Instruction>.Empty);

    /// <summary>Builds on an earlier stage of the same Dockerfile.</summary>
    public Stage From(Stage stage, Platform? platform = null) =>
        new(Name, new BaseImage.OfStage(stage.Reference), platform, ValueList<Instruction>.Empty);

    /// <summary>
    /// FROM an image (or stage) whose name uses global ARGs, which BuildKit expands:
    /// <c>.FromExpanded($"golang:{goVersion}-alpine")</c> with a <see cref="BuildArg"/> declared on the file.
    /// </summary>
    public Stage FromExpanded(Expandable reference, Platform? platform = null) =>
        new(Name, new BaseImage.Expanded(reference), platform, ValueList<Instruction>.Empty);

    /// <summary><c>FROM scratch</c>: an empty filesystem.</summary>
    public Stage FromScratch(Platform? platform = null) =>
        new(Name, new BaseImage.Scratch(), platform, ValueList<Instruction>.Empty);
}
