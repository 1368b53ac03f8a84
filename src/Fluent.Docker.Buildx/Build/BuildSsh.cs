namespace Fluent.Docker.Build;

/// <summary>
/// SSH access handed to the build (<c>--ssh</c>) for <c>RUN --mount=type=ssh</c>: an agent socket or key file, named by
/// reference only. Key material never reaches the command line or a log; buildx reads it itself.
/// </summary>
public sealed record BuildSsh
{
    private BuildSsh(string id, string? path, string? agentVariable)
    {
        Id = id;
        Path = path;
        AgentVariable = agentVariable;
    }

    /// <summary>The id the Dockerfile's <c>--mount=type=ssh,id=…</c> names (<c>default</c> when it names none).</summary>
    public string Id { get; }

    /// <summary>A key file or agent socket path, or null when the agent comes from <see cref="AgentVariable"/>.</summary>
    public string? Path { get; }

    /// <summary>The environment variable holding the agent socket (buildx reads <c>SSH_AUTH_SOCK</c>).</summary>
    public string? AgentVariable { get; }

    /// <summary>The SSH agent whose socket the environment variable <paramref name="variable"/> names.</summary>
    public static BuildSsh FromAgent(string id = "default", string variable = "SSH_AUTH_SOCK") => new(id ?? "", null, variable ?? "");

    /// <summary>A private key file or an agent socket at <paramref name="path"/>.</summary>
    public static BuildSsh FromFile(string id, string path) => new(id ?? "", path ?? "", null);

    public override string ToString() => Path is null ? $"ssh {Id} from agent ${AgentVariable}" : $"ssh {Id} from file {Path}";
}
