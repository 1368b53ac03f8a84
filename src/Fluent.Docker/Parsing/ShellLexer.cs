using System.Text;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Parsing;

/// <summary>
/// BuildKit's shell lexer (frontend/dockerfile/shell): quote and escape processing, <c>$NAME</c> / <c>${NAME…}</c>
/// expansion and word splitting, with the same options. <see cref="Analyze"/> reads a word without an environment:
/// literal text stays literal and each reference becomes a part of an <see cref="Expandable"/>, so the model keeps
/// what BuildKit would expand at build time.
/// </summary>
internal sealed class ShellLexer(char escapeToken)
{
    private const int Eof = -1;

    public char EscapeToken { get; } = escapeToken;

    /// <summary>Keep quote characters in the result (heredoc detection).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the result (heredoc detection).</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Quotes are ordinary characters (heredoc bodies).</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Leave references to unset variables as written.</summary>
    public bool SkipUnsetEnv { get; init; }

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    /// <summary>The word with quotes and escapes processed and variables expanded (BuildKit's ProcessWord).</summary>
    public string ProcessWord(string word, IReadOnlyDictionary<string, string>? environment = null) =>
        new Run(this, word, environment ?? NoEnvironment, analyze: false).Process().Text.ToString();

    /// <summary>The word split into words after expansion, quotes keeping their content together (ProcessWords).</summary>
    public IReadOnlyList<string> ProcessWords(string word, IReadOnlyDictionary<string, string>? environment = null) =>
        new Run(this, word, environment ?? NoEnvironment, analyze: false).Process().Words.GetWords();

    /// <summary>
    /// The word as BuildKit reads it, with references left symbolic: <c>$NAME</c>/<c>${NAME}</c> become variable parts,
    /// other expansions (<c>${NAME:-x}</c>, <c>$1</c>, <c>$@</c>) raw parts. Throws what BuildKit would throw.
    /// </summary>
    public Expandable Analyze(string word) => new Run(this, word, NoEnvironment, analyze: true).Process().ToExpandable();

    /// <summary>The text of one processed stretch: literal characters and (when analyzing) reference parts.</summary>
    private sealed class Output
    {
        private readonly List<ExpandablePart> _parts = [];

        public StringBuilder Text { get; } = new();
        public WordList Words { get; } = new();
        public bool HasReferences => _parts.Count > 0;

        public void AppendReference(ExpandablePart part)
        {
            FlushLiteral();
            _parts.Add(part);
        }

        public void AppendOutput(Output other)
        {
            if (!other.HasReferences)
            {
                Text.Append(other.Text);
                return;
            }
            FlushLiteral();
            other.FlushLiteral();
            _parts.AddRange(other._parts);
        }

        private void FlushLiteral()
        {
            if (Text.Length == 0) return;
            _parts.Add(new ExpandablePart(Text.ToString(), false));
            Text.Clear();
        }

        public Expandable ToExpandable()
        {
            FlushLiteral();
            var value = Expandable.Empty;
            foreach (var part in _parts)
                value += part.IsVariable ? Expandable.Variable(part.Text) : part.IsRaw ? Expandable.Raw(part.Text) : Expandable.Literal(part.Text);
            return value;
        }
    }

    /// <summary>BuildKit's word splitter: unquoted blanks end a word; quoted and escaped text never does.</summary>
    private sealed class WordList
    {
        private readonly List<string> _words = [];
        private readonly StringBuilder _word = new();
        private bool _inWord;

        public void AddChar(int rune)
        {
            if (GoText.IsSpace(rune) && _inWord)
            {
                if (_word.Length == 0) return;
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }
            else if (!GoText.IsSpace(rune)) AddRawChar(rune);
        }

        public void AddRawChar(int rune)
        {
            GoText.AppendRune(_word, rune);
            _inWord = true;
        }

        public void AddString(string text)
        {
            for (var i = 0; i < text.Length;)
            {
                var (rune, width) = GoText.RuneAt(text, i);
                AddChar(rune);
                i += width;
            }
        }

        public void AddRawString(string text)
        {
            _word.Append(text);
            _inWord = true;
        }

