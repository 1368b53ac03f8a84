using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Emit;

/// <summary>
/// How values are written so that BuildKit reads back exactly the intended text. Facts from BuildKit's parser
/// and shell lexer: inside double quotes only <c>"</c>, <c>$</c> and the escape token are escapable; outside
/// quotes the escape token makes any next character literal; exec forms are JSON, and invalid JSON silently
/// falls back to shell form; any leading <c>--word</c> is taken as a flag.
/// </summary>
internal sealed partial class DockerfileSyntax(EscapeToken escape)
{
    public char EscapeChar { get; } = escape == EscapeToken.Backtick ? '`' : '\\';

    private static readonly JsonSerializerOptions Json = new()
    {
        // Keep non-ASCII readable; the encoder still escapes quotes, backslashes and control characters.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A JSON string array, e.g. an exec form: <c>["/app","--port","8080"]</c>, with a space after commas.</summary>
    public static string JsonArray(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => JsonSerializer.Serialize(i, Json))) + "]";

    /// <summary>True when a literal can stand bare in an expanded slot (nothing the parser or lexer would change).</summary>
    public static bool IsBare(string literal) =>
        literal.Length > 0 && literal[0] != '-' && literal.All(IsBareChar);

    private static bool IsBareChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or ':' or '@' or '%' or '+' or ',' or '-';

    /// <summary>
    /// One whole value in a slot the lexer processes as a single word (ENV/LABEL/ARG values, WORKDIR, USER):
    /// bare when safe, otherwise double-quoted with <c>"</c>, <c>$</c> and the escape token escaped.
    /// Variables render as <c>${NAME}</c>; raw expressions as written (the validator keeps out those that would
    /// break the quoting: see <see cref="CanWriteRaw"/>).
    /// </summary>
    public string Word(Expandable value)
    {
        if (value.LiteralText is { } literal && IsBare(literal)) return literal;
        if (value.Parts.Count > 0 && value.Parts.All(p => p.IsVariable || (p.IsRaw ? IsBareRaw(p.Text) : IsBareRun(p.Text)))
            && (!value.Parts[0].IsLiteral || value.Parts[0].Text[0] != '-'))
            return Render(value, EscapeLiteralBare);
        return "\"" + Render(value, EscapeInDoubleQuotes) + "\"";
    }

    private static bool IsBareRun(string text) => text.Length > 0 && text.All(IsBareChar);

    /// <summary>
    /// A raw expression stands bare when BuildKit's word splitter keeps it whole: no blanks or quotes, or its
    /// blanks are inside balanced quotes (<c>${X:+"a b"}</c>, which BuildKit reads as one word).
    /// </summary>
    private static bool IsBareRaw(string expression) =>
        !expression.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') || KeptWhole(expression);

    /// <summary>BuildKit's parseWords (ENV, LABEL, ARG) reads the expression as exactly itself, one word, with either escape token.</summary>
    private static bool KeptWhole(string expression) =>
        Parsing.InstructionLineParser.Words(expression, '\\') is [var backslash] && backslash == expression
        && Parsing.InstructionLineParser.Words(expression, '`') is [var backtick] && backtick == expression;

    /// <summary>
    /// True when a raw expression can be written in any one-word slot: inside double quotes (when it has no
    /// <c>"</c>, which would end the quoting early), or bare without blanks (slots split on blanks whatever the quotes).
    /// </summary>
    public static bool CanWriteRaw(string expression) =>
        !expression.Contains('"', StringComparison.Ordinal) || (KeptWhole(expression) && !expression.Any(char.IsWhiteSpace));

    /// <summary>
    /// True when a raw expression can be written as a word of ENV, LABEL or ARG, which BuildKit splits with
    /// parseWords: there blanks inside quotes do not split, so <c>ARG X=${X:+"a b"}</c> stands bare.
    /// </summary>
    internal static bool CanWriteRawWord(string expression) => CanWriteRaw(expression) || KeptWhole(expression);

    /// <summary>
    /// A value in a whitespace-split list the lexer expands word by word (COPY/ADD paths, VOLUME):
    /// every special character is escaped with the escape token, which works outside quotes for any character.
    /// </summary>
    public string EscapedWord(Expandable value)
    {
        var word = Render(value, EscapeLiteralBare);
        // Go's text/scanner skips a byte-order mark at the start of a word: escape it to keep it.
        return word.StartsWith('\uFEFF') ? EscapeChar + word : word;
    }

