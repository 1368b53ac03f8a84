namespace Fluent.Docker.Emit;

/// <summary>
/// What an instruction's line is made of, as far as <see cref="LineLayout"/> may break it over continuation lines: each
/// codec says it for its instruction (<see cref="Codecs.InstructionCodec.Shape"/>).
/// </summary>
internal abstract record LineShape
{
    /// <summary>One line as rendered: a slot read as one string (WORKDIR, USER), or too short to matter.</summary>
    public static LineShape Single { get; } = new OneLine();

    /// <summary>Text kept as written (raw lines, ONBUILD triggers): the canonical form keeps an unchanged one's lines as read.</summary>
    public static LineShape Verbatim { get; } = new AsWritten();

    public sealed record OneLine : LineShape;

    public sealed record AsWritten : LineShape;

    /// <summary>Flags then a command (RUN, CMD, ENTRYPOINT).</summary>
    public sealed record Command(CommandLine Value) : LineShape;

    /// <summary>HEALTHCHECK: flags, then <c>CMD</c> and the probe (null: <c>NONE</c>).</summary>
    public sealed record Probe(CommandLine? Test) : LineShape;

    /// <summary>Flags then blank-separated items (ENV/LABEL pairs, COPY/ADD paths, EXPOSE ports), one per line or as many as fit.</summary>
    public sealed record Items(bool OnePerLine) : LineShape;
}
