using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Fluent.Docker.Rules;

/// <summary>
/// What the RUN rules look for in shell text, and the mechanical rewrites their code fixes apply. The fixes live
/// here, beside the checks, so the analyzer can tell whether a fix applies and hand the fixed text to the code fix.
/// </summary>
internal static class RunText
{
    public const string ListCleanup = "rm -rf /var/lib/apt/lists/*";
    public const string Pipefail = "set -o pipefail";

    // apt-get options that take a value as the next word.
    private static readonly HashSet<string> AptGetOptionsWithValue = new(StringComparer.Ordinal) { "-o", "-c", "-t", "--option", "--config-file", "--target-release" };

    /// <summary>The <c>install</c> word when <paramref name="command"/> is <c>apt-get install …</c>.</summary>
    public static ShellWord? AptGetInstallWord(ShellCommand command) =>
        command.EffectiveProgram == "apt-get" ? Subcommand(command) is { Value: "install" } word ? word : null : null;

    private static ShellWord? Subcommand(ShellCommand command)
    {
        var skipValue = false;
        foreach (var word in command.Arguments)
        {
            if (skipValue)
            {
                skipValue = false;
                continue;
            }
            if (word.Value.StartsWith("-", StringComparison.Ordinal))
            {
                skipValue = AptGetOptionsWithValue.Contains(word.Value);
                continue;
            }
            return word;
        }
        return null;
    }

    public static IEnumerable<ShellCommand> AptGetInstalls(ShellScript script) => script.Commands.Where(c => AptGetInstallWord(c) is not null);

    /// <summary>-y, --yes, --assume-yes, -qq / -q=2 (which imply yes), or a short-flag cluster holding y (-qy).</summary>
    public static bool HasAssumeYes(ShellCommand command) => command.Arguments.Any(w =>
        w.Value is "-y" or "--yes" or "--assume-yes" or "-qq" or "-q=2" or "--quiet=2"
        || (w.Value.Length > 1 && w.Value[0] == '-' && w.Value[1] != '-' && w.Value.IndexOf('=') < 0 && w.Value.IndexOf('y') > 0));

    public static bool HasNoInstallRecommends(ShellCommand command) => command.Arguments.Any(w =>
        w.Value == "--no-install-recommends"
        || w.Value.IndexOf("APT::Install-Recommends=false", StringComparison.OrdinalIgnoreCase) >= 0
        || w.Value.IndexOf("APT::Install-Recommends=0", StringComparison.OrdinalIgnoreCase) >= 0);

    public static bool CleansAptLists(ShellScript script) => script.Commands.Any(c =>
        c.EffectiveProgram == "rm" && c.Arguments.Any(w => w.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)));

    /// <summary>True when a command pipes into another before any <c>set -o pipefail</c>.</summary>
    public static bool PipesWithoutPipefail(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (SetsPipefail(command)) return false;
            if (command.NextOperator == "|") return true;
        }
        return false;
    }

    private static bool SetsPipefail(ShellCommand command)
    {
        if (command.Program != "set") return false;
        var words = command.Arguments.ToList();
        for (var i = 1; i < words.Count; i++)
            if (words[i].Value == "pipefail" && words[i - 1].Value.StartsWith("-", StringComparison.Ordinal) && words[i - 1].Value.IndexOf('o') > 0)
                return true;
        return false;
    }

    // ---- fixes (each returns null when it does not apply mechanically)

    /// <summary>Inserts <paramref name="flag"/> after every <c>install</c> of an apt-get command that lacks it.</summary>
    public static string? InsertAfterAptGetInstall(ShellScript script, Func<ShellCommand, bool> lacksFlag, string flag)
    {
        var positions = script.Commands.Where(c => lacksFlag(c) && AptGetInstallWord(c) is { IsQuoted: false })
            .Select(c => AptGetInstallWord(c)!.End).ToList();
        if (positions.Count == 0) return null;
        var text = new StringBuilder(script.Text);
        foreach (var position in positions.OrderByDescending(p => p)) text.Insert(position, " " + flag);
        return text.ToString();
    }

    /// <summary>Replaces the program word <c>apt</c> with <c>apt-get</c>.</summary>
    public static string? ReplaceAptWithAptGet(ShellScript script)
    {
        var words = script.Commands.Where(c => c.EffectiveProgram == "apt").Select(c => c.Words[c.EffectiveProgramIndex]).Where(w => !w.IsQuoted).ToList();
        if (words.Count == 0) return null;
        var text = new StringBuilder(script.Text);
        foreach (var word in words.OrderByDescending(w => w.Start)) text.Remove(word.Start, word.End - word.Start).Insert(word.Start, "apt-get");
        return text.ToString();
    }

    /// <summary>Appends <c>&amp;&amp; rm -rf /var/lib/apt/lists/*</c>; not when a comment or a trailing operator would swallow it.</summary>
    public static string? AppendListCleanup(ShellScript script)
    {
        if (script.HasComment || script.Commands.Count == 0 || script.Commands[script.Commands.Count - 1].NextOperator.Length > 0) return null;
        return script.Text.TrimEnd() + " && " + ListCleanup;
    }

    /// <summary>Prepends <c>set -o pipefail &amp;&amp;</c>.</summary>
    public static string PrependPipefail(ShellScript script) => Pipefail + " && " + script.Text.TrimStart();

    /// <summary>
    /// For <c>cd /abs/dir &amp;&amp; rest</c>: the directory and the rest, so the RUN becomes <c>Workdir(dir).Run(rest)</c>.
    /// Only an absolute, literal directory (no variables, globs or ~) is moved.
    /// </summary>
    private static readonly char[] NonLiteralDirectoryCharacters = { '$', '*', '?', '~', '`', '[' };
    private static readonly char[] WordSeparators = { ' ', '\t' };

    public static (string Directory, string Remainder)? SplitLeadingCd(ShellScript script)
    {
        if (script.Commands.Count < 2) return null;
        var first = script.Commands[0];
        if (first.ProgramIndex != 0 || first.Program != "cd" || first.Words.Count != 2 || first.NextOperator != "&&") return null;
        var directory = first.Words[1].Value;
        if (!directory.StartsWith("/", StringComparison.Ordinal) || directory.IndexOfAny(NonLiteralDirectoryCharacters) >= 0) return null;
        var rest = script.Text.Substring(script.Commands[1].Start).TrimEnd();
        return rest.Length == 0 ? null : (directory, rest);
    }

    /// <summary>
    /// The words of a shell-form command that means the same in exec form: plain words only (no quotes, variables,
    /// globs, operators, escapes); otherwise null.
    /// </summary>
    public static IReadOnlyList<string>? ExecFormWords(string command)
    {
        const string special = "$|&;<>()`\"'*?~#\\{}[]!\n\r";
        if (command.IndexOfAny(special.ToCharArray()) >= 0) return null;
        var words = command.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : words;
    }
}
