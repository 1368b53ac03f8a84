namespace Fluent.Docker.Conformance;

/// <summary>
/// Real-world Dockerfiles (tests/corpora/official and advanced): each reads into the model, emits, and reads back
/// to an equal model: <c>Parse(Emit(Parse(text))) == Parse(text)</c>.
/// </summary>
public sealed class RoundTripCorpus : ICorpus
{
    public string Name => "dockerfile-round-trip";

    /// <summary>The corpus files, relative to tests/corpora.</summary>
    public static IReadOnlyList<string> Files(string corporaRoot) =>
        [.. new[] { "official", "advanced" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(corporaRoot, folder), "*.Dockerfile"))
            .Select(path => Path.GetRelativePath(corporaRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public CorpusResult Run(string corporaRoot) =>
        CorpusResult.From(Files(corporaRoot), file => file, file => Check(File.ReadAllText(Path.Combine(corporaRoot, file))));

    /// <summary>Null when the text survives parse → emit → parse unchanged; otherwise where it differs.</summary>
    public static string? Check(string text)
    {
        var model = Dockerfile.Parse(text);
        var emitted = model.Emit();
        var again = Dockerfile.Parse(emitted);
        return again.Equals(model) ? null : ModelDifference.Describe(model, again);
    }
}

/// <summary>The first difference between two models, for failure messages.</summary>
public static class ModelDifference
{
    public static string Describe(Dockerfile expected, Dockerfile actual)
    {
        if (expected.Frontend != actual.Frontend || expected.Escape != actual.Escape || expected.Checks != actual.Checks)
            return "directives differ";
        if (!expected.GlobalArgs.Equals(actual.GlobalArgs))
            return $"global ARGs differ: {expected.GlobalArgs} vs {actual.GlobalArgs}";
        if (expected.Stages.Count != actual.Stages.Count) return $"{expected.Stages.Count} stages became {actual.Stages.Count}";
        for (var s = 0; s < expected.Stages.Count; s++)
        {
            var (a, b) = (expected.Stages[s], actual.Stages[s]);
            if (a.Name != b.Name || a.Base != b.Base || a.Platform != b.Platform) return $"stage #{s + 1} FROM differs: {a.Base} vs {b.Base}";
            if (a.Instructions.Count != b.Instructions.Count) return $"stage #{s + 1}: {a.Instructions.Count} instructions became {b.Instructions.Count}";
            for (var i = 0; i < a.Instructions.Count; i++)
                if (!a.Instructions[i].Equals(b.Instructions[i]))
                    return $"stage #{s + 1} instruction {i + 1}: {a.Instructions[i]}\n  became {b.Instructions[i]}";
        }
        return "models differ";
    }
}
