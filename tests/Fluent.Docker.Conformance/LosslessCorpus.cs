using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance;

/// <summary>
/// Every corpus Dockerfile (tests/corpora/official, advanced, and BuildKit's parser testfiles) read into the model and
/// emitted unchanged is the same text, byte for byte: comments, blank lines, continuations and their indentation,
/// keyword casing, quoting, legacy forms, flag order, heredoc delimiters, directives, line endings and the end of file.
/// <para>
/// A BuildKit testfile the model refuses (no FROM, an instruction before it, malformed JSON BuildKit reads as shell
/// form into a model value the emitter would refuse) is checked one level down: its syntax tree's text pieces
/// (directives, each node's leading lines and own lines, the rest) put together are the file.
/// </para>
/// </summary>
public sealed class LosslessCorpus : ICorpus
{
    public string Name => "dockerfile-lossless";

    /// <summary>The corpus files, relative to tests/corpora.</summary>
    public static IReadOnlyList<string> Files(string corporaRoot) =>
        [.. RoundTripCorpus.Files(corporaRoot),
            .. Directory.GetDirectories(Path.Combine(corporaRoot, "buildkit-parser", "testfiles"))
                .Select(directory => Path.GetRelativePath(corporaRoot, Path.Combine(directory, "Dockerfile")).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)];

    public CorpusResult Run(string corporaRoot) =>
        CorpusResult.From(Files(corporaRoot), file => file, file => Check(File.ReadAllText(Path.Combine(corporaRoot, file)), syntaxOnlyAllowed: IsBuildKitTestfile(file)));

    /// <summary>BuildKit's parser testfiles: some are not Dockerfiles the model reads (see the class remarks).</summary>
    public static bool IsBuildKitTestfile(string file) => file.StartsWith("buildkit-parser/", StringComparison.Ordinal);

    /// <summary>
    /// Null when the model emits the text back unchanged; otherwise the first line that differs. With
    /// <paramref name="syntaxOnlyAllowed"/>, a text the model refuses is checked on its syntax tree instead.
    /// </summary>
    public static string? Check(string text, bool syntaxOnlyAllowed = false)
    {
        string emitted;
        try
        {
            emitted = Dockerfile.Parse(text).Emit();
        }
        catch (DockerfileParseException) when (syntaxOnlyAllowed)
        {
            emitted = SyntaxPieces(DockerfileSyntaxTree.Parse(text));
        }
        return emitted == text ? null : FirstDifference(text, emitted);
    }

    /// <summary>The syntax tree's text put together again.</summary>
    private static string SyntaxPieces(DockerfileSyntaxTree tree) =>
        (tree.HasByteOrderMark ? "\uFEFF" : "") + tree.Text[..tree.HeaderEnd]
        + string.Concat(tree.Instructions.Select(node => node.LeadingText(tree) + node.OwnText(tree))) + tree.Trailer;

    internal static string FirstDifference(string expected, string actual)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (x, y) = (i < a.Length ? a[i] : "<end>", i < b.Length ? b[i] : "<end>");
            if (x != y) return $"line {i + 1}: expected '{x}', emitted '{y}'";
        }
        return "differs";
    }
}