    /// <summary>
    /// A flag value BuildKit expands (<c>--chown=…</c>, <c>--mount=…,target=…</c>). BuildKit's flag parser first
    /// removes one level of backslash escapes and quotes (always backslash, whatever the escape token), and only
    /// then does the lexer expand the value; so the lexer-escaped word is escaped once more for the flag parser
    /// (a literal <c>$</c> becomes <c>\\$</c> with the backslash token: the flag parser reads <c>\\</c> as <c>\</c>).
    /// </summary>
    public string FlagWord(Expandable value) => FlagEscape(EscapedWord(value));

    /// <summary>A flag value BuildKit does not expand (<c>--exclude=…</c>): only the flag parser's escaping.</summary>
    public static string FlagLiteral(string value) => FlagEscape(value);

    private static string FlagEscape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '"' or '\'') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Render(Expandable value, Func<string, string> escapeLiteral)
    {
        var text = new StringBuilder();
        foreach (var part in value.Parts)
            text.Append(part.IsVariable ? "${" + part.Text + "}" : part.IsRaw ? part.Text : escapeLiteral(part.Text));
        return text.ToString();
    }

    private string EscapeInDoubleQuotes(string literal)
    {
        var text = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (c == '"' || c == '$' || c == EscapeChar) text.Append(EscapeChar);
            text.Append(c);
        }
        return text.ToString();
    }

    private string EscapeLiteralBare(string literal)
    {
        var text = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            // '<' too: a word starting with [digits]<< would be read as a heredoc marker in COPY/ADD.
            if (c is '"' or '\'' or '$' or '<' || c == EscapeChar) text.Append(EscapeChar);
            text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>
    /// True when a RUN/COPY/ADD line would open a heredoc (<c>&lt;&lt;EOF</c>, <c>2&lt;&lt;-"X"</c>): BuildKit would read
    /// the following lines as its body. Uses the parser's own detection, so the answer is BuildKit's.
    /// </summary>
    public static bool ContainsHeredocMarker(string line)
    {
        if (!line.Contains("<<", StringComparison.Ordinal)) return false;
        try
        {
            return Parsing.DockerfileSyntaxParser.HeredocsFromLine(line).Count > 0;
        }
        catch (Parsing.DockerfileParseException)
        {
            return true; // a malformed marker (unbalanced quotes) is an error in BuildKit: never emit one
        }
    }

    /// <summary>
    /// True when text is a JSON array: BuildKit would take it as the exec form (strings) or reject it (anything else),
    /// never as a shell command.
    /// </summary>
    public static bool ParsesAsJsonArray(string text)
    {
        try
        {
            return Parsing.InstructionLineParser.TryJson(text) is not null;
        }
        catch (Parsing.InstructionSyntaxException)
        {
            return true; // an array of non-strings: BuildKit rejects the line
        }
    }

    /// <summary>Go time.Duration text BuildKit parses: <c>30s</c>, <c>1m30s</c>, <c>1h0m0.5s</c>, <c>500ms</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "0s";
        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0) text.Append(hours).Append('h');
        if (hours > 0 || duration.Minutes > 0) text.Append(duration.Minutes).Append('m');
        var ticks = duration.Ticks % TimeSpan.TicksPerMinute;
        if (hours == 0 && duration.Minutes == 0 && ticks < TimeSpan.TicksPerSecond)
        {
            // Below a second Go writes ms/µs/ns; ticks are 100 ns.
            if (ticks % TimeSpan.TicksPerMillisecond == 0) return text.Append(ticks / TimeSpan.TicksPerMillisecond).Append("ms").ToString();
            if (ticks % 10 == 0) return text.Append(ticks / 10).Append("us").ToString();
            return text.Append(ticks * 100).Append("ns").ToString();
        }
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var fraction = ticks % TimeSpan.TicksPerSecond;
        text.Append(seconds);
        if (fraction != 0) text.Append('.').Append(fraction.ToString("D7", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0'));
        return text.Append('s').ToString();
    }
}
