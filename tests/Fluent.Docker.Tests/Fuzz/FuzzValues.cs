using System.Text;

namespace Fluent.Docker.Tests.Fuzz;

/// <summary>
/// Deterministic generator of hostile values for the emitter: quotes, backslashes and backticks (both escape tokens),
/// <c>$</c>/<c>${…}</c>, <c>#</c>, heredoc markers, JSON metacharacters, flag look-alikes, Unicode (non-BMP, blanks
/// Go and .NET treat as space, a byte-order mark, bidi controls), CR/LF/NUL, unpaired surrogates, and now and then a
/// string longer than BuildKit's 65,535-byte line. The same seed always gives the same values.
/// </summary>
internal sealed class FuzzValues(int seed)
{
    private static readonly string[] Fragments =
    [
        "a", "Z", "app", "0", "42", "_", "-", "--", "--flag", "-x", ".", "/", "./", "..", ":", "@", "%", "+", ",", "=", "a=b", "*", "?", "~", "!", "&", "|", ";", "(", ")",
        " ", "  ", "\t", "\v", "\f",
        "\"", "'", "\\", "\\\\", "`", "``", "\\\"", "\\'", "\\$", "`$", "\\\n",
        "$", "$$", "${", "}", "{", "{}", "${X}", "$X", "$1", "$@", "${X:-y}", "$(id)", "${}", "$ ",
        "#", "# not a comment", "#!", "[", "]", "[\"a\"]", "[]", "{\"k\":1}", "\\u0000", "\\n", "\"\"", "''",
        "<", "<<", "<<EOF", "EOF", "<<-'X'", "2<<X", "<<\"Y\"", ">", "&&",
        "é", "ü", "ß", "😀", "中文", "한국어", "\u00A0", "\u2028", "\u2029", "\u3000", "\u1680", "\uFEFF", "\u0085", "\u200B", "\u202E", "\u0001", "\u007F", "\uFFFD",
        "FROM", "RUN", "AS", "scratch", "ENV", "ONBUILD",
    ];

    private static readonly string[] Hazards = ["\r", "\n", "\r\n", "\0", "\uD800", "\uDC00"];

    private static readonly string[] Names = ["A", "VERSION", "_x1", "HOME"];
    private static readonly string[] BadNames = ["", "1A", "a-b", "a b", "é"];

    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    /// <summary>A string: usually a few fragments, sometimes with line breaks/NUL/surrogates, rarely over 65,535 bytes.</summary>
    public string Text()
    {
        var roll = _random.Next(10_000);
        if (roll < 3) return Long();
        if (roll < 300) return "";
        var text = new StringBuilder();
        var count = 1 + _random.Next(_random.Next(4) == 0 ? 12 : 4);
        for (var i = 0; i < count; i++)
            text.Append(_random.Next(40) == 0 ? Hazards[_random.Next(Hazards.Length)] : Fragments[_random.Next(Fragments.Length)]);
        return text.ToString();
    }

    /// <summary>A text without hazards, for slots that must usually be accepted to test the round trip.</summary>
    public string SafeText()
    {
        var text = new StringBuilder();
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++) text.Append(Fragments[_random.Next(Fragments.Length)]);
        return text.ToString();
    }

    private string Long()
    {
        var unit = _random.Next(3) switch { 0 => "a", 1 => "é$\"", _ => " " };
        return string.Concat(Enumerable.Repeat(unit, 70_000 / unit.Length + _random.Next(100)));
    }

    /// <summary>Literal text mixed with variable references (mostly valid names) and raw <c>${…}</c> expressions.</summary>
    public Expandable Value()
    {
        var value = Expandable.Empty;
        var parts = 1 + _random.Next(3);
        for (var i = 0; i < parts; i++)
        {
            var roll = _random.Next(20);
            value += roll switch
            {
                < 15 => Expandable.Literal(Text()),
                < 17 => Expandable.Variable(_random.Next(10) == 0 ? BadNames[_random.Next(BadNames.Length)] : Names[_random.Next(Names.Length)]),
                _ => Expandable.Raw(Raw()),
            };
        }
        return value;
    }

    private string Raw() => _random.Next(8) switch
    {
        0 => "${A:-" + SafeText() + "}",
        1 => "${VERSION:+" + SafeText() + "}",
        2 => "${A#" + SafeText() + "}",
        3 => "${HOME%%/*}",
        4 => "${@}",
        5 => "${1}",
        6 => "${A?" + SafeText() + "}",
        _ => "${" + Text() + "}",
    };

    private static readonly string[] NameParts =
    [
        "a", "b", "z", "app", "SIG", "TERM", "HUP", "USR1", "RTMIN", "1", "9", "42", "_", "-", ".", "/", ":", "+", "@", "sha256:", "A", "Z", "x1",
    ];

    /// <summary>A name-like token (identifiers, image references, signals, ids): often valid, sometimes hostile text.</summary>
    public string Name()
    {
        if (_random.Next(4) == 0) return Text();
        var name = new StringBuilder();
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++) name.Append(NameParts[_random.Next(NameParts.Length)]);
        return name.ToString();
    }

    /// <summary>An exec-form argument list.</summary>
    public string[] Words()
    {
        var count = _random.Next(4);
        var words = new string[count];
        for (var i = 0; i < count; i++) words[i] = Text();
        return words;
    }
}
