using System.Text;
using Fluent.Docker.Text;

namespace Fluent.Docker;

/// <summary>
/// Reads .dockerignore text into patterns with the rules of moby/patternmatcher's <c>ignorefile.ReadAll</c>, which
/// BuildKit and the docker CLI use: a UTF-8 byte-order mark on line 1 is dropped; a line whose very first character
/// is <c>#</c> is a comment (<c>"  # x"</c> is a pattern); whitespace around a pattern and after <c>!</c> is trimmed;
/// blank lines are skipped; each pattern is cleaned (<c>a/./b/../c</c> → <c>a/c</c>) and a leading <c>/</c> dropped
/// (<c>/foo</c> = <c>foo</c>; <c>/</c> alone stays). A lone <c>!</c> is kept: compiling it is what fails.
/// </summary>
internal static class IgnoreFileReader
{
    /// <summary>Go's bufio.Scanner refuses a line (with its '\r', without '\n') of this many UTF-8 bytes.</summary>
    internal const int MaxLineBytes = 64 * 1024;

    public static IReadOnlyList<string> ReadAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = new List<string>();
        var lines = text.Split('\n');
        // A final line ending in '\n' leaves an empty piece that is not a line.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var number = 1; number <= count; number++)
        {
            var line = lines[number - 1];
            if (Encoding.UTF8.GetByteCount(line) >= MaxLineBytes)
                throw new DockerIgnoreException(DockerIgnoreError.LineTooLong, line[..Math.Min(line.Length, 40)] + "…", number,
                    $"The line is {Encoding.UTF8.GetByteCount(line)} bytes; the .dockerignore reader stops at {MaxLineBytes - 1}.", "split it into shorter patterns.");
            if (line.EndsWith('\r')) line = line[..^1];
            if (number == 1 && line.StartsWith('\uFEFF')) line = line[1..];
            if (line.StartsWith('#')) continue;
            if (CleanLine(line) is { } pattern) patterns.Add(pattern);
        }
        return patterns;
    }

    /// <summary>One non-comment line as ReadAll turns it into a pattern; null for a blank line.</summary>
    internal static string? CleanLine(string line)
    {
        var pattern = line.Trim();
        if (pattern.Length == 0) return null;
        var invert = pattern[0] == '!';
        if (invert) pattern = pattern[1..].Trim();
        if (pattern.Length > 0)
        {
            pattern = GoPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern[1..];
        }
        return invert ? "!" + pattern : pattern;
    }
}
