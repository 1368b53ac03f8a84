using System.Globalization;
using System.Text;

namespace Fluent.Docker.Import;

/// <summary>
/// C# source text for values: string literals that reproduce any string exactly (escapes for control and format
/// characters, line separators and unpaired surrogates), raw literals for multi-line text, interpolated strings
/// for <see cref="Expandable"/> values, and identifiers.
/// </summary>
internal static class CSharpText
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal",
        "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
        "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
        "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte",
        "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while", "var", "dynamic", "await",
        "async", "nameof", "when", "record", "value", "file", "scoped", "required", "global", "args",
    ];

    /// <summary>A regular string literal: <c>"…"</c>.</summary>
    public static string String(string text) => "\"" + Escape(text, interpolated: false) + "\"";

    /// <summary>
    /// Multi-line text as a raw string literal (<c>"""</c> lines) indented by <paramref name="indent"/>, when it can be
    /// one (no carriage returns, control characters or unpaired surrogates); otherwise a regular literal.
    /// </summary>
    public static string Text(string text, string indent)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || !CanBeRaw(text)) return String(text);
        var quotes = new string('"', Math.Max(3, LongestQuoteRun(text) + 1));
        var result = new StringBuilder(quotes).Append('\n');
        // The line break before the closing quotes is not part of the value: a trailing newline needs an empty line.
        foreach (var line in text.Split('\n'))
            result.Append(line.Length == 0 ? "" : indent).Append(line).Append('\n');
        return result.Append(indent).Append(quotes).ToString();
    }

    private static bool CanBeRaw(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (c != '\n' && c != '\t' && NeedsEscape(c)) return false;
        }
        return true;
    }

    private static int LongestQuoteRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>
    /// An <see cref="Expandable"/>: a plain literal when it has no references, else <c>$"…{arg}…"</c> with
    /// <paramref name="reference"/> naming each variable (a BuildArg local, or <c>Expandable.Variable("NAME")</c>).
    /// <paramref name="cast"/> adds <c>(Expandable)</c>, needed where the parameter is not itself an interpolation handler.
    /// </summary>
    public static string Value(Expandable value, Func<string, string> reference, bool cast = false)
    {
        if (value.LiteralText is { } literal) return String(literal);
        var text = new StringBuilder(cast ? "(Expandable)$\"" : "$\"");
        foreach (var part in value.Parts)
        {
            if (part.IsVariable) text.Append('{').Append(reference(part.Text)).Append('}');
            else if (part.IsRaw) text.Append("{Expandable.Raw(").Append(String(part.Text)).Append(")}");
            else text.Append(Escape(part.Text, interpolated: true));
        }
        return text.Append('"').ToString();
    }

    private static string Escape(string text, bool interpolated)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '"': escaped.Append("\\\""); continue;
                case '\\': escaped.Append("\\\\"); continue;
                case '\n': escaped.Append("\\n"); continue;
                case '\r': escaped.Append("\\r"); continue;
                case '\t': escaped.Append("\\t"); continue;
                case '\0': escaped.Append("\\0"); continue;
                case '{' when interpolated: escaped.Append("{{"); continue;
                case '}' when interpolated: escaped.Append("}}"); continue;
            }
            if (NeedsEscape(c)) escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Control and format characters, C#'s line terminators and unpaired surrogates are written as \uXXXX.</summary>
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;

    /// <summary>A camelCase C# identifier for a Dockerfile name (<c>gobuild-base</c> → <c>gobuildBase</c>), unique in <paramref name="used"/>.</summary>
    public static string Identifier(string name, string fallback, string keywordSuffix, ISet<string> used)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c)) word.Append(c);
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        var identifier = words.Count == 0 ? fallback : string.Concat(words.Select((w, i) =>
            i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
        if (char.IsAsciiDigit(identifier[0])) identifier = fallback + identifier;
        if (Keywords.Contains(identifier)) identifier += keywordSuffix;
        var unique = identifier;
        for (var n = 2; !used.Add(unique); n++) unique = identifier + n.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    /// <summary>A comment's text made safe for a <c>//</c> line.</summary>
    public static string Comment(string text) =>
        new(text.Select(c => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c) ? ' ' : c).ToArray());
}
