using System.Collections.Immutable;

using System.Text;

namespace Fluent.Docker.Build;

/// <summary>
/// The BuildKit daemon configuration of a builder (<c>buildkitd.toml</c>, <c>docker buildx create --buildkitd-config</c>):
/// registry mirrors and registries reached over plain HTTP or with an unverified certificate. <see cref="ToToml"/> is
/// the file <see cref="Buildx.CreateBuilderAsync"/> writes (atomically, to a temporary file) and passes to buildx, which
/// keeps a copy with the builder. Only builders that run their own BuildKit read it (not the docker driver).
/// </summary>
public sealed record BuildkitdConfig
{
    public static BuildkitdConfig Empty { get; } = new();

    /// <summary>Mirrors per registry host, tried in order before the registry itself (e.g. <c>docker.io</c> → <c>mirror.example.com</c>).</summary>
    public ImmutableSortedDictionary<string, ValueList<string>> Mirrors { get; init; } = ImmutableSortedDictionary.Create<string, ValueList<string>>(StringComparer.Ordinal);

    /// <summary>Registry hosts BuildKit reaches over plain HTTP, or over HTTPS without verifying the certificate (<c>http = true</c>, <c>insecure = true</c>).</summary>
    public ValueList<string> InsecureRegistries { get; init; } = ValueList<string>.Empty;

    /// <summary>Appends a mirror of <paramref name="registry"/> (mirrors are tried in the order added).</summary>
    public BuildkitdConfig WithMirror(string registry, string mirror) =>
        this with { Mirrors = Mirrors.SetItem(registry, (Mirrors.TryGetValue(registry, out var mirrors) ? mirrors : ValueList<string>.Empty).Append(mirror)) };

    /// <summary>Appends a registry reached over plain HTTP or an unverified certificate (a lab or in-cluster registry).</summary>
    public BuildkitdConfig WithInsecureRegistry(string registry) =>
        InsecureRegistries.Contains(registry) ? this : this with { InsecureRegistries = InsecureRegistries.Append(registry) };

    /// <summary>Every host that is not <c>host[:port]</c> (a scheme or path given), as problems naming the slot and the fix.</summary>
    public IReadOnlyList<Problem> Problems()
    {
        var problems = new List<Problem>();
        foreach (var (registry, mirrors) in Mirrors)
        {
            Check(problems, "BuildkitdConfig.Mirrors", registry);
            if (mirrors.Count == 0) problems.Add(Problem.Error(ProblemCodes.BuildRequest, new ProblemLocation { Slot = "BuildkitdConfig.Mirrors" },
                $"The registry {registry} has no mirror listed.", "give at least one mirror host, or leave the registry out."));
            foreach (var mirror in mirrors) Check(problems, "BuildkitdConfig.Mirrors", mirror);
        }
        foreach (var registry in InsecureRegistries) Check(problems, "BuildkitdConfig.InsecureRegistries", registry);
        return problems;
    }

    private static void Check(List<Problem> problems, string slot, string? host)
    {
        if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Contains('/') || host.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\' || char.IsControl(c)))
            problems.Add(Problem.Error(ProblemCodes.BuildRequest, new ProblemLocation { Slot = slot },
                $"'{ImageReference.Printable(host ?? "")}' is not a registry host.", "give host[:port] only, e.g. mirror.example.com or 127.0.0.1:5000 (no scheme, no path)."));
    }

    /// <summary>The buildkitd.toml text: one <c>[registry."HOST"]</c> table per host, hosts in name order.</summary>
    public string ToToml()
    {
        var hosts = Mirrors.Keys.Concat(InsecureRegistries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var toml = new StringBuilder("# Written by Fluent.Docker (BuildkitdConfig).\n");
        foreach (var host in hosts)
        {
            toml.Append("\n[registry.\"").Append(host).Append("\"]\n");
            if (Mirrors.TryGetValue(host, out var mirrors))
                toml.Append("  mirrors = [").Append(string.Join(", ", mirrors.Select(m => $"\"{m}\""))).Append("]\n");
            if (InsecureRegistries.Contains(host)) toml.Append("  http = true\n  insecure = true\n");
        }
        return toml.ToString();
    }
}
