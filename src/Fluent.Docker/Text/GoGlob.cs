using System.Text;

namespace Fluent.Docker.Text;

/// <summary>
/// Go's <c>path.Match</c> (= <c>filepath.Match</c> with '/' separators): <c>*</c> and <c>?</c> never cross '/',
/// <c>[a-z]</c>/<c>[^…]</c> classes, <c>\</c> escapes. Worked on UTF-8 bytes like Go, so results agree byte for byte.
/// The whole pattern is checked even after a mismatch: a malformed pattern always fails.
/// </summary>
internal static class GoGlob
{
    /// <summary>Whether <paramref name="name"/> matches; throws <see cref="GoGlobException"/> for a malformed pattern.</summary>
    public static bool Match(string pattern, string name) =>
        Match(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(name));

    /// <summary>Null when <paramref name="pattern"/> is well-formed, else why not.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            Match(pattern, ".");
            return null;
        }
        catch (GoGlobException e)
        {
            return e.Message;
        }
    }

    private static bool Match(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> name)
    {
        while (pattern.Length > 0)
        {
            var star = ScanChunk(ref pattern, out var chunk);
            if (star && chunk.Length == 0) return name.IndexOf((byte)'/') < 0; // a trailing * takes the rest unless it holds a '/'

            var matched = MatchChunk(chunk, name, out var used);
            if (matched && (used == name.Length || pattern.Length > 0))
            {
                name = name[used..];
                continue;
            }

            if (star)
            {
                var advanced = false;
                // The star takes one more byte each round, never a '/'.
                for (var i = 0; i < name.Length && name[i] != '/'; i++)
                {
                    var rest = name[(i + 1)..];
                    if (MatchChunk(chunk, rest, out used))
                    {
                        if (pattern.Length == 0 && used < rest.Length) continue; // the last chunk must use up the name
                        name = rest[used..];
                        advanced = true;
                        break;
                    }
                }
                if (advanced) continue;
            }

            // No match: still reject a malformed remainder, as Go does.
            while (pattern.Length > 0)
            {
                ScanChunk(ref pattern, out chunk);
                MatchChunk(chunk, [], out _);
            }
            return false;
        }
        return name.Length == 0;
    }

    /// <summary>Splits off leading stars and the chunk up to the next star outside a class; true when there were stars.</summary>
    private static bool ScanChunk(ref ReadOnlySpan<byte> pattern, out ReadOnlySpan<byte> chunk)
    {
        var star = false;
        while (pattern.Length > 0 && pattern[0] == '*')
        {
            pattern = pattern[1..];
            star = true;
        }
        var inRange = false;
        var i = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 < pattern.Length) i++; // a dangling '\' is reported by MatchChunk
            }
            else if (c == '[') inRange = true;
            else if (c == ']') inRange = false;
            else if (c == '*' && !inRange) break;
        }
        chunk = pattern[..i];
        pattern = pattern[i..];
        return star;
    }

    /// <summary>
    /// Matches the chunk at the start of <paramref name="text"/>, telling how many bytes it used; keeps parsing after a
    /// mismatch to find pattern errors.
    /// </summary>
    private static bool MatchChunk(ReadOnlySpan<byte> chunk, ReadOnlySpan<byte> text, out int used)
    {
        var length = text.Length;
        var failed = false;
        while (chunk.Length > 0)
        {
            if (!failed && text.Length == 0) failed = true;
            switch (chunk[0])
            {
                case (byte)'[':
                {
                    var rune = 0;
                    if (!failed)
                    {
                        rune = DecodeRune(text, out var width);
                        text = text[width..];
                    }
                    chunk = chunk[1..];
                    var negated = chunk.Length > 0 && chunk[0] == '^';
                    if (negated) chunk = chunk[1..];
                    var inClass = false;
                    var ranges = 0;
                    while (true)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }
                        var low = ClassChar(ref chunk);
                        var high = low;
                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            high = ClassChar(ref chunk);
                        }
                        if (low <= rune && rune <= high) inClass = true;
                        ranges++;
                    }
                    if (inClass == negated) failed = true;
                    break;
                }
                case (byte)'?':
                    if (!failed)
                    {
                        if (text[0] == '/') failed = true;
                        DecodeRune(text, out var width);
                        text = text[width..];
                    }
                    chunk = chunk[1..];
                    break;
                case (byte)'\\':
                    chunk = chunk[1..];
                    if (chunk.Length == 0) throw new GoGlobException("the pattern ends with an unfinished '\\' escape");
                    goto default;
                default:
                    if (!failed)
                    {
                        if (chunk[0] != text[0]) failed = true;
                        text = text[1..];
                    }
                    chunk = chunk[1..];
                    break;
            }
        }
        used = failed ? 0 : length - text.Length;
        return !failed;
    }

    /// <summary>One end of a class range, unescaped; Go rejects an empty end, a bare '-' or ']', and a class left open.</summary>
    private static int ClassChar(ref ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length == 0 || chunk[0] == '-' || chunk[0] == ']')
            throw new GoGlobException(chunk.Length == 0 ? "a '[' class is not closed with ']'" : $"'{(char)chunk[0]}' cannot start a range in a '[' class (escape it as '\\{(char)chunk[0]}')");
        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0) throw new GoGlobException("a '[' class ends with an unfinished '\\' escape");
        }
        var status = Rune.DecodeFromUtf8(chunk, out var rune, out var width);
        chunk = chunk[width..];
        if (status != System.Buffers.OperationStatus.Done) throw new GoGlobException("the pattern is not valid UTF-8");
        if (chunk.Length == 0) throw new GoGlobException("a '[' class is not closed with ']'");
        return rune.Value;
    }

    /// <summary>Go's utf8.DecodeRune: an invalid byte reads as U+FFFD of width 1.</summary>
    private static int DecodeRune(ReadOnlySpan<byte> text, out int width)
    {
        var status = Rune.DecodeFromUtf8(text, out var rune, out width);
        if (status == System.Buffers.OperationStatus.Done) return rune.Value;
        width = 1;
        return 0xFFFD;
    }
}

/// <summary>A malformed Go glob (Go's <c>path.ErrBadPattern</c>); the message says what is wrong.</summary>
internal sealed class GoGlobException(string message) : FormatException(message);
