using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance;

/// <summary>
/// BuildKit's shell-lexer vectors (tests/corpora/buildkit-shell), read as lex_test.go reads them: every Unix row of
/// <c>envVarTest</c> (ProcessWord with PWD, SHELL, KOREAN and an empty NULL) and every row of <c>wordsTest</c>
/// (ProcessWords, <c>ENV</c> lines adding to the environment). <c>error</c> means the word must be rejected.
/// </summary>
public sealed class BuildKitShellCorpus : ICorpus
{
    public string Name => "buildkit-shell";

    public CorpusResult Run(string corporaRoot)
    {
        var root = Path.Combine(corporaRoot, "buildkit-shell");
        var cases = EnvVarCases(Path.Combine(root, "envVarTest")).Concat(WordsCases(Path.Combine(root, "wordsTest")));
        return CorpusResult.From(cases, c => c.Name, c => c.Check());
    }

    private static IEnumerable<(string Name, Func<string?> Check)> EnvVarCases(string path)
    {
        var environment = new Dictionary<string, string> { ["PWD"] = "/home", ["SHELL"] = "bash", ["KOREAN"] = "한국어", ["NULL"] = "" };
        var lexer = new ShellLexer('\\');
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var fields = line.Split('|');
            if (fields.Length != 3) throw new FormatException($"envVarTest:{number}: expected PLATFORM|input|expected");
            var platform = fields[0].Trim();
            if (platform is not ("A" or "U")) continue; // Windows-only rows
            var source = fields[1].Trim();
            var expected = fields[2].Trim();
            yield return ($"envVarTest:{number} {source}", () =>
            {
                string actual;
                try { actual = lexer.ProcessWord(source, environment); }
                catch (ShellLexerException e) { return expected == "error" ? null : $"error '{e.Message}', expected '{expected}'"; }
                return expected == "error" ? $"gave '{actual}', expected an error"
                    : actual == expected ? null : $"gave '{actual}', expected '{expected}'";
            });
        }
    }

    private static IEnumerable<(string Name, Func<string?> Check)> WordsCases(string path)
    {
        var environment = new Dictionary<string, string>();
        var lexer = new ShellLexer('\\');
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.StartsWith('#')) continue;
            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                var assignment = line[3..].TrimStart(' ');
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                environment[equals < 0 ? assignment : assignment[..equals]] = equals < 0 ? "" : assignment[(equals + 1)..];
                continue;
            }
            var fields = line.Split('|');
            if (fields.Length != 2) throw new FormatException($"wordsTest:{number}: expected input|words");
            var source = fields[0].Trim();
            var expected = fields[1].TrimStart(' ').Split(',');
            var snapshot = new Dictionary<string, string>(environment);
            yield return ($"wordsTest:{number} {source}", () =>
            {
                IReadOnlyList<string> actual;
                try { actual = lexer.ProcessWords(source, snapshot); }
                catch (ShellLexerException) { actual = ["error"]; }
                return actual.SequenceEqual(expected) ? null : $"gave [{string.Join("|", actual)}], expected [{string.Join("|", expected)}]";
            });
        }
    }
}
