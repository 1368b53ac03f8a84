using System.Text;
using Fluent.Docker.Text;

namespace Fluent.Docker;

/// <summary>
/// One compiled .dockerignore pattern, as moby/patternmatcher keeps it: the cleaned glob, whether it is an exception
/// (<c>!glob</c>), and the cheapest strategy that decides it (exact text, prefix for <c>dir/**</c>, suffix for
/// <c>**/name</c>, else a regular expression built exactly as patternmatcher builds it).
/// </summary>
public sealed class DockerIgnorePattern
{
    private readonly GoRegex? _regex;
    private readonly string? _regexProblem;

    internal DockerIgnorePattern(string text, bool isException)
    {
        Text = text;
        IsException = isException;
        (Kind, RegexText) = Translate(text, '/');
        if (Kind != PatternKind.Regex) return;
        try { _regex = GoRegex.Compile(RegexText!); }
        // patternmatcher accepts such a pattern and then fails every match; so do we (BuildKit fails the build).
        catch (GoRegexException e) { _regexProblem = e.Message; }
    }

    /// <summary>The cleaned glob, without the leading <c>!</c> of an exception.</summary>
    public string Text { get; }

    /// <summary>True for <c>!glob</c>: a match re-includes what earlier patterns excluded.</summary>
    public bool IsException { get; }

    internal PatternKind Kind { get; }

    /// <summary>The Go regular expression patternmatcher compiles the glob to (null when a cheaper strategy decides).</summary>
    internal string? RegexText { get; }

    /// <summary>Null when the pattern can match; else why every match fails (BuildKit fails the build the same way).</summary>
    public string? Problem => _regexProblem;

    /// <summary>The error every match of an unusable pattern raises; null when the pattern is usable.</summary>
    internal DockerIgnoreException? Unusable => _regexProblem is null ? null : new DockerIgnoreException(DockerIgnoreError.BadPattern, ToString(), null,
        $"BuildKit fails every build with this pattern: the regular expression it compiles to is invalid ({_regexProblem}).",
        "fix the '[...]' class (ranges go low to high, e.g. [a-z]) or escape the bracket as '\\['.");

    public override string ToString() => IsException ? "!" + Text : Text;

    /// <summary>Whether the pattern itself matches <paramref name="path"/> (no parent walk).</summary>
    internal bool MatchesPath(string path)
    {
        switch (Kind)
        {
            case PatternKind.Exact:
                return path == Text;
            case PatternKind.Prefix:
                return path.StartsWith(Text[..^2], StringComparison.Ordinal);
            case PatternKind.Suffix:
                var suffix = Text[2..];
                return path.EndsWith(suffix, StringComparison.Ordinal) || (suffix.StartsWith('/') && path == suffix[1..]);
            default:
                return _regex?.IsMatch(path) ?? throw Unusable!;
        }
    }

    internal enum PatternKind { Exact, Prefix, Suffix, Regex }

    /// <summary>
    /// patternmatcher's translation of a glob into a strategy and a Go regular expression: <c>*</c> is
    /// <c>[^/]*</c>, <c>?</c> is <c>[^/]</c>, <c>**/</c> is <c>(.*/)?</c>, a trailing <c>**</c> is <c>.*</c>; the regexp
    /// characters that are not glob characters are escaped; <c>\x</c> escapes x; brackets pass through.
    /// <paramref name="separator"/> is '/' (and '\' only to check the Windows form against the corpus).
    /// </summary>
    internal static (PatternKind Kind, string? RegexText) Translate(string pattern, char separator)
    {
        var regex = new StringBuilder("^");
        var kind = PatternKind.Exact;
        var escapedSeparator = separator == '\\' ? @"\\" : "/";
        var runes = GoRegex.ToRunes(pattern);
        var index = runes.Length > 0 && runes[0] == 0xFEFF ? 1 : 0; // Go's text/scanner skips a leading byte-order mark
        int Peek() => index < runes.Length ? runes[index] : -1;

        for (var step = 0; index < runes.Length; step++)
        {
            var c = runes[index++];
            if (c == '*')
            {
                if (Peek() == '*')
                {
                    index++;
                    if (Peek() == separator) index++; // '**/' reads as '**'
                    if (Peek() == -1)
                    {
                        // A trailing '**' takes everything (as in .gitignore).
                        if (kind == PatternKind.Exact) kind = PatternKind.Prefix;
                        else
                        {
                            regex.Append(".*");
                            kind = PatternKind.Regex;
                        }
                    }
                    else
                    {
                        regex.Append("(.*").Append(escapedSeparator).Append(")?");
                        kind = PatternKind.Regex;
                    }
                    if (step == 0) kind = PatternKind.Suffix;
                }
                else
                {
                    regex.Append("[^").Append(escapedSeparator).Append("]*");
                    kind = PatternKind.Regex;
                }
            }
            else if (c == '?')
            {
                regex.Append("[^").Append(escapedSeparator).Append(']');
                kind = PatternKind.Regex;
            }
            else if (c is '.' or '+' or '(' or ')' or '|' or '{' or '}' or '$')
            {
                regex.Append('\\').Append((char)c);
            }
            else if (c == '\\')
            {
                if (separator == '\\')
                {
                    regex.Append(escapedSeparator); // Windows paths have no escapes
                    continue;
                }
                if (Peek() != -1)
                {
                    regex.Append('\\').Append(char.ConvertFromUtf32(runes[index++]));
                    kind = PatternKind.Regex;
                }
                else regex.Append('\\');
            }
            else if (c is '[' or ']')
            {
                regex.Append((char)c);
                kind = PatternKind.Regex;
            }
            else regex.Append(char.ConvertFromUtf32(c));
        }

        return kind == PatternKind.Regex ? (kind, regex.Append('$').ToString()) : (kind, null);
    }
}
