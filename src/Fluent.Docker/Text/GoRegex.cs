using System.Globalization;
using System.Text;

namespace Fluent.Docker.Text;

/// <summary>
/// The part of Go's <c>regexp</c> (RE2 syntax, Perl flags) that .dockerignore patterns compile to: literals, escapes,
/// <c>[…]</c> classes (ranges, POSIX <c>[:name:]</c>, <c>\d\s\w</c>, <c>\pL</c>), <c>.</c>, <c>^</c>/<c>$</c>, <c>\b</c>,
/// groups and the <c>*</c>/<c>?</c> repetitions. .NET's <c>Regex</c> reads the same text differently (Unicode <c>\d</c>,
/// <c>$</c> before a final newline, UTF-16 units instead of runes), so patterns are parsed here and run on a small
/// Thompson NFA over runes: linear time, Go's results. Text Go rejects throws <see cref="GoRegexException"/>.
/// </summary>
internal sealed class GoRegex
{
    private readonly List<Node> _program;
    private readonly int _start;

    // Shortcuts that decide most paths without running the NFA: glob regexps are '^literal…literal$'.
    private readonly bool _anchored;
    private readonly string _prefix;
    private readonly string _suffix;

    private GoRegex(List<Node> program, int start, IReadOnlyList<int> topLevel)
    {
        _program = program;
        _start = start;
        _anchored = topLevel.Count > 0 && topLevel[0] == Parser.BeginTextAtom;
        _prefix = Text(_anchored ? topLevel.Skip(1).TakeWhile(IsPlainRune) : []);
        _suffix = Text(topLevel.Count > 0 && topLevel[^1] == Parser.EndTextAtom ? topLevel.SkipLast(1).Reverse().TakeWhile(IsPlainRune).Reverse() : []);
    }

    // U+FFFD is left out: it also stands for an unpaired surrogate in the input, which ordinal text comparison would miss.
    private static bool IsPlainRune(int atom) => atom >= 0 && atom != 0xFFFD && Rune.IsValid(atom);

    private static string Text(IEnumerable<int> runes) => string.Concat(runes.Select(char.ConvertFromUtf32));

    public static GoRegex Compile(string pattern)
    {
        var parser = new Parser(ToRunes(pattern));
        var fragment = parser.ParseAll();
        var program = parser.Program;
        program.Add(new Node(NodeKind.Match));
        parser.Patch(fragment, program.Count - 1);
        return new GoRegex(program, fragment.Start, parser.TopLevel);
    }

    /// <summary>Whether the expression matches somewhere in <paramref name="input"/> (Go's MatchString).</summary>
    public bool IsMatch(string input)
    {
        if (!input.StartsWith(_prefix, StringComparison.Ordinal) || !input.EndsWith(_suffix, StringComparison.Ordinal)) return false;
        var runes = ToRunes(input);
        var current = new List<int>();
        var next = new List<int>();
        var seen = new int[_program.Count];
        var pending = new Stack<int>();
        var generation = 1;
        AddThread(current, seen, pending, generation, _start, runes, 0);
        for (var position = 0; ; position++)
        {
            foreach (var state in current)
                if (_program[state].Kind == NodeKind.Match) return true;
            if (position == runes.Length) return false;

            generation++;
            next.Clear();
            foreach (var state in current)
            {
                var node = _program[state];
                if (node.Kind == NodeKind.Rune && node.Accepts!(runes[position]))
                    AddThread(next, seen, pending, generation, node.Next, runes, position + 1);
            }
            // Unanchored search, as Go's MatchString: a new attempt starts at every position unless '^' pins it.
            if (!_anchored) AddThread(next, seen, pending, generation, _start, runes, position + 1);
            (current, next) = (next, current);
        }
    }

