namespace Fluent.Docker.Linting;

/// <summary>"Did you mean …?": the closest known name within a couple of typing mistakes, as BuildKit suggests one.</summary>
internal static class NameSuggestion
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="name"/>, or null when none is close.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        var allowed = name.Length >= 3 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (candidate == name) continue;
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary><c> (did you mean X?)</c>, or empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known, string prefix = "") =>
        Closest(name, known) is { } match ? $" (did you mean {prefix}{match}?)" : "";

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
