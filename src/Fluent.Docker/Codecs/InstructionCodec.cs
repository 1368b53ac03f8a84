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

    /// <summary>Reports what the file's Dockerfile frontend cannot run (a flag only a labs frontend knows).</summary>
    public abstract void CheckFrontend(BuilderProfile frontend, DockerfileValidator.Site site, Instruction instruction);

    /// <summary>The build state after the instruction (its effect on the image config and the ARGs in scope).</summary>
    public abstract BuildState Apply(BuildState state, Instruction instruction, BuildInputs inputs);

    /// <summary>The chained fluent call (the text after the dot) that appends the instruction.</summary>
    public abstract string Import(CSharpModel model, Instruction instruction);

    /// <summary>The instruction with every image it pulls by name replaced by <paramref name="image"/>'s result.</summary>
    public abstract Instruction RewriteImages(Instruction instruction, Func<ImageReference, ImageReference> image);

    /// <summary>The instruction this one defers to a child build (ONBUILD's trigger), or null.</summary>
    public abstract Instruction? Trigger(Instruction instruction);
}

/// <summary>A codec for <typeparamref name="T"/>: the typed members each instruction file implements.</summary>
internal abstract class InstructionCodec<T> : InstructionCodec where T : Instruction
{
    public sealed override Type InstructionType => typeof(T);

    protected abstract (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, T instruction);

    protected abstract void Check(DockerfileValidator.Scope scope, T instruction);

    protected virtual IReadOnlyList<string> HeredocsOf(T instruction) => [];

    protected virtual void RequireFrontend(BuilderProfile frontend, DockerfileValidator.Site site, T instruction) { }

    protected virtual BuildState ApplyTo(BuildState state, T instruction, BuildInputs inputs) => state;

    protected abstract string ToCSharp(CSharpModel model, T instruction);

    protected virtual T Rewrite(T instruction, Func<ImageReference, ImageReference> image) => instruction;

    protected virtual Instruction? TriggerOf(T instruction) => null;

    public sealed override (string Header, IReadOnlyList<string> Body) Emit(DockerfileSyntax syntax, Instruction instruction) => Write(syntax, (T)instruction);

    public sealed override void Validate(DockerfileValidator.Scope scope, Instruction instruction) => Check(scope, (T)instruction);

    public sealed override IReadOnlyList<string> Heredocs(Instruction instruction) => HeredocsOf((T)instruction);

    public sealed override void CheckFrontend(BuilderProfile frontend, DockerfileValidator.Site site, Instruction instruction) => RequireFrontend(frontend, site, (T)instruction);

    public sealed override BuildState Apply(BuildState state, Instruction instruction, BuildInputs inputs) => ApplyTo(state, (T)instruction, inputs);

    public sealed override string Import(CSharpModel model, Instruction instruction) => ToCSharp(model, (T)instruction);

    public sealed override Instruction RewriteImages(Instruction instruction, Func<ImageReference, ImageReference> image) => Rewrite((T)instruction, image);

    public sealed override Instruction? Trigger(Instruction instruction) => TriggerOf((T)instruction);

    /// <summary>One instruction, or null (kept raw).</summary>
    protected static IReadOnlyList<Instruction>? One(Instruction? instruction) => instruction is null ? null : [instruction];
}
