namespace Fluent.Docker.Build;

/// <summary>
/// One node of a builder: where its BuildKit runs and which platforms it builds. The endpoint is a docker context name
/// (<c>lab-node2</c>) or an address (<c>unix:///var/run/docker.sock</c>, <c>tcp://10.0.0.5:1234</c>, <c>kube-pod://…</c>);
/// null uses the current context. Empty platforms let BuildKit report its own.
/// </summary>
/// <param name="Endpoint">The context name or address (the positional argument of <c>docker buildx create</c>).</param>
public sealed record BuilderNode(string? Endpoint)
{
    /// <summary>The node's name (<c>--node</c>); null lets buildx name it after the builder (<c>NAME0</c>, <c>NAME1</c>, …).</summary>
    public string? Name { get; init; }

    /// <summary>The platforms this node builds (<c>--platform</c>): a multi-node builder sends each platform to its node.</summary>
    public ValueList<Platform> Platforms { get; init; } = ValueList<Platform>.Empty;

    /// <summary>A node on the engine of docker context <paramref name="context"/>.</summary>
    public static BuilderNode OnContext(DockerContext context) => new((context ?? throw new ArgumentNullException(nameof(context))).Name);

    /// <summary>Appends platforms.</summary>
    public BuilderNode WithPlatforms(params Platform[] platforms) => this with { Platforms = Platforms.AppendRange(platforms) };

    /// <summary>Replaces the node's name.</summary>
    public BuilderNode WithName(string name) => this with { Name = name };

    public override string ToString() =>
        (Name is null ? "" : Name + " ") + (Endpoint ?? "(current context)") + (Platforms.Count > 0 ? " [" + string.Join(",", Platforms) + "]" : "");
}
