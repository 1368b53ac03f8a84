using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Codecs;

/// <summary>
/// The reader no longer emits and re-reads each instruction at run time: that a typed, valid instruction reads back
/// equal is the codecs' round-trip property, proven here on every Dockerfile of every corpus (real-world, BuildKit's
/// parser and lint test files) and by the emit/parse fuzzer (EmitParseFuzzTests).
/// </summary>
public class CorpusRoundTripTests
{
    [Fact]
    public void Every_corpus_Dockerfile_the_reader_accepts_reads_back_equal_after_emitting()
    {
        var corpora = Path.Combine(RepositoryLayout.Root, "tests", "corpora");
        var files = Directory.EnumerateFiles(corpora, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith(".Dockerfile", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var (read, typed, failures) = (0, 0, new List<string>());

        foreach (var file in files)
        {
            Dockerfile model;
            try
            {
                model = Dockerfile.Parse(File.ReadAllText(file));
            }
            catch (Fluent.Docker.Parsing.DockerfileParseException)
            {
                continue; // BuildKit rejects it too: nothing to round-trip
            }
            read++;
            typed += model.Stages.SelectMany(s => s.Instructions).Count(i => i is not RawInstruction);
            var again = Dockerfile.Parse(model.Emit());
            if (!again.Equals(model)) failures.Add($"{Path.GetRelativePath(corpora, file)}: {Fluent.Docker.Conformance.ModelDifference.Describe(model, again)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(read > 100 && typed > 1000, $"only {read} files read, {typed} typed instructions");
    }
}
