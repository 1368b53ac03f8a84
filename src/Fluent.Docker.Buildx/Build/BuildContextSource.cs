namespace Fluent.Docker.Build;

/// <summary>
/// What a named build context (<c>--build-context NAME=…</c>) points at. The Dockerfile reads it through
/// <c>COPY --from=NAME</c> (a <see cref="NamedContext"/>) or <c>FROM NAME</c>, which a named context overrides.
/// </summary>
public abstract record BuildContextSource
{
    private protected BuildContextSource() { }

    /// <summary>A local directory.</summary>
    public static BuildContextSource Directory(string path) => new LocalDirectory(path);

    /// <summary>An image in a registry or the engine (<c>docker-image://ref</c>), e.g. a base built by an earlier step.</summary>
    public static BuildContextSource Image(ImageReference image) => new RegistryImage(image);

    /// <summary>An OCI layout directory on disk (<c>oci-layout://dir[@digest]</c>), e.g. a base written by <see cref="BuildOutput.OciLayout"/>.</summary>
    public static BuildContextSource OciLayout(string directory, string? digest = null) => new OciLayoutDirectory(directory, digest);

    public sealed record LocalDirectory(string Path) : BuildContextSource
    {
        public override string ToString() => Path;
    }

    public sealed record RegistryImage(ImageReference Reference) : BuildContextSource
    {
        public override string ToString() => "docker-image://" + Reference;
    }

    public sealed record OciLayoutDirectory(string Path, string? Digest) : BuildContextSource
    {
        public override string ToString() => "oci-layout://" + Path + (Digest is null ? "" : "@" + Digest);
    }
}
