using System.Collections.Frozen;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// The codec of every instruction record, found once by reflection over this assembly: adding an instruction is
/// adding one codec file. Keyed by record type (emit, validate, apply, import, pin) and by BuildKit command (read).
/// </summary>
internal static class InstructionCodecs
{
    private static readonly IReadOnlyList<InstructionCodec> All = [.. typeof(InstructionCodec).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(InstructionCodec)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (InstructionCodec)Activator.CreateInstance(t, nonPublic: true)!)];

    private static readonly FrozenDictionary<Type, InstructionCodec> ByType = All.ToFrozenDictionary(c => c.InstructionType);

    private static readonly FrozenDictionary<string, InstructionCodec> ByCommand =
        All.SelectMany(c => c.Commands.Select(command => (command, c))).ToFrozenDictionary(x => x.command, x => x.c, StringComparer.Ordinal);

    /// <summary>The BuildKit commands (lower case) the codecs read; FROM is the reader's own.</summary>
    public static IEnumerable<string> Commands => ByCommand.Keys;

    /// <summary>The record types that have a codec.</summary>
    public static IEnumerable<Type> InstructionTypes => ByType.Keys;

    /// <summary>The codec of <paramref name="instruction"/>'s record.</summary>
    public static InstructionCodec For(Instruction instruction) =>
        ByType.TryGetValue(instruction.GetType(), out var codec) ? codec : throw new InvalidOperationException($"No codec for {instruction.GetType().Name}.");

    /// <summary>The codec reading BuildKit command <paramref name="command"/> (lower case), or null for FROM and unknown commands.</summary>
    public static InstructionCodec? ForCommand(string command) => ByCommand.GetValueOrDefault(command);

    /// <summary>The instructions of one node, typed; null when the model cannot say it (kept raw).</summary>
    public static IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context) =>
        ForCommand(node.Command) is { } codec ? codec.Read(node, file, context) : throw new InstructionSyntaxException($"unknown instruction: {node.Keyword}");

    public static (string Header, IReadOnlyList<string> Body) Emit(Emit.DockerfileSyntax syntax, Instruction instruction) => For(instruction).Emit(syntax, instruction);
}
