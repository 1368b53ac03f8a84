using System.Globalization;
using System.Text;

namespace Fluent.Docker.Parsing;

/// <summary>
/// Go's text primitives as BuildKit uses them (unicode.IsSpace, strings.TrimSpace, strconv.Quote), so the reader
/// splits, trims and prints exactly where BuildKit does. Works on Unicode scalar values ("runes").
/// </summary>
internal static class GoText
{
    /// <summary>Go's unicode.IsSpace: ASCII blanks, U+0085, U+00A0 and the Unicode White_Space characters.</summary>
    public static bool IsSpace(int rune) => rune switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => false,
    };

    public static bool IsLetter(int rune) => Rune.IsValid(rune) && Rune.IsLetter(new Rune(rune));

    public static bool IsDigit(int rune) => Rune.IsValid(rune) && Rune.IsDigit(new Rune(rune));

    /// <summary>The rune at <paramref name="index"/> and its length in UTF-16 units; an unpaired surrogate reads as U+FFFD.</summary>
    public static (int Rune, int Width) RuneAt(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            return (char.ConvertToUtf32(c, text[index + 1]), 2);
        return (char.IsSurrogate(c) ? 0xFFFD : c, 1);
    }

    public static void AppendRune(StringBuilder builder, int rune)
    {
        if (rune < 0x10000) builder.Append((char)rune);
        else builder.Append(char.ConvertFromUtf32(rune));
    }

    public static string TrimSpace(string text) => TrimRightSpace(TrimLeftSpace(text));

    /// <summary>Go's TrimSpace, but keeping CR and LF (a value holding them cannot be written on one line anyway).</summary>
    public static string TrimBlanks(string text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsSpace(text[start]) && text[start] is not ('\r' or '\n')) start++;
        while (end > start && IsSpace(text[end - 1]) && text[end - 1] is not ('\r' or '\n')) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    public static string TrimLeftSpace(string text)
    {
        var start = 0;
        while (start < text.Length && IsSpace(text[start])) start++;
        return start == 0 ? text : text[start..];
    }

    public static string TrimRightSpace(string text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1])) end--;
        return end == text.Length ? text : text[..end];
    }

    /// <summary>Go's regexp <c>[\t\v\f\r ]</c>, BuildKit's whitespace between instruction words.</summary>
    public static bool IsWordSeparator(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ';

    /// <summary>Go's strconv.Quote: a double-quoted literal with Go escapes for non-printable runes.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length;)
        {
            var (rune, width) = RuneAt(text, i);
            i += width;
            switch (rune)
            {
                case '"': quoted.Append("\\\""); continue;
                case '\\': quoted.Append("\\\\"); continue;
            }
            if (IsPrint(rune))
            {
                AppendRune(quoted, rune);
                continue;
            }
            switch (rune)
            {
                case '\a': quoted.Append("\\a"); break;
                case '\b': quoted.Append("\\b"); break;
                case '\f': quoted.Append("\\f"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\v': quoted.Append("\\v"); break;
                default:
                    if (rune < ' ' || rune == 0x7F) quoted.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
                    else if (rune < 0x10000) quoted.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
                    else quoted.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Go's %q of a string slice: <c>["a" "b"]</c>.</summary>
    public static string QuoteList(IEnumerable<string> items) => "[" + string.Join(" ", items.Select(Quote)) + "]";

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(int rune)
    {
        if (rune == ' ') return true;
        if (!Rune.IsValid(rune)) return false;
        return Rune.GetUnicodeCategory(new Rune(rune)) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }
}
