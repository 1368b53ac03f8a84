namespace Fluent.Docker.Build;

/// <summary>
/// An SBOM attestation (<c>--sbom</c>). BuildKit runs a scanner image to produce it (by default
/// <c>docker/buildkit-syft-scanner</c>); a builder that cannot pull one (an air-gapped lab) fails the build, so ask for
/// it only where a scanner is available, or name a mirrored one with <see cref="Generator"/>.
/// </summary>
public sealed record SbomAttestation(ImageReference? Generator = null)
{
    public override string ToString() => Generator is null ? "sbom" : $"sbom by {Generator}";
}
