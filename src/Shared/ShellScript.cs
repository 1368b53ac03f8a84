using System;
using System.Collections.Generic;
using System.Text;

namespace Fluent.Docker.Rules;

/// <summary>One word of a shell command: its value with quotes removed and where its raw text sits.</summary>
internal sealed class ShellWord
{
    public ShellWord(string value, int start, int end, bool quoted)
    {
        Value = value;
        Start = start;
        End = end;
        IsQuoted = quoted;
    }

    public string Value { get; }
    public int Start { get; }
    public int End { get; }
    public bool IsQuoted { get; }

    public bool IsAssignment => !IsQuoted && Value.IndexOf('=') > 0 && IsName(Value.Substring(0, Value.IndexOf('=')));

    private static bool IsName(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_')) return false;
        foreach (var c in text) if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}

/// <summary>A simple command (<c>apt-get install -y curl</c>) and the operator after it (<c>&amp;&amp;</c>, <c>|</c>, …).</summary>
internal sealed class ShellCommand
{
    public ShellCommand(IReadOnlyList<ShellWord> words, string nextOperator)
    {
        Words = words;
        NextOperator = nextOperator;
        var index = 0;
        while (index < words.Count && words[index].IsAssignment) index++;
        ProgramIndex = index;
    }

    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary><c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>|</c>, <c>&amp;</c>, a line break, a parenthesis, or empty at the end.</summary>
    public string NextOperator { get; }

    /// <summary>Index of the program word (after <c>NAME=value</c> prefixes); equals the word count when there is none.</summary>
    public int ProgramIndex { get; }

    public ShellWord? ProgramWord => ProgramIndex < Words.Count ? Words[ProgramIndex] : null;
    public string? Program => ProgramWord?.Value;

    public int Start => Words[0].Start;

    /// <summary>The program run, looking through <c>sudo</c> (and its flags): <c>sudo apt install</c> runs apt.</summary>
    public int EffectiveProgramIndex
    {
        get
        {
            var index = ProgramIndex;
            if (Program == "sudo")
            {
                index++;
                while (index < Words.Count && Words[index].Value.StartsWith("-", StringComparison.Ordinal)) index++;
            }
            return index;
        }
    }

    public string? EffectiveProgram => EffectiveProgramIndex < Words.Count ? Words[EffectiveProgramIndex].Value : null;

    /// <summary>The words after the effective program.</summary>
    public IEnumerable<ShellWord> Arguments
    {
        get
        {
            for (var i = EffectiveProgramIndex + 1; i < Words.Count; i++) yield return Words[i];
        }
    }
}

/// <summary>
/// A light reading of the shell text of a RUN: simple commands split at operators, words with quotes removed,
/// comments dropped. Not a shell: enough to see which programs run with which arguments, and where.
/// </summary>
internal sealed class ShellScript
{
    private ShellScript(string text, IReadOnlyList<ShellCommand> commands)
    {
        Text = text;
        Commands = commands;
    }

    public string Text { get; }
    public IReadOnlyList<ShellCommand> Commands { get; }

    public bool HasComment { get; private set; }

    public static ShellScript Parse(string text)
    {
        var commands = new List<ShellCommand>();
        var words = new List<ShellWord>();
        var hasComment = false;
        var i = 0;

        void EndCommand(string op)
        {
            if (words.Count > 0) commands.Add(new ShellCommand(words.ToArray(), op));
            words.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ' || c == '\t' || c == '\r')
            {
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 2;
                continue;
            }
            if (c == '#')
            {
                hasComment = true;
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            var op = Operator(text, i);
            if (op is not null)
            {
                EndCommand(op);
                i += op.Length;
                continue;
            }
            i = ReadWord(text, i, words);
        }
        EndCommand("");
        return new ShellScript(text, commands) { HasComment = hasComment };
    }

    private static string? Operator(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '&': return next == '&' ? "&&" : "&";
            case '|': return next == '|' ? "||" : "|";
            case ';': return ";";
            case '\n': return "\n";
            case '(': return "(";
            case ')': return ")";
            default: return null;
        }
    }

    private static int ReadWord(string text, int start, List<ShellWord> words)
    {
        var value = new StringBuilder();
        var quoted = false;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ' ' || c == '\t' || c == '\r' || Operator(text, i) is not null) break;
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] != '\n') value.Append(text[i + 1]);
                i += 2;
            }
            else if (c == '\'')
            {
                quoted = true;
                var close = text.IndexOf('\'', i + 1);
                if (close < 0) close = text.Length;
                value.Append(text, i + 1, close - i - 1);
                i = Math.Min(close + 1, text.Length);
            }
            else if (c == '"')
            {
                quoted = true;
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    value.Append(text[i]);
                    i++;
                }
                i = Math.Min(i + 1, text.Length);
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '(')
            {
                // A command substitution stays inside this word, however many operators it holds.
                var depth = 1;
                var from = i;
                i += 2;
                while (i < text.Length && depth > 0)
                {
                    if (text[i] == '(') depth++;
                    else if (text[i] == ')') depth--;
                    i++;
                }
                value.Append(text, from, i - from);
            }
            else
            {
                value.Append(c);
                i++;
            }
        }
        words.Add(new ShellWord(value.ToString(), start, i, quoted));
        return i;
    }
}
