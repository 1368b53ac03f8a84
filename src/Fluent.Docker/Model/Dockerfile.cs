using Fluent.Docker.Emit;

namespace Fluent.Docker;

/// <summary>
/// A whole Dockerfile: parser directives, global ARGs and ordered stages. Immutable; <c>With*</c> returns a new value.
/// Problems found in any value are collected and reported together by <see cref="Validate"/>, <see cref="Emit()"/>
/// and <see cref="WriteTo"/>, each pointing at its stage, instruction and slot.
/// </summary>
public sealed record Dockerfile
{
    private Dockerfile() { }

    public BuilderProfile Frontend { get; private init; } = BuilderProfile.Builtin;
    public EscapeToken Escape { get; private init; } = EscapeToken.Backslash;
    public CheckDirective? Checks { get; private init; }

    /// <summary>ARGs declared before the first FROM (usable in FROM lines; redeclare in a stage to use them there).</summary>
    public ValueList<BuildArg> GlobalArgs { get; private init; } = ValueList<BuildArg>.Empty;

    public ValueList<Stage> Stages { get; private init; } = ValueList<Stage>.Empty;

    /// <summary>
    /// The RUN options of this file that BuildKit runs only when the builder is granted an entitlement
    /// (<see cref="RunNetwork.Host"/>: <c>network.host</c>; <see cref="RunSecurity.Insecure"/>: <c>security.insecure</c>),
    /// each once; RUNs kept raw included, ONBUILD triggers (run by a later build) not.
    /// </summary>
    public IReadOnlyList<RunOption> PrivilegedRunOptions() =>
        [.. Stages.SelectMany(stage => stage.Instructions).SelectMany(i => Codecs.InstructionCodecs.For(i).PrivilegedOptions(i)).Distinct()];

    /// <summary>Lint rules turned off for the whole file, each with its reason (<see cref="Suppress"/>).</summary>
    public ValueList<RuleSuppression> Suppressions { get; private init; } = ValueList<RuleSuppression>.Empty;

    public static Dockerfile Create(params Stage[] stages) => new() { Stages = ValueList.Of(stages) };

    /// <summary>
    /// Reads Dockerfile text into the model, by BuildKit's parsing and shell-lexer rules (<see cref="Parsing.DockerfileReader"/>).
    /// Throws <see cref="Parsing.DockerfileParseException"/> (<c>line:column: reason</c>) where BuildKit would reject the file.
    /// </summary>
    public static Dockerfile Parse(string text) => Parsing.DockerfileReader.Read(text);

    public Dockerfile WithFrontend(BuilderProfile frontend) => this with { Frontend = frontend ?? throw new ArgumentNullException(nameof(frontend)) };

    /// <summary>What the file asks of its frontend: the versioned features it uses and the oldest release that knows them.</summary>
    public FrontendRequirement RequiredFrontend() => FrontendRequirement.Of(this);

    /// <summary>
    /// Pins the oldest <c>docker/dockerfile</c> release that knows every feature the file uses
    /// (<c># syntax=docker/dockerfile:1.20</c> for <c>COPY --parents</c>, <c>1.14-labs</c> for <c>RUN --device</c>).
    /// </summary>
    public Dockerfile WithMinimalFrontend() => WithFrontend(RequiredFrontend().Frontend);
    public Dockerfile WithEscape(EscapeToken escape) => this with { Escape = escape };
    public Dockerfile WithChecks(CheckDirective? checks) => this with { Checks = checks };
    public Dockerfile WithGlobalArg(BuildArg arg) => WithGlobalArg(arg, null, null);

    /// <summary>
    /// A global ARG with a comment written above it. BuildKit takes a comment that starts with the ARG's name as its
    /// description, shown by <c>docker buildx build --call=outline</c>: <c>WithGlobalArg(version, "VERSION the release to build")</c>.
    /// </summary>
    public Dockerfile WithGlobalArg(BuildArg arg, string comment) => WithGlobalArg(arg, comment ?? throw new ArgumentNullException(nameof(comment)), null);