    /// <summary>Adds <paramref name="state"/> and every state reachable from it without reading a rune (Thompson's closure).</summary>
    private void AddThread(List<int> threads, int[] seen, Stack<int> stack, int generation, int state, int[] runes, int position)
    {
        stack.Push(state);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (s < 0 || seen[s] == generation) continue;
            seen[s] = generation;
            var node = _program[s];
            switch (node.Kind)
            {
                case NodeKind.Split:
                    // Push the second branch first so the first is explored first (order does not change a yes/no answer).
                    stack.Push(node.Alternative);
                    stack.Push(node.Next);
                    break;
                case NodeKind.Empty:
                    stack.Push(node.Next);
                    break;
                case NodeKind.Assert:
                    if (Holds(node.Assertion, runes, position)) stack.Push(node.Next);
                    break;
                default:
                    threads.Add(s);
                    break;
            }
        }
    }

    private static bool Holds(Assertion assertion, int[] runes, int position) => assertion switch
    {
        Assertion.BeginText => position == 0,
        Assertion.EndText => position == runes.Length,
        Assertion.WordBoundary => IsWordBoundary(runes, position),
        Assertion.NotWordBoundary => !IsWordBoundary(runes, position),
        _ => false,
    };

    private static bool IsWordBoundary(int[] runes, int position) =>
        (position > 0 && IsAsciiWord(runes[position - 1])) != (position < runes.Length && IsAsciiWord(runes[position]));

    private static bool IsAsciiWord(int rune) => rune < 128 && (char.IsAsciiLetterOrDigit((char)rune) || rune == '_');

    /// <summary>Runes of a .NET string; an unpaired surrogate reads as U+FFFD, as invalid UTF-8 does in Go.</summary>
    internal static int[] ToRunes(string text)
    {
        var runes = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
            runes.Add(status == System.Buffers.OperationStatus.Done ? rune.Value : 0xFFFD);
            i += Math.Max(width, 1);
        }
        return runes.ToArray();
    }

    private enum NodeKind { Rune, Split, Empty, Assert, Match }

    private enum Assertion { BeginText, EndText, WordBoundary, NotWordBoundary }

    private sealed class Node(NodeKind kind)
    {
        public NodeKind Kind { get; } = kind;
        public Func<int, bool>? Accepts { get; init; }
        public Assertion Assertion { get; init; }
        public int Next { get; set; } = -1;
        public int Alternative { get; set; } = -1;
    }

    /// <summary>A piece of program: where it starts, and the dangling exits to point at whatever follows.</summary>
    private readonly record struct Fragment(int Start, List<(int Node, bool Alternative)> Exits);

    private sealed class Parser(int[] text)
    {
        public const int BeginTextAtom = -1;
        public const int EndTextAtom = -2;
        private const int OtherAtom = -3;

        private int _position;
        private int _depth;
        private int _lastAtom;

        public List<Node> Program { get; } = [];

        /// <summary>The top-level atoms in order: a literal rune, <see cref="BeginTextAtom"/>, <see cref="EndTextAtom"/>, or anything else (negative).</summary>
        public List<int> TopLevel { get; } = [];

        public Fragment ParseAll()
        {
            var fragment = ParseSequence();
            if (_position < text.Length) throw Error("unexpected )");
            return fragment;
        }

        public void Patch(Fragment fragment, int target)
        {
            foreach (var (node, alternative) in fragment.Exits)
            {
                if (alternative) Program[node].Alternative = target;
                else Program[node].Next = target;
            }
        }

        private Fragment ParseSequence()
        {
            Fragment? sequence = null;
            Fragment? last = null;
            var lastWasRepeat = false;
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == ')') break;
                if (c == '|') throw Error("alternation is not produced by .dockerignore patterns");
                if (c is '*' or '?')
                {
                    var operatorStart = _position;
                    _position++;
                    if (_position < text.Length && text[_position] == '?') _position++; // non-greedy: same yes/no answer
                    if (last is null) throw Error($"missing argument to repetition operator: `{Slice(operatorStart, _position)}`");
                    if (lastWasRepeat) throw Error($"invalid nested repetition operator: `{Slice(operatorStart - 1, _position)}`");
                    last = c == '*' ? Star(last.Value) : Optional(last.Value);
                    lastWasRepeat = true;
                    if (_depth == 0) TopLevel[^1] = OtherAtom;
                    continue;
                }
                if (c == '+' || c == '{') throw Error($"'{(char)c}' repetition is not produced by .dockerignore patterns");

                if (last is { } previous) sequence = sequence is { } s ? Concat(s, previous) : previous;
                last = ParseAtom();
                lastWasRepeat = false;
                if (_depth == 0) TopLevel.Add(_lastAtom);
            }
            if (last is { } tail) sequence = sequence is { } s2 ? Concat(s2, tail) : tail;
            return sequence ?? EmptyFragment();
        }

        private Fragment ParseAtom()
        {
            var c = text[_position];
            _lastAtom = OtherAtom;
            switch (c)
            {
                case '(':
                {
                    var open = _position;
                    _position++;
                    if (_position < text.Length && text[_position] == '?') throw Error("group flags are not produced by .dockerignore patterns");
                    _depth++;
                    var inner = ParseSequence();
                    _depth--;
                    if (_position >= text.Length || text[_position] != ')') throw Error($"missing closing ): `{Slice(open, text.Length)}`");
                    _position++;
                    _lastAtom = OtherAtom;
                    return inner;
                }
                case '^':
                    _position++;
                    _lastAtom = BeginTextAtom;
                    return AssertFragment(Assertion.BeginText);
                case '$':
                    _position++;
                    _lastAtom = EndTextAtom;
                    return AssertFragment(Assertion.EndText);
                case '.':
                    _position++;
                    return RuneFragment(r => r != '\n');
                case '[':
                    return RuneFragment(ParseClass());
                case '\\':
                    return ParseEscapeAtom();
                default:
                    _position++;
                    _lastAtom = c;
                    return RuneFragment(r => r == c);
            }
        }

        private Fragment ParseEscapeAtom()
        {
            var start = _position;
            if (_position + 1 >= text.Length) throw Error("trailing backslash at end of expression");
            var kind = text[_position + 1];
            switch (kind)
            {
                case 'A':
                    _position += 2;
                    _lastAtom = BeginTextAtom;
                    return AssertFragment(Assertion.BeginText);
                case 'z':
                    _position += 2;
                    _lastAtom = EndTextAtom;
                    return AssertFragment(Assertion.EndText);
                case 'b':
                    _position += 2;
                    return AssertFragment(Assertion.WordBoundary);
                case 'B':
                    _position += 2;
                    return AssertFragment(Assertion.NotWordBoundary);
                case 'C':
                    throw Error("invalid escape sequence: `\\C`");
                case 'Q':
                {
                    // \Q…\E: everything up to \E (or the end) is literal.
                    _position += 2;
                    Fragment? literal = null;
                    while (_position < text.Length && !(text[_position] == '\\' && _position + 1 < text.Length && text[_position + 1] == 'E'))
                    {
                        var rune = text[_position++];
                        var piece = RuneFragment(r => r == rune);
                        literal = literal is { } l ? Concat(l, piece) : piece;
                    }
                    if (_position < text.Length) _position += 2;
                    return literal ?? EmptyFragment();
                }
            }
            if (TryUnicodeClass(out var unicode) || TryPerlClass(out unicode)) return RuneFragment(unicode);
            var value = ParseEscape(start);
            _lastAtom = value;
            return RuneFragment(r => r == value);
        }

        /// <summary>A <c>[…]</c> class; <see cref="_position"/> is at '['.</summary>
        private Func<int, bool> ParseClass()
        {
            var open = _position;
            _position++;
            var negated = _position < text.Length && text[_position] == '^';
            if (negated) _position++;
            var members = new List<Func<int, bool>>();
            var first = true; // ']' right after '[' or '[^' is a member
            while (_position >= text.Length || text[_position] != ']' || first)
            {
                first = false;
                if (_position >= text.Length) throw Error($"missing closing ]: `{Slice(open, text.Length)}`");
                if (TryPosixClass(out var posix))
                {
                    members.Add(posix);
                    continue;
                }
                if (TryUnicodeClass(out var unicode) || TryPerlClass(out unicode))
                {
                    members.Add(unicode);
                    continue;
                }
                var rangeStart = _position;
                var low = ClassChar(open);
                var high = low;
                if (_position + 1 < text.Length && text[_position] == '-' && text[_position + 1] != ']')
                {
                    _position++;
                    high = ClassChar(open);
                    if (high < low) throw Error($"invalid character class range: `{Slice(rangeStart, _position)}`");
                }
                var (lo, hi) = (low, high);
                members.Add(r => lo <= r && r <= hi);
            }
            _position++; // ']'
            return negated ? r => !members.Any(m => m(r)) : r => members.Any(m => m(r));
        }

        private int ClassChar(int open)
        {
            if (_position >= text.Length) throw Error($"missing closing ]: `{Slice(open, text.Length)}`");
            if (text[_position] == '\\') return ParseEscape(_position);
            return text[_position++];
        }

        /// <summary>A single-rune escape at <paramref name="start"/> ('\'): punctuation, octal, hex, or a C escape.</summary>
        private int ParseEscape(int start)
        {
            _position = start + 1;
            if (_position >= text.Length) throw Error("trailing backslash at end of expression");
            var c = text[_position++];
            if (c < 128 && !char.IsAsciiLetterOrDigit((char)c)) return c;
            switch (c)
            {
                case >= '1' and <= '7' when _position < text.Length && text[_position] is >= '0' and <= '7':
                case '0':
                {
                    var value = c - '0';
                    for (var i = 1; i < 3 && _position < text.Length && text[_position] is >= '0' and <= '7'; i++)
                        value = value * 8 + text[_position++] - '0';
                    return value;
                }
                case 'x':
                {
                    if (_position < text.Length && text[_position] == '{')
                    {
                        var close = Array.IndexOf(text, '}', _position);
                        if (close < 0) break;
                        var digits = Slice(_position + 1, close);
                        if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF) break;
                        _position = close + 1;
                        return code;
                    }
                    if (_position + 1 < text.Length && IsHex(text[_position]) && IsHex(text[_position + 1]))
                    {
                        var code = int.Parse(Slice(_position, _position + 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                        _position += 2;
                        return code;
                    }
                    break;
                }
                case 'a': return 7;
                case 'f': return 12;
                case 'n': return 10;
                case 'r': return 13;
                case 't': return 9;
                case 'v': return 11;
            }
            throw Error($"invalid escape sequence: `{Slice(start, Math.Min(_position, text.Length))}`");
        }

        private bool TryPosixClass(out Func<int, bool> members)
        {
            members = _ => false;
            if (_position + 2 >= text.Length || text[_position] != '[' || text[_position + 1] != ':') return false;
            var close = -1;
            for (var i = _position + 2; i + 1 < text.Length; i++)
                if (text[i] == ':' && text[i + 1] == ']') { close = i; break; }
            if (close < 0) return false;
            var name = Slice(_position + 2, close);
            var negated = name.StartsWith('^');
            Func<int, bool>? set = (negated ? name[1..] : name) switch
            {
                "alnum" => r => r < 128 && char.IsAsciiLetterOrDigit((char)r),
                "alpha" => r => r < 128 && char.IsAsciiLetter((char)r),
                "ascii" => r => r < 128,
                "blank" => r => r is '\t' or ' ',
                "cntrl" => r => r < 32 || r == 127,
                "digit" => r => r is >= '0' and <= '9',
                "graph" => r => r is >= '!' and <= '~',
                "lower" => r => r is >= 'a' and <= 'z',
                "print" => r => r is >= ' ' and <= '~',
                "punct" => r => r is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~',
                "space" => r => r is '\t' or '\n' or '\v' or '\f' or '\r' or ' ',
                "upper" => r => r is >= 'A' and <= 'Z',
                "word" => IsAsciiWord,
                "xdigit" => IsHex,
                _ => null,
            };
            if (set is null) throw Error($"invalid character class range: `{Slice(_position, close + 2)}`");
            _position = close + 2;
            members = negated ? r => !set(r) : set;
            return true;
        }

        private bool TryPerlClass(out Func<int, bool> members)
        {
            members = _ => false;
            if (_position + 1 >= text.Length || text[_position] != '\\') return false;
            Func<int, bool>? set = text[_position + 1] switch
            {
                'd' => r => r is >= '0' and <= '9',
                'D' => r => r is not (>= '0' and <= '9'),
                's' => r => r is '\t' or '\n' or '\f' or '\r' or ' ',
                'S' => r => r is not ('\t' or '\n' or '\f' or '\r' or ' '),
                'w' => IsAsciiWord,
                'W' => r => !IsAsciiWord(r),
                _ => null,
            };
            if (set is null) return false;
            _position += 2;
            members = set;
            return true;
        }

        /// <summary><c>\pL</c>, <c>\p{Lu}</c>, <c>\PN</c>, <c>\p{^L}</c>: Unicode general categories and <c>Any</c>.</summary>
        private bool TryUnicodeClass(out Func<int, bool> members)
        {
            members = _ => false;
            if (_position + 1 >= text.Length || text[_position] != '\\' || text[_position + 1] is not ('p' or 'P')) return false;
            var start = _position;
            var negated = text[_position + 1] == 'P';
            if (_position + 2 >= text.Length) throw Error($"invalid character class range: `{Slice(start, text.Length)}`");
            string name;
            if (text[_position + 2] == '{')
            {
                var close = Array.IndexOf(text, '}', _position + 2);
                if (close < 0) throw Error($"invalid character class range: `{Slice(start, text.Length)}`");
                name = Slice(_position + 3, close);
                _position = close + 1;
            }
            else
            {
                name = char.ConvertFromUtf32(text[_position + 2]);
                _position += 3;
            }
            if (name.StartsWith('^'))
            {
                negated = !negated;
                name = name[1..];
            }
            var set = UnicodeSet(name)
                ?? throw Error($"invalid character class range: `{Slice(start, _position)}` (Fluent.Docker knows the general categories and Any, not scripts)");
            members = negated ? r => !set(r) : set;
            return true;
        }

        /// <summary>The two-letter Unicode general categories; a one-letter name (L, N, …) is every category it starts.</summary>
        private static readonly Dictionary<string, UnicodeCategory> Categories = new(StringComparer.Ordinal)
        {
            ["Lu"] = UnicodeCategory.UppercaseLetter, ["Ll"] = UnicodeCategory.LowercaseLetter, ["Lt"] = UnicodeCategory.TitlecaseLetter,
            ["Lm"] = UnicodeCategory.ModifierLetter, ["Lo"] = UnicodeCategory.OtherLetter,
            ["Mn"] = UnicodeCategory.NonSpacingMark, ["Mc"] = UnicodeCategory.SpacingCombiningMark, ["Me"] = UnicodeCategory.EnclosingMark,
            ["Nd"] = UnicodeCategory.DecimalDigitNumber, ["Nl"] = UnicodeCategory.LetterNumber, ["No"] = UnicodeCategory.OtherNumber,
            ["Pc"] = UnicodeCategory.ConnectorPunctuation, ["Pd"] = UnicodeCategory.DashPunctuation, ["Ps"] = UnicodeCategory.OpenPunctuation,
            ["Pe"] = UnicodeCategory.ClosePunctuation, ["Pi"] = UnicodeCategory.InitialQuotePunctuation, ["Pf"] = UnicodeCategory.FinalQuotePunctuation,
            ["Po"] = UnicodeCategory.OtherPunctuation,
            ["Sm"] = UnicodeCategory.MathSymbol, ["Sc"] = UnicodeCategory.CurrencySymbol, ["Sk"] = UnicodeCategory.ModifierSymbol, ["So"] = UnicodeCategory.OtherSymbol,
            ["Zs"] = UnicodeCategory.SpaceSeparator, ["Zl"] = UnicodeCategory.LineSeparator, ["Zp"] = UnicodeCategory.ParagraphSeparator,
            // Go's C is Cc, Cf, Co and Cs (unassigned code points are not in it).
            ["Cc"] = UnicodeCategory.Control, ["Cf"] = UnicodeCategory.Format, ["Co"] = UnicodeCategory.PrivateUse, ["Cs"] = UnicodeCategory.Surrogate,
        };

        private static Func<int, bool>? UnicodeSet(string name)
        {
            if (name == "Any") return _ => true;
            var categories = Categories.Where(c => c.Key == name || (name.Length == 1 && c.Key[0] == name[0])).Select(c => c.Value).ToHashSet();
            if (categories.Count == 0) return null;
            return r => categories.Contains(Rune.IsValid(r) ? Rune.GetUnicodeCategory(new Rune(r)) : UnicodeCategory.Surrogate);
        }

        private static bool IsHex(int rune) => rune < 128 && char.IsAsciiHexDigit((char)rune);

        private string Slice(int from, int to)
        {
            var builder = new StringBuilder();
            for (var i = from; i < to && i < text.Length; i++) builder.Append(char.ConvertFromUtf32(Rune.IsValid(text[i]) ? text[i] : 0xFFFD));
            return builder.ToString();
        }

        private static GoRegexException Error(string message) => new($"error parsing regexp: {message}");

        // ---- Thompson construction
        private int Add(Node node)
        {
            Program.Add(node);
            return Program.Count - 1;
        }

        private Fragment RuneFragment(Func<int, bool> accepts)
        {
            var node = Add(new Node(NodeKind.Rune) { Accepts = accepts });
            return new Fragment(node, [(node, false)]);
        }

        private Fragment AssertFragment(Assertion assertion)
        {
            var node = Add(new Node(NodeKind.Assert) { Assertion = assertion });
            return new Fragment(node, [(node, false)]);
        }

        private Fragment EmptyFragment()
        {
            var node = Add(new Node(NodeKind.Empty));
            return new Fragment(node, [(node, false)]);
        }

        private Fragment Concat(Fragment first, Fragment second)
        {
            Patch(first, second.Start);
            return new Fragment(first.Start, second.Exits);
        }

        private Fragment Star(Fragment body)
        {
            var split = Add(new Node(NodeKind.Split));
            Program[split].Next = body.Start;
            Patch(body, split);
            return new Fragment(split, [(split, true)]);
        }

        private Fragment Optional(Fragment body)
        {
            var split = Add(new Node(NodeKind.Split));
            Program[split].Next = body.Start;
            return new Fragment(split, [.. body.Exits, (split, true)]);
        }
    }
}

/// <summary>Text Go's regexp package refuses; the message follows Go's wording.</summary>
internal sealed class GoRegexException(string message) : FormatException(message);
