using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// Everything the library knows about one instruction record, in one place (as BuildKit keeps a command's flags,
/// parsing, validation and capability side by side): how it is read from BuildKit's syntax tree, validated,
/// emitted, applied to the build state, rendered as C# by the importer, and which images it pulls. The emitter,
/// reader, validator, importer, pinning and <see cref="BuildState"/> are loops over <see cref="InstructionCodecs"/>.
/// </summary>
internal abstract class InstructionCodec
{
    /// <summary>The record this codec owns.</summary>
    public abstract Type InstructionType { get; }

    /// <summary>The BuildKit commands (lower case) this codec reads; empty when another codec reads the record (COPY content is read by COPY).</summary>
    public virtual IReadOnlyList<string> Commands => [];

    /// <summary>
    /// The instructions of one node: BuildKit's errors throw <see cref="InstructionSyntaxException"/>; null when the
    /// model cannot say what the node says (the reader keeps it raw).
    /// </summary>
    public virtual IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context) => null;

    /// <summary>The logical line and the heredoc body lines that follow it.</summary>
    public abstract (string Header, IReadOnlyList<string> Body) Emit(DockerfileSyntax syntax, Instruction instruction);

    /// <summary>Adds the instruction's problems to the scope's site.</summary>
    public abstract void Validate(DockerfileValidator.Scope scope, Instruction instruction);

    /// <summary>The heredoc delimiters the emitted line opens, in order.</summary>
    public abstract IReadOnlyList<string> Heredocs(Instruction instruction);

    /// <summary>The Dockerfile features the instruction uses that not every frontend knows, each with the slot that uses it.</summary>
    public abstract IEnumerable<(DockerfileFeature Feature, string Slot)> Features(Instruction instruction);

    /// <summary>The build state after the instruction (its effect on the image config and the ARGs in scope).</summary>
    public abstract BuildState Apply(BuildState state, Instruction instruction, BuildInputs inputs);

    /// <summary>The chained fluent call (the text after the dot) that appends the instruction.</summary>
    public abstract string Import(CSharpModel model, Instruction instruction);

    /// <summary>The instruction with every image it pulls by name replaced by <paramref name="image"/>'s result.</summary>
    public abstract Instruction RewriteImages(Instruction instruction, Func<ImageReference, ImageReference> image);

    /// <summary>The instruction this one defers to a child build (ONBUILD's trigger), or null.</summary>
    public abstract Instruction? Trigger(Instruction instruction);

    // ---- What the lint, the image graph and .dockerignore generation ask of an instruction.

    /// <summary>The stages, images and named contexts it reads files from (COPY --from, mounts with from=).</summary>
    public abstract IEnumerable<ArtifactSource> ArtifactSources(Instruction instruction);

    /// <summary>The build-context paths it reads: copied (COPY/ADD without --from) or mounted (bind mounts without from=).</summary>
    public abstract IEnumerable<ContextRead> ContextReads(Instruction instruction);

    /// <summary>The RUN options it has that the builder must be granted an entitlement for (<c>--network=host</c>, <c>--security=insecure</c>).</summary>
    public abstract IEnumerable<RunOption> PrivilegedOptions(Instruction instruction);

    /// <summary>Where it writes files in the image (COPY/ADD), or null.</summary>
    public abstract ContainerPath? Destination(Instruction instruction);

    /// <summary>The values BuildKit expands with the ARGs and ENV in scope.</summary>
    public abstract IEnumerable<Expandable> ExpandedValues(Instruction instruction);

    /// <summary>The variables it declares (ARG and ENV names).</summary>
    public abstract IEnumerable<string> DeclaredVariables(Instruction instruction);

    /// <summary>The values the image keeps in its config or history, by slot (where a literal secret would leak).</summary>
    public abstract IEnumerable<(string Slot, Expandable Value)> RecordedValues(Instruction instruction);

    /// <summary>The command it sets for the container (CMD, ENTRYPOINT), or null.</summary>
    public abstract CommandLine? ContainerCommand(Instruction instruction);

    /// <summary>Only the last one of a stage takes effect (CMD, ENTRYPOINT, HEALTHCHECK).</summary>
    public virtual bool OnlyLastTakesEffect => false;

    /// <summary>What its line is made of, for breaking it over continuation lines (<see cref="LineLayout"/>).</summary>
    public abstract LineShape Shape(Instruction instruction);

    /// <summary>The instruction with its shell-form command (if it has one) rewritten by <paramref name="rewrite"/>; else itself.</summary>
    public abstract Instruction WithShellCommand(Instruction instruction, Func<string, string> rewrite);

    /// <summary>It makes later shell-form commands run in another shell (SHELL, also as an ONBUILD trigger or a raw line).</summary>
    public abstract bool ChangesShell(Instruction instruction);

    /// <summary>It is a list of key=value pairs, which BuildKit also reads in the legacy <c>KEY value</c> form (ENV, LABEL).</summary>
    public virtual bool HasKeyValuePairs => false;
}

