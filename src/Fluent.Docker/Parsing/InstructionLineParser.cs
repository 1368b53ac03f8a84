using System.Text;
using System.Text.Json;

namespace Fluent.Docker.Parsing;

/// <summary>
/// Turns one logical line into an <see cref="InstructionNode"/> the way BuildKit's newNodeFromLine does: split off
/// the keyword, peel leading <c>--flags</c>, then hand the rest to the keyword's line parser (split_command.go,
/// line_parsers.go). Unknown keywords are kept with no arguments; the model layer rejects them.
/// </summary>
internal static class InstructionLineParser
{
    private const string NotStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

    public static InstructionNode Parse(string line, char escape)
    {
        var (keyword, flags, rest) = SplitCommand(line);
        var command = keyword.ToLowerInvariant();
        var node = new InstructionNode { Keyword = keyword, Flags = flags, Original = line, Rest = rest };
        return command switch
        {
            "add" or "copy" or "volume" => WithArguments(node, MaybeJsonToList(rest)),
            "arg" => node with { Arguments = Words(rest, escape) },
            "cmd" or "entrypoint" or "run" or "shell" => WithArguments(node, MaybeJson(rest)),
            "env" or "label" => node with { Arguments = NameValue(rest, command.ToUpperInvariant(), escape) },
            "expose" or "from" => node with { Arguments = WhitespaceDelimited(rest) },
            "healthcheck" => WithArguments(node, HealthConfig(rest)),
            "maintainer" or "stopsignal" or "user" or "workdir" => node with { Arguments = rest.Length == 0 ? [] : [rest] },
            "onbuild" => node with { Trigger = rest.Length == 0 ? null : Parse(rest, escape) },
            _ => node with { Arguments = [""] }, // BuildKit's parseIgnore leaves one empty node
        };
    }

    private static InstructionNode WithArguments(InstructionNode node, (IReadOnlyList<string> Values, bool IsJson) parsed) =>
        node with { Arguments = parsed.Values, IsJson = parsed.IsJson };

    /// <summary>The keyword, the leading flags and the trimmed rest (BuildKit's splitCommand).</summary>
    internal static (string Keyword, IReadOnlyList<string> Flags, string Arguments) SplitCommand(string line)
    {
        var trimmed = GoText.TrimSpace(line);
        var end = 0;
        while (end < trimmed.Length && !GoText.IsWordSeparator(trimmed[end])) end++;
        if (end == trimmed.Length) return (trimmed, [], "");
        var start = end;
        while (start < trimmed.Length && GoText.IsWordSeparator(trimmed[start])) start++;
        var (rest, flags) = ExtractBuilderFlags(trimmed[start..]);
        return (trimmed[..end], flags, GoText.TrimSpace(rest));
    }

    /// <summary>
    /// Leading <c>--name[=value]</c> words (BuildKit's extractBuilderFlags). It works on bytes: quotes and backslash
    /// escapes are removed (backslash, whatever the file's escape token), a lone <c>--</c> ends the flags, and each
    /// byte becomes one character, so non-ASCII text in a flag reads as its UTF-8 bytes, exactly as BuildKit does.
    /// </summary>
    internal static (string Remainder, IReadOnlyList<string> Flags) ExtractBuilderFlags(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = (byte)0;
        var inQuote = false;
        var blankOk = false;
        for (var pos = 0; pos <= bytes.Length; pos++)
        {
            var ch = pos < bytes.Length ? bytes[pos] : (byte)0;
            if (!inWord && !inQuote)
            {
                if (pos == bytes.Length) break;
                if (GoText.IsSpace(ch)) continue;
                if (ch != '-' || pos + 1 == bytes.Length || bytes[pos + 1] != '-')
                    return (Encoding.UTF8.GetString(bytes, pos, bytes.Length - pos), words);
                inWord = true;
            }
            if (pos == bytes.Length)
            {
                if (word.ToString() != "--" && (blankOk || word.Length > 0)) words.Add(word.ToString());
                break;
            }
            if (inWord && !inQuote)
            {
                if (GoText.IsSpace(ch))
                {
                    inWord = false;
                    if (word.ToString() == "--") return (Encoding.UTF8.GetString(bytes, pos, bytes.Length - pos), words);
                    if (blankOk || word.Length > 0) words.Add(word.ToString());
                    word.Clear();
                    blankOk = false;
                    continue;
                }
                if (ch is (byte)'\'' or (byte)'"')
                {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                    continue;
                }
                if (ch == '\\')
                {
                    if (pos + 1 == bytes.Length) continue;
                    ch = bytes[++pos];
                }
                word.Append((char)ch);
                continue;
            }
            // In a quote.
            if (ch == quote)
            {
                inQuote = false;
                continue;
            }
            if (ch == '\\')
            {
                if (pos + 1 == bytes.Length)
                {
                    inQuote = false;
                    continue;
                }
                ch = bytes[++pos];
            }
            word.Append((char)ch);
        }
        return ("", words);
    }

