namespace Fluent.Docker.Build;

/// <summary>
/// The buildx driver of the builder a request runs on (<c>docker buildx ls</c> shows it), with the one engine fact that
/// changes what the <c>docker</c> driver can do: its image store. Set <see cref="BuildRequest.Driver"/> when known, so
/// validation refuses what the builder cannot do (a cache export it has no exporter for) before buildx starts.
/// </summary>
public enum BuilderDriver
{
    /// <summary>The engine's built-in BuildKit on the classic image store: exports inline cache only.</summary>
    Docker,

    /// <summary>
    /// The engine's built-in BuildKit on the containerd image store (<c>DockerEngine.UsesContainerdImageStoreAsync</c>):
    /// also exports registry, local and GitHub Actions cache.
    /// </summary>
    DockerContainerdStore,

    /// <summary>BuildKit in a container (<c>docker buildx create --driver docker-container</c>): every cache backend.</summary>
    DockerContainer,

    /// <summary>BuildKit pods in Kubernetes: every cache backend.</summary>
    Kubernetes,

    /// <summary>A BuildKit daemon reached over the network: every cache backend.</summary>
    Remote,
}