/// <summary>A build-context path an instruction reads: copied into the image, or only mounted while a RUN runs.</summary>
internal readonly record struct ContextRead(SourcePath Path, bool Mounted);

/// <summary>A codec for <typeparamref name="T"/>: the typed members each instruction file implements.</summary>
internal abstract class InstructionCodec<T> : InstructionCodec where T : Instruction
{
    public sealed override Type InstructionType => typeof(T);

    protected abstract (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, T instruction);

    protected abstract void Check(DockerfileValidator.Scope scope, T instruction);

    protected virtual IReadOnlyList<string> HeredocsOf(T instruction) => [];

    protected virtual IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(T instruction) => [];

    protected virtual BuildState ApplyTo(BuildState state, T instruction, BuildInputs inputs) => state;

    protected abstract string ToCSharp(CSharpModel model, T instruction);

    protected virtual T Rewrite(T instruction, Func<ImageReference, ImageReference> image) => instruction;

    protected virtual Instruction? TriggerOf(T instruction) => null;

    protected virtual IEnumerable<ArtifactSource> ArtifactSourcesOf(T instruction) => [];

    protected virtual IEnumerable<ContextRead> ContextReadsOf(T instruction) => [];

    protected virtual IEnumerable<RunOption> PrivilegedOptionsOf(T instruction) => [];

    protected virtual ContainerPath? DestinationOf(T instruction) => null;

    protected virtual IEnumerable<Expandable> ExpandedValuesOf(T instruction) => [];

    protected virtual IEnumerable<string> DeclaredVariablesOf(T instruction) => [];

    protected virtual IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(T instruction) => [];

    protected virtual CommandLine? ContainerCommandOf(T instruction) => null;

    protected virtual LineShape ShapeOf(T instruction) => LineShape.Single;

    protected virtual T WithShellCommandOf(T instruction, Func<string, string> rewrite) => instruction;

    protected virtual bool ChangesShellOf(T instruction) => false;

    public sealed override (string Header, IReadOnlyList<string> Body) Emit(DockerfileSyntax syntax, Instruction instruction) => Write(syntax, (T)instruction);

    public sealed override void Validate(DockerfileValidator.Scope scope, Instruction instruction) => Check(scope, (T)instruction);

    public sealed override IReadOnlyList<string> Heredocs(Instruction instruction) => HeredocsOf((T)instruction);

    public sealed override IEnumerable<(DockerfileFeature Feature, string Slot)> Features(Instruction instruction) => FeaturesOf((T)instruction);

    public sealed override BuildState Apply(BuildState state, Instruction instruction, BuildInputs inputs) => ApplyTo(state, (T)instruction, inputs);

    public sealed override string Import(CSharpModel model, Instruction instruction) => ToCSharp(model, (T)instruction);

    public sealed override Instruction RewriteImages(Instruction instruction, Func<ImageReference, ImageReference> image) => Rewrite((T)instruction, image);

    public sealed override Instruction? Trigger(Instruction instruction) => TriggerOf((T)instruction);

    public sealed override IEnumerable<ArtifactSource> ArtifactSources(Instruction instruction) => ArtifactSourcesOf((T)instruction);

    public sealed override IEnumerable<ContextRead> ContextReads(Instruction instruction) => ContextReadsOf((T)instruction);

    public sealed override IEnumerable<RunOption> PrivilegedOptions(Instruction instruction) => PrivilegedOptionsOf((T)instruction);

    public sealed override ContainerPath? Destination(Instruction instruction) => DestinationOf((T)instruction);

    public sealed override IEnumerable<Expandable> ExpandedValues(Instruction instruction) => ExpandedValuesOf((T)instruction);

    public sealed override IEnumerable<string> DeclaredVariables(Instruction instruction) => DeclaredVariablesOf((T)instruction);

    public sealed override IEnumerable<(string Slot, Expandable Value)> RecordedValues(Instruction instruction) => RecordedValuesOf((T)instruction);

    public sealed override CommandLine? ContainerCommand(Instruction instruction) => ContainerCommandOf((T)instruction);

    public sealed override LineShape Shape(Instruction instruction) => ShapeOf((T)instruction);

    public sealed override Instruction WithShellCommand(Instruction instruction, Func<string, string> rewrite) => WithShellCommandOf((T)instruction, rewrite);

    public sealed override bool ChangesShell(Instruction instruction) => ChangesShellOf((T)instruction);

    /// <summary>A shell-form command rewritten; any other form as it is.</summary>
    protected static CommandLine Rewritten(CommandLine command, Func<string, string> rewrite) =>
        command is CommandLine.Shell shell ? new CommandLine.Shell(rewrite(shell.Command)) : command;

    /// <summary>The <c>--chown</c> user, which BuildKit expands.</summary>
    protected static IEnumerable<Expandable> Chown(CopyOptions options) => options.Chown is { } chown ? [chown.Text] : [];

    /// <summary>One instruction, or null (kept raw).</summary>
    protected static IReadOnlyList<Instruction>? One(Instruction? instruction) => instruction is null ? null : [instruction];
}
