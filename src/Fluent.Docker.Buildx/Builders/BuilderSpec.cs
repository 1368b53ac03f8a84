namespace Fluent.Docker.Build;

/// <summary>
/// A buildx builder to create (<c>docker buildx create</c>), or a node to add to one (<see cref="Append"/>): its name,
/// driver, typed driver options, nodes with their platforms, BuildKit daemon configuration and whether to boot it now.
/// Immutable; <c>With*</c> returns a new spec. <see cref="Problems"/> refuses what buildx would refuse or misread
/// (a second docker-driver builder, a remote builder without an endpoint, options of another driver) before buildx
/// runs; <see cref="BuilderArguments.Create"/> renders it and <see cref="Buildx.CreateBuilderAsync"/> runs it.
/// </summary>
public sealed record BuilderSpec
{
    /// <summary>A builder named <paramref name="name"/> on <paramref name="driver"/>; throws <see cref="DockerValueException"/> for a bad name.</summary>
    public BuilderSpec(string name, BuilderDriver driver)
    {
        Name = BuilderName.Check(name);
        Driver = driver;
    }

    /// <summary>The builder's name (<c>--name</c>): what <c>--builder</c> selects.</summary>
    public string Name { get; init; }

    /// <summary>The driver (<c>--driver</c>). The docker driver's builder comes with each docker context: it cannot be created.</summary>
    public BuilderDriver Driver { get; init; }

    /// <summary>The driver's options (<c>--driver-opt</c>), typed per driver; null keeps its defaults.</summary>
    public BuilderDriverOptions? DriverOptions { get; init; }

    /// <summary>
    /// The nodes to create, each with its endpoint and platforms (at most one per <c>docker buildx create</c> call:
    /// <see cref="Buildx.CreateBuilderAsync"/> appends the rest). Empty: one node on the current context.
    /// </summary>
    public ValueList<BuilderNode> Nodes { get; init; } = ValueList<BuilderNode>.Empty;

    /// <summary>Add <see cref="Nodes"/> to the existing builder <see cref="Name"/> (<c>--append</c>) instead of creating it.</summary>
    public bool Append { get; init; }

    /// <summary>The BuildKit daemon configuration (<c>--buildkitd-config</c>): registry mirrors, insecure registries.</summary>
    public BuildkitdConfig? BuildkitdConfig { get; init; }

    /// <summary>Boot the builder once created (<c>--bootstrap</c>): its BuildKit starts now, and a failure to start shows now.</summary>
    public bool Bootstrap { get; init; }

    /// <summary>Replaces the driver options (their driver must be <see cref="Driver"/>).</summary>
    public BuilderSpec WithDriverOptions(BuilderDriverOptions options) => this with { DriverOptions = options };

    /// <summary>Appends a node.</summary>
    public BuilderSpec WithNode(BuilderNode node) => this with { Nodes = Nodes.Append(node) };

    /// <summary>Says whether to append the nodes to an existing builder.</summary>
    public BuilderSpec WithAppend(bool append = true) => this with { Append = append };

    /// <summary>Replaces the BuildKit daemon configuration.</summary>
    public BuilderSpec WithBuildkitdConfig(BuildkitdConfig config) => this with { BuildkitdConfig = config };

    /// <summary>Says whether to boot the builder once created.</summary>
    public BuilderSpec WithBootstrap(bool bootstrap = true) => this with { Bootstrap = bootstrap };