    /// <summary>A global ARG, its comment and the text it was read from (the reader's).</summary>
    internal Dockerfile WithGlobalArg(BuildArg arg, string? comment, SourcePart? source) => this with
    {
        GlobalArgs = GlobalArgs.Append(arg ?? throw new ArgumentNullException(nameof(arg))),
        GlobalArgCommentList = GlobalArgCommentList.Append(CommentText.Normalize(comment)),
        GlobalArgSources = GlobalArgSources.Append(source),
    };

    /// <summary>The comment above each global ARG (null where there is none), in the order of <see cref="GlobalArgs"/>.</summary>
    public IReadOnlyList<string?> GlobalArgComments => GlobalArgCommentList;

    private ValueList<string?> GlobalArgCommentList { get; init; } = ValueList<string?>.Empty;

    /// <summary>The text each global ARG was read from, in the order of <see cref="GlobalArgs"/>.</summary>
    internal ValueList<Unequated<SourcePart>> GlobalArgSources { get; private init; } = ValueList<Unequated<SourcePart>>.Empty;

    /// <summary>The directive lines and the text after the last instruction of the file this model was read from.</summary>
    internal Unequated<FileSourceText> Source { get; init; }
    public Dockerfile WithStage(Stage stage) => this with { Stages = Stages.Append(stage ?? throw new ArgumentNullException(nameof(stage))) };
    public Dockerfile WithStages(params Stage[] stages) => this with { Stages = Stages.AppendRange(stages) };

    /// <summary>The same file with every stage replaced by <paramref name="rewrite"/> of it (for whole-model rewrites such as <see cref="Pinning.ImagePinning"/>).</summary>
    internal Dockerfile WithStagesRewritten(Func<Stage, Stage> rewrite) => this with { Stages = ValueList.From(Stages.Select(rewrite)) };

    /// <summary>
    /// Turns a lint rule off for the whole file, saying why. The rule may be named by id (<c>FD0122</c>), BuildKit check
    /// (<c>JSONArgsRecommended</c>) or hadolint rule (<c>DL3059</c>); an empty justification is refused.
    /// </summary>
    public Dockerfile Suppress(string rule, string justification) =>
        this with { Suppressions = Suppressions.Append(RuleSuppression.Create(rule, justification)) };

    /// <summary>The last stage: what <c>docker build</c> produces without <c>--target</c>.</summary>
    public Stage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>Every problem in the model, with the stage, instruction and slot it belongs to. Empty when valid.</summary>
    public IReadOnlyList<Problem> Validate() => DockerfileValidator.Validate(this);

    /// <summary>
    /// Every image this file pulls by a tag (FROM, <c>COPY --from</c>, <c>RUN --mount=…,from=</c>, also inside ONBUILD), in
    /// order of first use, once each; stages, named contexts, <c>scratch</c>, ARG-built and digest-pinned references are not.
    /// </summary>
    public IReadOnlyList<ImageReference> PulledImages() => Pinning.ImagePinning.ImagesOf(this);

    /// <summary>The Dockerfile text. Throws <see cref="DockerfileValidationException"/> listing every problem.</summary>
    public string Emit() => Emit(EmitOptions.Default);

    /// <summary>The Dockerfile text laid out as <paramref name="options"/> say. Throws <see cref="DockerfileValidationException"/> listing every problem.</summary>
    public string Emit(EmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        return DockerfileEmitter.Emit(this, null, keepSourceText: true, options);
    }

    /// <summary>
    /// Dockerfile text in the canonical layout (what <c>fluent-docker fmt</c> writes): every instruction rendered afresh,
    /// wrapped within the width, comments kept; BuildKit reads the same instructions. Formatting the result again gives
    /// the same text. Throws <see cref="Parsing.DockerfileParseException"/> when BuildKit would not read <paramref name="text"/>.
    /// </summary>
    public static string Format(string text, EmitOptions? options = null) =>
        DockerfileEmitter.Emit(Parse(text), null, keepSourceText: false, options ?? EmitOptions.Default);

    /// <summary>Validates, then writes the file atomically (a reader never sees half a file; a failure leaves the old file).</summary>
    public void WriteTo(string path) => IO.AtomicFile.WriteAllText(path, Emit());

    public override string ToString() => Validate().Count == 0 ? DockerfileEmitter.Emit(this) : $"Dockerfile with {Validate().Count} problem(s)";
}
