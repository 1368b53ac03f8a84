namespace Fluent.Docker.Build;

/// <summary>
/// The pure half of the builder commands (the Cake way): a <see cref="BuilderSpec"/> to the argument arrays of
/// <c>docker buildx create</c>, and the arguments of <c>ls</c> and <c>rm</c>. No I/O; <see cref="Buildx"/> runs them.
/// One row per <c>create</c> flag: the flag, the spec property behind it, and how it renders.
/// </summary>
public static class BuilderArguments
{
    /// <param name="Flag">The flag as rendered (the endpoint is positional).</param>
    /// <param name="Option">The <see cref="BuilderSpec"/> or <see cref="BuilderNode"/> property that renders it.</param>
    /// <param name="Render">The flag and its value for the spec, the node of this call and the daemon configuration file; nothing when unset.</param>
    internal sealed record Row(string Flag, string Option, Func<BuilderSpec, BuilderNode?, string?, IEnumerable<string>> Render);

    internal static IReadOnlyList<Row> Rows { get; } =
    [
        new("--name", nameof(BuilderSpec.Name), (spec, _, _) => ["--name", spec.Name]),
        new("--driver", nameof(BuilderSpec.Driver), (spec, _, _) => spec.Append ? [] : ["--driver", DriverName(spec.Driver)]),
        new("--driver-opt", nameof(BuilderSpec.DriverOptions), (spec, _, _) => spec.Append || spec.DriverOptions is null ? []
            : spec.DriverOptions.Values().SelectMany(pair => new[] { "--driver-opt", CsvFields.Join($"{pair.Key}={pair.Value}") })),
        new("--node", nameof(BuilderNode.Name), (_, node, _) => node?.Name is { } name ? ["--node", name] : []),
        new("--platform", nameof(BuilderNode.Platforms), (_, node, _) => node is { Platforms.Count: > 0 } ? ["--platform", string.Join(",", node.Platforms)] : []),
        new("--buildkitd-config", nameof(BuilderSpec.BuildkitdConfig), (_, _, config) => config is null ? [] : ["--buildkitd-config", config]),
        new("--append", nameof(BuilderSpec.Append), (spec, _, _) => spec.Append ? ["--append"] : []),
        new("--bootstrap", nameof(BuilderSpec.Bootstrap), (spec, _, _) => spec.Bootstrap ? ["--bootstrap"] : []),
        new("ENDPOINT", nameof(BuilderNode.Endpoint), (_, node, _) => node?.Endpoint is { } endpoint ? [endpoint] : []),
    ];

    /// <summary>
    /// Validates <paramref name="spec"/> and returns one <c>buildx create</c> per node (one call when it has none):
    /// the first creates the builder (or appends, with <see cref="BuilderSpec.Append"/>), each further one appends its
    /// node. <paramref name="buildkitdConfigPath"/> is the written <see cref="BuilderSpec.BuildkitdConfig"/> file.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Create(BuilderSpec spec, string? buildkitdConfigPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.BuildkitdConfig is not null && string.IsNullOrWhiteSpace(buildkitdConfigPath))
            throw new ArgumentException("The spec has a BuildKit daemon configuration: give the path of the file written from it.", nameof(buildkitdConfigPath));
        if (spec.Nodes.Count <= 1) return [Render(spec, buildkitdConfigPath, spec.Nodes.Count == 0 ? null : spec.Nodes[0])];
        // buildx creates one node per call: the first call creates the builder, the others append to it (booting once, at the end).
        var calls = new List<IReadOnlyList<string>>();
        for (var i = 0; i < spec.Nodes.Count; i++)
        {
            var call = i == 0 ? spec with { Bootstrap = false } : spec with { Append = true, BuildkitdConfig = null, Bootstrap = spec.Bootstrap && i == spec.Nodes.Count - 1 };
            calls.Add(Render(call, i == 0 ? buildkitdConfigPath : null, spec.Nodes[i]));
        }
        return calls;
    }

    internal static IReadOnlyList<string> Render(BuilderSpec spec, string? buildkitdConfigPath, BuilderNode? node) =>
        ["buildx", "create", .. Rows.SelectMany(row => row.Render(spec, node, buildkitdConfigPath))];

    /// <summary><c>buildx ls --format json</c>: one JSON object per builder and line.</summary>
    public static IReadOnlyList<string> List() => ["buildx", "ls", "--format", "json"];

    /// <summary><c>buildx inspect [--bootstrap] NAME</c>.</summary>
    public static IReadOnlyList<string> Inspect(string name, bool bootstrap = false) =>
        ["buildx", "inspect", .. bootstrap ? new[] { "--bootstrap" } : [], BuilderName.Check(name)];

    /// <summary><c>buildx rm NAME</c> (its BuildKit state goes with it).</summary>
    public static IReadOnlyList<string> Remove(string name) => ["buildx", "rm", BuilderName.Check(name)];

    /// <summary>The driver as buildx names it (<c>docker</c>, <c>docker-container</c>, <c>kubernetes</c>, <c>remote</c>).</summary>
    public static string DriverName(BuilderDriver driver) => driver switch
    {
        BuilderDriver.Docker or BuilderDriver.DockerContainerdStore => "docker",
        BuilderDriver.DockerContainer => "docker-container",
        BuilderDriver.Kubernetes => "kubernetes",
        BuilderDriver.Remote => "remote",
        _ => throw new ArgumentOutOfRangeException(nameof(driver), driver, "Unknown builder driver."),
    };

    /// <summary>The driver buildx names <paramref name="name"/>; null for one this library does not know.</summary>
    public static BuilderDriver? ParseDriver(string? name) => name switch
    {
        "docker" => BuilderDriver.Docker,
        "docker-container" => BuilderDriver.DockerContainer,
        "kubernetes" => BuilderDriver.Kubernetes,
        "remote" => BuilderDriver.Remote,
        _ => null,
    };
}
