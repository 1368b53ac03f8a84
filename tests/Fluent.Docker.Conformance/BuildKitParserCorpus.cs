using System.Text.Json;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance;

/// <summary>
/// BuildKit's parser suite (tests/corpora/buildkit-parser): every positive case's AST dump equals its <c>result</c>
/// file byte for byte; every negative case fails with a located reason; the line-number case; the heredoc vectors
/// (TestParseExtractsHeredoc, TestParseJSONHeredoc, ParseHeredoc, heredocsFromLine, ChompHeredocContent).
/// </summary>
public sealed class BuildKitParserCorpus : ICorpus
{
    public string Name => "buildkit-parser";

    public CorpusResult Run(string corporaRoot)
    {
        var root = Path.Combine(corporaRoot, "buildkit-parser");
        var cases = new List<(string Name, Func<string?> Check)>();

        foreach (var directory in Directory.GetDirectories(Path.Combine(root, "testfiles")).Order(StringComparer.Ordinal))
            cases.Add(("testfiles/" + Path.GetFileName(directory), () => CheckDump(directory)));
        foreach (var directory in Directory.GetDirectories(Path.Combine(root, "testfiles-negative")).Order(StringComparer.Ordinal))
            cases.Add(("testfiles-negative/" + Path.GetFileName(directory), () => CheckFails(directory)));
        cases.Add(("testfile-line", () => CheckLines(Path.Combine(root, "testfile-line", "Dockerfile"))));
        cases.AddRange(HeredocCases(Path.Combine(root, "heredoc")));

        return CorpusResult.From(cases, c => c.Name, c => c.Check());
    }

    private static string? CheckDump(string directory)
    {
        var expected = File.ReadAllText(Path.Combine(directory, "result")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = DockerfileSyntaxTree.Parse(File.ReadAllText(Path.Combine(directory, "Dockerfile"))).Dump() + "\n";
        return actual == expected ? null : $"dump differs:\n--- expected\n{expected}--- actual\n{actual}";
    }

    private static string? CheckFails(string directory)
    {
        try
        {
            var tree = DockerfileSyntaxTree.Parse(File.ReadAllText(Path.Combine(directory, "Dockerfile")));
            return "parsed, but BuildKit rejects it:\n" + tree.Dump();
        }
        catch (DockerfileParseException e)
        {
            return e.Line >= 1 && e.Column >= 1 && e.Reason.Length > 0 && e.Message.StartsWith($"{e.Line}:{e.Column}: ", StringComparison.Ordinal)
                ? null
                : $"error without a location or reason: '{e.Message}'";
        }
    }

    private static string? CheckLines(string path)
    {
        var tree = DockerfileSyntaxTree.Parse(File.ReadAllText(path));
        var lines = tree.Instructions.Select(i => (i.StartLine, i.EndLine)).ToList();
        (int, int)[] expected = [(5, 5), (11, 12), (17, 31)];
        if (tree.StartLine != 5 || tree.EndLine != 31) return $"file spans {tree.StartLine}-{tree.EndLine}, expected 5-31";
        return lines.SequenceEqual(expected) ? null : "instruction lines " + string.Join(", ", lines) + ", expected " + string.Join(", ", expected);
    }

    private static IEnumerable<(string, Func<string?>)> HeredocCases(string directory)
    {
        var dockerfile = File.ReadAllText(Path.Combine(directory, "TestParseExtractsHeredoc.Dockerfile"));
        using var expectedJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "TestParseExtractsHeredoc.expected.json")));
        var expectedAll = expectedJson.RootElement.GetProperty("expected").EnumerateArray().Select(e => e.Clone()).ToList();
        var tree = new Lazy<DockerfileSyntaxTree>(() => DockerfileSyntaxTree.Parse(dockerfile));
        for (var i = 0; i < expectedAll.Count; i++)
        {
            var index = i;
            yield return ($"heredoc/TestParseExtractsHeredoc[{index}]", () => CheckHeredocs(tree.Value.Instructions[index + 1], expectedAll[index]));
        }

        using var helpers = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "heredoc-helpers.json")));
        var root = helpers.RootElement.Clone();
        foreach (var word in root.GetProperty("valid(name==EOF)").EnumerateArray().Select(e => e.GetString()!))
            yield return ($"heredoc/ParseHeredoc valid {word}", () => DockerfileSyntaxParser.ParseHeredoc(word)?.Name == "EOF" ? null : "not read as heredoc EOF");
        foreach (var word in root.GetProperty("invalid(error)").EnumerateArray().Select(e => e.GetString()!))
            yield return ($"heredoc/ParseHeredoc invalid {word}", () => Throws(() => DockerfileSyntaxParser.ParseHeredoc(word)) ? null : "no error");
        foreach (var word in root.GetProperty("notHeredoc(nil,no error)").EnumerateArray().Select(e => e.GetString()!))
            yield return ($"heredoc/ParseHeredoc not {word}", () => DockerfileSyntaxParser.ParseHeredoc(word) is null ? null : "read as a heredoc");
        foreach (var vector in root.GetProperty("heredocsFromLine").EnumerateArray())
        {
            var line = vector.GetProperty("line").GetString()!;
            var names = vector.GetProperty("heredocNames").ValueKind == JsonValueKind.Null
                ? []
                : vector.GetProperty("heredocNames").EnumerateArray().Select(e => e.GetString()!).ToList();
            yield return ($"heredoc/heredocsFromLine {line}", () =>
            {
                var found = DockerfileSyntaxParser.HeredocsFromLine(line).Select(h => h.Name).ToList();
                return found.SequenceEqual(names) ? null : $"found [{string.Join(", ", found)}], expected [{string.Join(", ", names)}]";
            });
        }
        foreach (var vector in root.GetProperty("ChompHeredocContent").EnumerateArray())
        {
            var input = vector.GetProperty("in").GetString()!;
            var output = vector.GetProperty("out").GetString()!;
            yield return ("heredoc/ChompHeredocContent", () => DockerfileSyntaxParser.ChompTabs(input) == output ? null : "chomped differently");
        }
        var json = root.GetProperty("TestParseJSONHeredoc").GetProperty("dockerfile").GetString()!;
        yield return ("heredoc/TestParseJSONHeredoc", () =>
            DockerfileSyntaxTree.Parse(json).Instructions.Skip(1).All(i => i.Heredocs.Count == 0) ? null : "an exec-form RUN got a heredoc");
    }

    private static string? CheckHeredocs(InstructionNode node, JsonElement expected)
    {
        if (expected.ValueKind == JsonValueKind.Null)
            return node.Heredocs.Count == 0 ? null : $"{node.Original}: expected no heredocs, got {node.Heredocs.Count}";
        var want = expected.EnumerateArray().Select(e => new Heredoc(
            e.GetProperty("Name").GetString()!,
            e.GetProperty("Content").GetString()!,
            e.TryGetProperty("Expand", out var expand) && expand.GetBoolean(),
            e.TryGetProperty("Chomp", out var chomp) && chomp.GetBoolean(),
            e.TryGetProperty("FileDescriptor", out var fd) ? fd.GetInt32() : 0)).ToList();
        return node.Heredocs.SequenceEqual(want) ? null
            : $"{node.Original}: got [{string.Join(", ", node.Heredocs)}], expected [{string.Join(", ", want)}]";
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (Exception e) when (e is DockerfileParseException or ShellLexerException)
        {
            return true;
        }
    }
}
