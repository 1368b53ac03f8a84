namespace Fluent.Docker.Build;

/// <summary>The SLSA provenance attestation buildx attaches (<c>--provenance</c>).</summary>
public enum ProvenanceMode
{
    /// <summary><c>--provenance=false</c>: no attestation (the pushed index then holds only the platform images).</summary>
    None,

    /// <summary><c>--provenance=mode=min</c>: build timestamps and the frontend, nothing from the build's inputs.</summary>
    Min,

    /// <summary><c>--provenance=mode=max</c>: also the Dockerfile, build args and source details.</summary>
    Max,
}
