namespace Fluent.Docker;

/// <summary>One instruction of a stage. The set is closed: each Dockerfile keyword has one record.</summary>
public abstract record Instruction
{
    private protected Instruction() { }

    /// <summary>The Dockerfile keyword, e.g. <c>RUN</c>.</summary>
    public abstract string Keyword { get; }

    private readonly string? _comment;

    /// <summary>
    /// The comment written above the instruction (<c># …</c> lines; lines separated by a line feed, each trimmed, empty
    /// lines dropped), or null. Read from the comment lines BuildKit attaches to the instruction; set in C# with
    /// <see cref="Stage.Comment"/>.
    /// </summary>
    public string? Comment
    {
        get => _comment;
        init => _comment = CommentText.Normalize(value);
    }

    /// <summary>The text this instruction was read from, while it still says this instruction (see <see cref="SourceText"/>).</summary>
    internal Unequated<SourcePart> Source { get; init; }
}

public sealed record RunInstruction(CommandLine Command, ValueList<RunOption> Options) : Instruction
{
    public override string Keyword => "RUN";
}

public sealed record CmdInstruction(CommandLine Command) : Instruction
{
    public override string Keyword => "CMD";
}

public sealed record EntrypointInstruction(CommandLine Command) : Instruction
{
    public override string Keyword => "ENTRYPOINT";
}

public sealed record ShellInstruction(ValueList<string> Shell) : Instruction
{
    public override string Keyword => "SHELL";
}

public sealed record HealthcheckInstruction(Healthcheck Healthcheck) : Instruction
{
    public override string Keyword => "HEALTHCHECK";
}

public sealed record CopyInstruction(ValueList<SourcePath> Sources, ContainerPath Destination, ArtifactSource? From, CopyOptions Options) : Instruction
{
    public override string Keyword => "COPY";
}

/// <summary>COPY of inline content (a heredoc file): <c>COPY &lt;&lt;EOF /etc/app.conf</c>.</summary>
public sealed record CopyContentInstruction(ContainerPath Destination, string Content, CopyOptions Options) : Instruction
{
    public override string Keyword => "COPY";

    private readonly string _content = HeredocText.Normalize(Content);

    /// <summary>The file's content; non-empty content always ends with a line break (a heredoc cannot say otherwise).</summary>
    public string Content
    {
        get => _content;
        init => _content = HeredocText.Normalize(value);
    }

    private readonly bool _expand;

    /// <summary>
    /// False (the default): the content is written as is. True: BuildKit expands <c>$NAME</c>/<c>${NAME}</c> in it
    /// with the stage's ARG and ENV values, and a backslash escapes the next character (an unquoted heredoc delimiter).
    /// Kept only when the content has a <c>$</c> or a backslash: without them expansion changes nothing.
    /// </summary>
    public bool Expand
    {
        get => _expand;
        init => _expand = value && Content.AsSpan().IndexOfAny('$', '\\') >= 0;
    }
}

public sealed record AddInstruction(ValueList<AddSource> Sources, ContainerPath Destination, CopyOptions Options, bool? Unpack) : Instruction
{
    public override string Keyword => "ADD";
}

public sealed record WorkdirInstruction(AbsolutePath Path) : Instruction
{
    public override string Keyword => "WORKDIR";
}

public sealed record EnvVariable(string Name, Expandable Value);

public sealed record EnvInstruction(ValueList<EnvVariable> Variables) : Instruction
{
    public override string Keyword => "ENV";
}

public sealed record ArgInstruction(BuildArg Arg) : Instruction
{
    public override string Keyword => "ARG";
}

public sealed record Label(LabelKey Key, Expandable Value);

public sealed record LabelInstruction(ValueList<Label> Labels) : Instruction
{
    public override string Keyword => "LABEL";
}

public sealed record ExposeInstruction(ValueList<Port> Ports) : Instruction
{
    public override string Keyword => "EXPOSE";
}

public sealed record UserInstruction(UserSpec User) : Instruction
{
    public override string Keyword => "USER";
}

public sealed record VolumeInstruction(ValueList<AbsolutePath> Paths) : Instruction
{
    public override string Keyword => "VOLUME";
}

public sealed record StopSignalInstruction(Signal Signal) : Instruction
{
    public override string Keyword => "STOPSIGNAL";
}

/// <summary>
/// MAINTAINER (deprecated in BuildKit, which still runs it): sets the image's <c>Author</c> field to <see cref="Maintainer"/>,
/// taken literally (never expanded). It exists so that a Dockerfile read and written again means the same; for a new
/// image use the OCI label <c>.Label(OciLabels.Authors, …)</c>, which the lint recommends (FD0104).
/// </summary>
public sealed record MaintainerInstruction(string Maintainer) : Instruction
{
    public override string Keyword => "MAINTAINER";
}

/// <summary>
/// An instruction kept exactly as written, for what the typed model cannot carry (e.g. <c>ADD --keep-git-dir=true
/// "https://…/x.git#$VERSION" .</c>, a RUN with several heredocs, a mount without a target). <see cref="Line"/> is the
/// logical line BuildKit read (continuations joined); heredoc bodies follow it. Emitted verbatim, never validated
/// beyond being one line: BuildKit gives it the meaning it had in the file it came from. Being text, it is invisible to
/// <see cref="ImageConfigProjection"/>.
/// </summary>
public sealed record RawInstruction(string Line) : Instruction
{
    public override string Keyword
    {
        get
        {
            var text = Line.TrimStart();
            var end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            return text[..end].ToUpperInvariant();
        }
    }

    /// <summary>The heredoc bodies the line opens, in order.</summary>
    public ValueList<RawHeredoc> Heredocs { get; init; } = ValueList<RawHeredoc>.Empty;
}

/// <summary>A heredoc body of a <see cref="RawInstruction"/>: its delimiter and its lines as read (line endings included).</summary>
public sealed record RawHeredoc(string Delimiter, string Content);

/// <summary>
/// ONBUILD: an instruction to run when this image is used as a base. FROM, MAINTAINER and ONBUILD are not allowed as
/// triggers. The image stores the trigger as text, which a child build parses again.
/// </summary>
public sealed record OnBuildInstruction(Instruction Trigger) : Instruction
{
    public override string Keyword => "ONBUILD";

    /// <summary>
    /// The trigger's text as a Dockerfile wrote it (after <c>ONBUILD</c>, e.g. <c>ENV A b</c>): emitted verbatim and
    /// stored so in the image, with <see cref="Trigger"/> the instruction it says (what the lint sees). Null when the
    /// text is written from <see cref="Trigger"/>: a trigger built in C#, or one read in the form the emitter writes.
    /// </summary>
    public string? Text { get; init; }
}
