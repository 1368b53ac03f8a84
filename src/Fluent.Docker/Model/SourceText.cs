using Fluent.Docker.Parsing;

namespace Fluent.Docker;

/// <summary>
/// A value a model record carries that takes no part in the record's equality (every two are equal): the text a
/// parsed part was read from is how it was written, not what it says, so a parsed model still equals the same model
/// built in C#. A <c>with</c> copy carries it along; whoever uses it checks it still applies (<see cref="SourceText"/>).
/// </summary>
internal readonly struct Unequated<T>(T? value) : IEquatable<Unequated<T>>
    where T : class
{
    public T? Value { get; } = value;

    public bool Equals(Unequated<T> other) => true;
    public override bool Equals(object? obj) => obj is Unequated<T>;
    public override int GetHashCode() => 0;

    public static implicit operator Unequated<T>(T? value) => new(value);
}

/// <summary>
/// The text of one parsed node (a FROM, a global ARG line or a stage instruction line), kept so that emitting an
/// unchanged model writes the file back byte for byte. <see cref="Leading"/> is the blank and comment lines between the
/// previous node and this one; <see cref="Own"/> the node's lines (continuations and heredoc bodies included).
/// <para>
/// It applies only while the model parts read from the node are unchanged: <see cref="Values"/> holds them as read (one
/// node may give several, e.g. <c>ARG A B</c>), and the emitter compares the current parts with them. A part that
/// differs is rendered fresh; when its comment is unchanged, <see cref="Leading"/> is still written before it.
/// </para>
/// </summary>
internal sealed class SourceText(string leading, string own, char escape, string? comment, IReadOnlyList<object> values)
{
    public string Leading { get; } = leading;
    public string Own { get; } = own;

    /// <summary>The escape character of the file the text comes from: the text is only valid in a file with the same one.</summary>
    public char Escape { get; } = escape;

    /// <summary>The comment BuildKit attaches to the node, as read (<see cref="InstructionNode.Comments"/>).</summary>
    public string? Comment { get; } = comment;

    /// <summary>The model parts read from the node, in order, as they were read.</summary>
    public IReadOnlyList<object> Values { get; } = values;

    internal static SourceText Of(DockerfileSyntaxTree tree, InstructionNode node, IReadOnlyList<object> values) =>
        new(node.LeadingText(tree), node.OwnText(tree), tree.EscapeToken, node.Comment, values);
}

/// <summary>Part <see cref="Index"/> of the model parts read from <see cref="Text"/>.</summary>
internal sealed record SourcePart(SourceText Text, int Index);

/// <summary>
/// The text of a parsed file that belongs to no node: the byte-order mark and parser directive lines (valid while the
/// directives the model holds are the ones read), and what follows the last instruction.
/// </summary>
internal sealed record FileSourceText(string Header, BuilderProfile Frontend, EscapeToken Escape, CheckDirective? Checks, string Trailer);

/// <summary>
/// How a comment above an instruction, stage or global ARG is held: one string, lines separated by a line feed, each
/// line trimmed as BuildKit trims it, empty lines dropped (a bare <c>#</c> line ends a comment for BuildKit).
/// </summary>
internal static class CommentText
{
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r')
            .Select(GoText.TrimSpace).Where(line => line.Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>The <c># …</c> lines of a comment, each with its line feed.</summary>
    public static string Lines(string? comment) =>
        comment is null ? "" : string.Concat(comment.Split('\n').Select(line => "# " + line + "\n"));
}
