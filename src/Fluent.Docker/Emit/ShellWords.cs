using System.Text;

namespace Fluent.Docker.Emit;

/// <summary>
/// The top-level words of a shell-form command (POSIX sh), as far as the emitter needs them to lay a command out:
/// blanks outside quotes, <c>$(…)</c>, <c>(…)</c>, <c>${…}</c> and backquotes separate words, and only there may a
/// run of blanks become one space or a line break without changing what the shell runs. Anything the scanner does
/// not fully understand (unbalanced quotes or brackets, a trailing escape, a heredoc, a <c>#</c> comment, a line break)
/// gives null: such a command is written exactly as it is.
/// </summary>
internal static class ShellWords
{
    /// <summary>The words that join top-level commands: a line may break before them.</summary>
    public static bool IsOperator(string word) => word is "&&" or "||" or "|" or ";";

    /// <summary>
    /// The word ends a command with <c>;</c> (<c>;</c> alone, or <c>update;</c> as <c>set -eux; apt-get update; …</c>
    /// chains write it): a line may break after it. Not an escaped <c>\;</c> (find -exec) nor a case's <c>;;</c>.
    /// </summary>
    public static bool EndsCommand(string word) =>
        word.EndsWith(';') && !word.EndsWith(";;", StringComparison.Ordinal) && !word.EndsWith("\\;", StringComparison.Ordinal);

    /// <summary>The top-level words of <paramref name="command"/>, each as written; null when it is not safely understood.</summary>
    public static IReadOnlyList<string>? Split(string command)
    {
        if (command.Contains('\n', StringComparison.Ordinal) || command.Contains('\r', StringComparison.Ordinal)) return null;
        var words = new List<string>();
        var word = new StringBuilder();
        // Open constructs, innermost last: '\'' single quotes, '"' double quotes, '(' $( or (, '{' ${, '`' backquotes.
        var open = new Stack<char>();
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            var top = open.Count > 0 ? open.Peek() : '\0';
            if (top == '\'')
            {
                word.Append(c);
                if (c == '\'') open.Pop();
                continue;
            }
            if (c == '\\')
            {
                if (i + 1 == command.Length) return null;
                word.Append(c).Append(command[++i]);
                continue;
            }
            if (top == '\0' && IsBlank(c))
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
                continue;
            }
            if (top == '\0' && c == '#' && word.Length == 0) return null; // a comment: the rest of the line is not a command
            if (top != '"' && c == '<' && i + 1 < command.Length && command[i + 1] == '<') return null; // heredoc or here-string
            word.Append(c);
            switch (c)
            {
                case '\'' when top != '"':
                    open.Push('\'');
                    break;
                case '"' when top == '"':
                    open.Pop();
                    break;
                case '"':
                    open.Push('"');
                    break;
                case '`' when top == '`':
                    open.Pop();
                    break;
                case '`':
                    open.Push('`');
                    break;
                case '$' when i + 1 < command.Length && command[i + 1] is '(' or '{':
                    word.Append(command[++i]);
                    open.Push(command[i] == '(' ? '(' : '{');
                    break;
                case '(' when top != '"':
                    open.Push('(');
                    break;
                case ')' when top != '"':
                    if (top != '(') return null;
                    open.Pop();
                    break;
                case '}' when top == '{':
                    open.Pop();
                    break;
            }
        }
        if (open.Count > 0) return null;
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>
    /// The command with every top-level run of blanks made one space and none at the ends: the same command for the
    /// shell. Unchanged when the command is not safely understood (<see cref="Split"/>).
    /// </summary>
    public static string Collapse(string command) => Split(command) is { } words ? string.Join(" ", words) : command;

    /// <summary>True when two shell-form commands are the same words (layout-insensitive: blanks between words do not count).</summary>
    public static bool SameCommand(string a, string b) => string.Equals(Collapse(a), Collapse(b), StringComparison.Ordinal);

    /// <summary>
    /// The model with every shell-form command collapsed (<see cref="Collapse"/>): two models that are equal after this
    /// say the same thing, however their commands were laid out. The comparison for a model and the parse of its
    /// wrapped text (BuildKit keeps a continuation line's indentation inside the command).
    /// </summary>
    public static Dockerfile LayoutInsensitive(Dockerfile file) =>
        file.WithStagesRewritten(stage => stage.Rewritten(stage.Base, ValueList.From(stage.Instructions.Select(LayoutInsensitive))));

    /// <summary>The instruction with its shell-form command collapsed (comment and source text kept).</summary>
    public static Instruction LayoutInsensitive(Instruction instruction) =>
        Codecs.InstructionCodecs.For(instruction).WithShellCommand(instruction, Collapse);

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