    /// <summary>Every combination buildx would refuse or misread, each naming the slot and the fix; empty when the spec is valid.</summary>
    public IReadOnlyList<Problem> Problems()
    {
        var problems = new List<Problem>();
        void Fail(string slot, string message, string fix) =>
            problems.Add(Problem.Error(ProblemCodes.BuildRequest, new ProblemLocation { Slot = nameof(BuilderSpec) + "." + slot }, message, fix));

        if (!Enum.IsDefined(Driver))
            Fail(nameof(Driver), $"{(int)Driver} is not a builder driver.", "use BuilderDriver.DockerContainer, Remote or Kubernetes.");
        else if (Driver is BuilderDriver.Docker or BuilderDriver.DockerContainerdStore)
            Fail(nameof(Driver), Append
                    ? $"--append adds a node to a builder, and the docker driver's builder has exactly one: its context's engine."
                    : $"The docker driver's builder cannot be created: each docker context has one, named after it.",
                "to build on another engine select its docker context (--context NAME; Buildx.WithContext), or create a docker-container builder with a node on that context.");
        if (DriverOptions is { } options && options.Driver != Driver && Driver is not BuilderDriver.Docker and not BuilderDriver.DockerContainerdStore)
            Fail(nameof(DriverOptions), $"{options.GetType().Name} are options of the {BuilderArguments.DriverName(options.Driver)} driver, not of {BuilderArguments.DriverName(Driver)}.",
                $"give the {BuilderArguments.DriverName(Driver)} driver's own options record, or change the driver.");
        if (DriverOptions is KubernetesDriverOptions { Replicas: < 1 })
            Fail(nameof(DriverOptions), "Kubernetes replicas must be 1 or more.", "set Replicas to 1 or more, or leave it unset.");
        if (DriverOptions is RemoteDriverOptions remote && (remote.CertificateFile is null) != (remote.KeyFile is null))
            Fail(nameof(DriverOptions), "A client certificate needs its key, and a key its certificate.", "set both CertificateFile and KeyFile, or neither.");
        if (Driver == BuilderDriver.Remote && (Nodes.Count == 0 || Nodes.Any(n => string.IsNullOrWhiteSpace(n?.Endpoint))))
            Fail(nameof(Nodes), "A remote builder needs the address of its BuildKit daemon.", "add a node with its endpoint, e.g. new BuilderNode(\"tcp://buildkitd.example.com:1234\").");
        if (Append && Nodes.Count == 0)
            Fail(nameof(Nodes), "--append adds nodes, and none is given.", "add the node to append (its endpoint and platforms).");
        if (Append && BuildkitdConfig is not null)
            Fail(nameof(BuildkitdConfig), "An appended node gets the daemon configuration given when the builder was created; --buildkitd-config with --append would be ignored.",
                "leave BuildkitdConfig unset when appending, or create the builder again with it.");
        foreach (var node in Nodes)
        {
            if (node is null) { Fail(nameof(Nodes), "A node is null.", "remove it."); continue; }
            if (node.Endpoint is { } endpoint && (endpoint.Length == 0 || endpoint[0] == '-' || endpoint.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
                Fail(nameof(Nodes), $"'{ImageReference.Printable(endpoint)}' is not a builder endpoint.",
                    "give a docker context name (docker context ls) or an address such as unix:///var/run/docker.sock or tcp://host:1234.");
            if (node.Name is { } name && !BuilderName.IsValid(name))
                Fail(nameof(Nodes), $"'{ImageReference.Printable(name)}' is not a node name.", BuilderName.Rule);
            if (node.Platforms.Any(p => p is null)) Fail(nameof(Nodes), "A node platform is null.", "remove it.");
        }
        if (Nodes.Where(n => n?.Name is not null).GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            Fail(nameof(Nodes), $"The node name '{twice.Key}' is given {twice.Count()} times.", "give each node its own name.");
        if (BuildkitdConfig is { } config) problems.AddRange(config.Problems());
        return problems;
    }

    /// <summary>Throws <see cref="BuildRequestException"/> with every problem and its fix.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new BuildRequestException(problems);
    }

    public override string ToString() => CommandLineText.Format("docker", BuilderArguments.Render(this, BuildkitdConfig is null ? null : "<buildkitd.toml>", Nodes.Count == 0 ? null : Nodes[0]));
}

/// <summary>The rule for builder and node names (buildx's): a letter or digit, then letters, digits, '_', '.' or '-'.</summary>
internal static class BuilderName
{
    public const string Rule = "use a letter or digit, then letters, digits, '_', '.' or '-' (e.g. ci-builder).";

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    public static string Check(string? name) => IsValid(name)
        ? name!
        : throw new DockerValueException(Problem.InvalidValue(
            string.IsNullOrEmpty(name) ? "The builder name is empty." : $"'{ImageReference.Printable(name)}' is not a builder name.", Rule));
}