    /// <summary>
    /// Words separated by blanks, quotes and escapes kept as written (BuildKit's parseWords, used by ENV, LABEL, ARG):
    /// blanks inside quotes or after the escape token do not separate.
    /// </summary>
    internal static IReadOnlyList<string> Words(string rest, char escape)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var inQuote = false;
        var quote = 0;
        var blankOk = false;
        for (var pos = 0; pos <= rest.Length;)
        {
            int ch = 0, width = 0;
            if (pos != rest.Length) (ch, width) = GoText.RuneAt(rest, pos);
            if (!inWord && !inQuote)
            {
                if (pos == rest.Length) break;
                if (GoText.IsSpace(ch))
                {
                    pos += width;
                    continue;
                }
                inWord = true;
            }
            if (pos == rest.Length)
            {
                if (blankOk || word.Length > 0) words.Add(word.ToString());
                break;
            }
            if (!inQuote)
            {
                if (GoText.IsSpace(ch))
                {
                    inWord = false;
                    if (blankOk || word.Length > 0) words.Add(word.ToString());
                    word.Clear();
                    blankOk = false;
                    pos += width;
                    continue;
                }
                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    inQuote = true;
                }
                if (ch == escape)
                {
                    if (pos + width == rest.Length)
                    {
                        pos += width;
                        continue; // an escape token at the end of the line is dropped
                    }
                    // Outside quotes the escape token and the next character are both kept, even a quote.
                    GoText.AppendRune(word, ch);
                    pos += width;
                    (ch, width) = GoText.RuneAt(rest, pos);
                }
                GoText.AppendRune(word, ch);
                pos += width;
                continue;
            }
            if (ch == quote) inQuote = false;
            if (ch == escape && quote != '\'')
            {
                if (pos + width == rest.Length)
                {
                    inQuote = false;
                    pos += width;
                    continue;
                }
                pos += width;
                GoText.AppendRune(word, ch);
                (ch, width) = GoText.RuneAt(rest, pos);
            }
            GoText.AppendRune(word, ch);
            pos += width;
        }
        return words;
    }

    /// <summary>
    /// ENV and LABEL (BuildKit's parseNameVal): the legacy <c>KEY value with spaces</c> form when the first word has
    /// no '=', giving <c>key, value, ""</c>; otherwise <c>key=value</c> words, each giving <c>key, value, "="</c>.
    /// </summary>
    private static IReadOnlyList<string> NameValue(string rest, string keyword, char escape)
    {
        var words = Words(rest, escape);
        if (words.Count == 0) return [];
        if (!words[0].Contains('=', StringComparison.Ordinal))
        {
            var parts = SplitWhitespace(rest, 2);
            if (parts.Count < 2) throw new InstructionSyntaxException($"{keyword} must have two arguments");
            return [parts[0], parts[1], ""];
        }
        var values = new List<string>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
                throw new InstructionSyntaxException($"Syntax error - can't find = in {GoText.Quote(word)}. Must be of the form: name=value");
            values.Add(word[..equals]);
            values.Add(word[(equals + 1)..]);
            values.Add("=");
        }
        return values;
    }

    private static IReadOnlyList<string> WhitespaceDelimited(string rest) => rest.Length == 0 ? [] : SplitWhitespace(rest, -1);

    /// <summary>Go's regexp <c>[\t\v\f\r ]+</c> Split with a count (-1: all).</summary>
    internal static IReadOnlyList<string> SplitWhitespace(string text, int count)
    {
        var parts = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length && (count < 0 || parts.Count < count - 1))
        {
            if (!GoText.IsWordSeparator(text[i]))
            {
                i++;
                continue;
            }
            var end = i;
            while (i < text.Length && GoText.IsWordSeparator(text[i])) i++;
            parts.Add(text[start..end]);
            start = i;
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>RUN, CMD, ENTRYPOINT, SHELL: a JSON string array (exec form), else the whole rest as one value.</summary>
    private static (IReadOnlyList<string>, bool) MaybeJson(string rest)
    {
        if (rest.Length == 0) return ([], false);
        return TryJson(rest) is { } json ? (json, true) : ([rest], false);
    }

    /// <summary>COPY, ADD, VOLUME: a JSON string array, else whitespace-separated words.</summary>
    private static (IReadOnlyList<string>, bool) MaybeJsonToList(string rest) =>
        TryJson(rest) is { } json ? (json, true) : (WhitespaceDelimited(rest), false);

    /// <summary>
    /// The strings of a JSON array, or null when the text is not a JSON array (BuildKit then falls back to the shell
    /// form). An array holding anything but strings is an error, not a fallback.
    /// </summary>
    internal static IReadOnlyList<string>? TryJson(string rest)
    {
        var text = GoText.TrimLeftSpace(rest);
        if (!text.StartsWith('[')) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 10000 });
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            var values = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String) throw new InstructionSyntaxException(NotStringArray);
                values.Add(JsonString(element));
            }
            return values;
        }
    }

    /// <summary>A JSON string; an escaped lone surrogate becomes U+FFFD as in Go.</summary>
    private static string JsonString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = element.GetRawText();
            var builder = new StringBuilder();
            for (var i = 1; i < raw.Length - 1; i++)
            {
                if (raw[i] != '\\') { builder.Append(raw[i]); continue; }
                var e = raw[++i];
                switch (e)
                {
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append((char)Convert.ToInt32(raw.Substring(i + 1, 4), 16));
                        i += 4;
                        break;
                    default: builder.Append(e); break;
                }
            }
            var text = builder.ToString();
            var fixedText = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { fixedText.Append(text, i++, 2); continue; }
                fixedText.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
            return fixedText.ToString();
        }
    }

    /// <summary>HEALTHCHECK: the type word (CMD, NONE…) then, for the rest, JSON or shell form.</summary>
    private static (IReadOnlyList<string>, bool) HealthConfig(string rest)
    {
        // BuildKit scans bytes here; a space byte ends the type word.
        var bytes = Encoding.UTF8.GetBytes(rest);
        var sep = 0;
        while (sep < bytes.Length && !GoText.IsSpace(bytes[sep])) sep++;
        var next = sep;
        while (next < bytes.Length && GoText.IsSpace(bytes[next])) next++;
        if (sep == 0) return ([], false);
        var type = Encoding.UTF8.GetString(bytes, 0, sep);
        var (command, isJson) = MaybeJson(Encoding.UTF8.GetString(bytes, next, bytes.Length - next));
        return ([type, .. command], isJson);
    }
}

/// <summary>An instruction line BuildKit's parser rejects; the parser adds the location.</summary>
internal sealed class InstructionSyntaxException(string message) : Exception(message);
