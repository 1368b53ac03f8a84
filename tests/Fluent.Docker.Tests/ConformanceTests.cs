using Fluent.Docker.Conformance;

namespace Fluent.Docker.Tests;

/// <summary>Every peer corpus passes completely (the same runs ./build.sh --target=Conformance prints).</summary>
public class ConformanceTests
{
    public static TheoryData<string> CorpusNames => new(Corpora.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Corpus_passes_completely(string name)
    {
        var corpus = Corpora.All.Single(c => c.Name == name);

        var result = corpus.Run(Corpora.FindRoot());

        Assert.True(result.Complete, $"{name}: {result.Passed}/{result.Total}\n" + string.Join("\n", result.Failures.Take(20)));
    }
}