        public IReadOnlyList<string> GetWords()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }
            return _words;
        }
    }

    /// <summary>One pass over one word (BuildKit's shellWord): a rune scanner over the source and the options.</summary>
    private sealed class Run(ShellLexer lexer, string source, IReadOnlyDictionary<string, string> environment, bool analyze)
    {
        // Go's text/scanner skips a byte-order mark at the very start.
        private int _position = source.StartsWith('\uFEFF') ? 1 : 0;
        private bool _rawEscapes = lexer.RawEscapes;

        private int Peek() => _position < source.Length ? GoText.RuneAt(source, _position).Rune : Eof;

        private int Next()
        {
            if (_position >= source.Length) return Eof;
            var (rune, width) = GoText.RuneAt(source, _position);
            _position += width;
            return rune;
        }

        public Output Process()
        {
            try
            {
                return ProcessStopOn(Eof, _rawEscapes);
            }
            catch (ShellLexerException e)
            {
                throw new ShellLexerException($"failed to process {GoText.Quote(source)}: {e.Message}");
            }
        }

        private Output ProcessStopOn(int stopChar, bool rawEscapes)
        {
            var output = new Output();
            var previous = _rawEscapes;
            _rawEscapes = rawEscapes;
            try
            {
                while (Peek() != Eof)
                {
                    var ch = Peek();
                    if (stopChar != Eof && ch == stopChar)
                    {
                        Next();
                        return output;
                    }
                    if (ch == '$')
                    {
                        var dollar = ProcessDollar();
                        if (!dollar.HasReferences) output.Words.AddString(dollar.Text.ToString());
                        output.AppendOutput(dollar);
                        continue;
                    }
                    if (ch == '<' || (!lexer.SkipProcessQuotes && ch is '\'' or '"'))
                    {
                        var quoted = ch switch { '<' => PossibleHeredoc(), '\'' => SingleQuote(), _ => DoubleQuote() };
                        output.Words.AddRawString(quoted.Text.ToString());
                        output.AppendOutput(quoted);
                        continue;
                    }
                    ch = Next();
                    if (ch == lexer.EscapeToken)
                    {
                        if (_rawEscapes)
                        {
                            output.Words.AddRawChar(ch);
                            GoText.AppendRune(output.Text, ch);
                        }
                        // The escape token makes the next character literal; at the end of the word it is dropped.
                        ch = Next();
                        if (ch == Eof) break;
                        output.Words.AddRawChar(ch);
                    }
                    else output.Words.AddChar(ch);
                    GoText.AppendRune(output.Text, ch);
                }
                if (stopChar != Eof)
                    throw new ShellLexerException($"unexpected end of statement while looking for matching {char.ConvertFromUtf32(stopChar)}");
                return output;
            }
            finally
            {
                _rawEscapes = previous;
            }
        }

        private Output SingleQuote()
        {
            // Everything up to the next single quote is literal; a single quote cannot be escaped inside.
            var output = new Output();
            var ch = Next();
            if (lexer.RawQuotes) GoText.AppendRune(output.Text, ch);
            while (true)
            {
                ch = Next();
                if (ch == Eof) throw new ShellLexerException("unexpected end of statement while looking for matching single-quote");
                if (ch == '\'')
                {
                    if (lexer.RawQuotes) GoText.AppendRune(output.Text, ch);
                    return output;
                }
                GoText.AppendRune(output.Text, ch);
            }
        }

        private Output DoubleQuote()
        {
            // Literal except '$' and the escape token, which escapes only '"', '$' and itself.
            var output = new Output();
            var ch = Next();
            if (lexer.RawQuotes) GoText.AppendRune(output.Text, ch);
            while (true)
            {
                switch (Peek())
                {
                    case Eof:
                        throw new ShellLexerException("unexpected end of statement while looking for matching double-quote");
                    case '"':
                        ch = Next();
                        if (lexer.RawQuotes) GoText.AppendRune(output.Text, ch);
                        return output;
                    case '$':
                        output.AppendOutput(ProcessDollar());
                        continue;
                }
                ch = Next();
                if (ch == lexer.EscapeToken)
                {
                    if (_rawEscapes) GoText.AppendRune(output.Text, ch);
                    var next = Peek();
                    if (next == Eof) continue;
                    if (next == '"' || next == '$' || next == lexer.EscapeToken) ch = Next();
                }
                GoText.AppendRune(output.Text, ch);
            }
        }

        /// <summary>
        /// Keeps <c>&lt;&lt;</c> (or <c>&lt;&lt;-</c>) and the blanks after it in one word, so <c>&lt;&lt;  EOF</c> and
        /// <c>&lt;&lt;- EOF</c> read as one heredoc word.
        /// </summary>
        private Output PossibleHeredoc()
        {
            var output = new Output();
            Next();
            if (Peek() != '<')
            {
                output.Text.Append('<');
                return output;
            }
            Next();
            output.Text.Append("<<");
            if (Peek() == '-') output.Text.Append((char)Next());
            while (Peek() is ' ' or '\t' or '\r') GoText.AppendRune(output.Text, Next());
            return output;
        }

        private static Output Literal(string text)
        {
            var output = new Output();
            output.Text.Append(text);
            return output;
        }

        /// <summary>A reference kept symbolic: a plain variable when the name is one the model can hold, else raw <c>${name}</c>.</summary>
        private static Output Reference(string name)
        {
            var output = new Output();
            output.AppendReference(VariableName.Check(name, "name") is null
                ? new ExpandablePart(name, true)
                : new ExpandablePart("${" + name + "}", false) { IsRaw = true });
            return output;
        }

        private Output ProcessDollar()
        {
            var start = _position;
            Next();
            if (Peek() != '{')
            {
                var name = ProcessName();
                if (name.Length == 0) return Literal("$");
                if (analyze) return Reference(name);
                var (value, found) = GetEnv(name);
                return Literal(!found && lexer.SkipUnsetEnv ? "$" + name : value);
            }

            Next();
            switch (Peek())
            {
                case Eof: throw new ShellLexerException("syntax error: missing '}'");
                case '{' or '}' or ':': throw new ShellLexerException("syntax error: bad substitution");
            }
            var braced = ProcessName();
            var ch = Next();
            // BuildKit reports the end of the word here as an unsupported modifier (U+FFFD); say what it is.
            if (ch == Eof) throw new ShellLexerException("syntax error: missing '}'");
            var modifier = char.ConvertFromUtf32(ch);
            var nullIsUnset = false;
            switch (ch)
            {
                case '}':
                {
                    if (analyze) return Reference(braced);
                    var (value, set) = GetEnv(braced);
                    return Literal(!set && lexer.SkipUnsetEnv ? "${" + braced + "}" : value);
                }
                case ':':
                    nullIsUnset = true;
                    ch = Next();
                    modifier += ch == Eof ? "\uFFFD" : char.ConvertFromUtf32(ch);
                    return Modifier(start, braced, ch, modifier, nullIsUnset);
                case '+' or '-' or '?' or '#' or '%':
                    return Modifier(start, braced, ch, modifier, nullIsUnset);
                case '/':
                    return Substitution(start, braced);
                default:
                    throw new ShellLexerException($"unsupported modifier ({modifier}) in substitution");
            }
        }

        private Output Modifier(int start, string name, int ch, string modifier, bool nullIsUnset)
        {
            string word;
            Output inner;
            try
            {
                inner = ProcessStopOn('}', rawEscapes: ch is '#' or '%');
            }
            catch (ShellLexerException) when (Peek() == Eof)
            {
                throw new ShellLexerException("syntax error: missing '}'");
            }
            if (analyze)
            {
                if (ch is not ('-' or '+' or '?' or '#' or '%')) throw new ShellLexerException($"unsupported modifier ({modifier}) in substitution");
                return RawExpression(start);
            }
            word = inner.Text.ToString();
            var (value, set) = GetEnv(name);
            if (lexer.SkipUnsetEnv && !set) return Literal("${" + name + modifier + word + "}");
            switch (ch)
            {
                case '-':
                    return Literal(!set || (nullIsUnset && value.Length == 0) ? word : value);
                case '+':
                    return Literal(!set || (nullIsUnset && value.Length == 0) ? "" : word);
                case '?':
                    if (!set) throw new ShellLexerException($"{name}: {(word.Length > 0 ? word : "is not allowed to be unset")}");
                    if (nullIsUnset && value.Length == 0) throw new ShellLexerException($"{name}: {(word.Length > 0 ? word : "is not allowed to be empty")}");
                    return Literal(value);
                case '%' or '#':
                    var greedy = word.Length > 0 && word[0] == ch;
                    if (greedy) word = word[1..];
                    return Literal(ch == '%' ? TrimSuffix(word, value, greedy) : TrimPrefix(word, value, greedy));
                default:
                    throw new ShellLexerException($"unsupported modifier ({modifier}) in substitution");
            }
        }

        private Output Substitution(int start, string name)
        {
            var replaceAll = Peek() == '/';
            if (replaceAll) Next();
            Output pattern, replacement;
            try
            {
                pattern = ProcessStopOn('/', rawEscapes: true);
            }
            catch (ShellLexerException) when (Peek() == Eof)
            {
                throw new ShellLexerException("syntax error: missing '/' in ${}");
            }
            try
            {
                replacement = ProcessStopOn('}', rawEscapes: true);
            }
            catch (ShellLexerException) when (Peek() == Eof)
            {
                throw new ShellLexerException("syntax error: missing '}'");
            }
            if (analyze) return RawExpression(start);
            var patternText = pattern.Text.ToString();
            var replacementText = replacement.Text.ToString();
            var (value, set) = GetEnv(name);
            if (lexer.SkipUnsetEnv && !set) return Literal("${" + name + "/" + patternText + "/" + replacementText + "}");
            var regex = ShellPattern(patternText, greedy: true, anchored: false);
            if (replaceAll) return Literal(regex.Replace(value, replacementText.Replace("$", "$$", StringComparison.Ordinal)));
            var match = regex.Match(value);
            return Literal(match.Success ? value[..match.Index] + replacementText + value[(match.Index + match.Length)..] : value);
        }

        private Output RawExpression(int start)
        {
            var output = new Output();
            output.AppendReference(new ExpandablePart(source[start.._position], false) { IsRaw = true });
            return output;
        }

        private string ProcessName()
        {
            var name = new StringBuilder();
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (name.Length == 0 && GoText.IsDigit(ch))
                {
                    while (Peek() != Eof && GoText.IsDigit(Peek())) GoText.AppendRune(name, Next());
                    return name.ToString();
                }
                if (name.Length == 0 && ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
                    return char.ConvertFromUtf32(Next());
                if (!GoText.IsLetter(ch) && !GoText.IsDigit(ch) && ch != '_') break;
                GoText.AppendRune(name, Next());
            }
            return name.ToString();
        }

        private (string Value, bool Found) GetEnv(string name) =>
            environment.TryGetValue(name, out var value) ? (value, true) : ("", false);
    }

    /// <summary>A shell wildcard pattern (<c>?</c>, <c>*</c>, backslash escapes) as a regular expression.</summary>
    private static Regex ShellPattern(string pattern, bool greedy, bool anchored)
    {
        var regex = new StringBuilder(anchored ? "^" : "");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': regex.Append(greedy ? ".*" : ".*?"); continue;
                case '?': regex.Append('.'); continue;
                case '\\':
                    // An escaped '}' or '/' belongs to the ${} syntax, not to the pattern.
                    if (i + 1 < pattern.Length && pattern[i + 1] is '}' or '/') continue;
                    if (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '?' or '\\'))
                        throw new ShellLexerException($"invalid pattern ({pattern}) in substitution: invalid escape '\\{(i + 1 < pattern.Length ? pattern[i + 1] : ' ')}'");
                    regex.Append('\\').Append(pattern[++i]);
                    continue;
            }
            regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }

    private static string TrimPrefix(string pattern, string value, bool greedy)
    {
        var match = ShellPattern(pattern, greedy, anchored: true).Match(value);
        return match.Success ? value[(match.Index + match.Length)..] : value;
    }

    private static string TrimSuffix(string pattern, string value, bool greedy)
    {
        // Shortest/longest rightmost match: reverse both and take the leftmost one (escapes stay in front of their character).
        var reversedPattern = new StringBuilder(pattern.Length);
        var runes = new List<string>();
        for (var i = 0; i < pattern.Length; i++)
            runes.Add(pattern[i] == '\\' && i + 1 < pattern.Length ? pattern.Substring(i++, 2) : pattern[i].ToString());
        for (var i = runes.Count - 1; i >= 0; i--) reversedPattern.Append(runes[i]);
        var reversedValue = new string(value.Reverse().ToArray());
        var trimmed = TrimPrefix(reversedPattern.ToString(), reversedValue, greedy);
        return new string(trimmed.Reverse().ToArray());
    }
}

/// <summary>A word BuildKit's shell lexer rejects (an unterminated quote, a bad <c>${…}</c>).</summary>
internal sealed class ShellLexerException(string message) : Exception(message);
