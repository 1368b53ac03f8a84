namespace Fluent.Docker.Build;

/// <summary>
/// Where a build's result goes (<c>--push</c>, <c>--load</c>, <c>--output type=…</c>). Leaving
/// <see cref="BuildRequest.Output"/> null keeps the builder's default (the docker driver loads into the engine).
/// </summary>
public abstract record BuildOutput
{
    private protected BuildOutput() { }

    /// <summary>Pushes every tag to its registry (<c>--push</c>). Needs at least one tag.</summary>
    public static BuildOutput Push { get; } = new RegistryPush();

    /// <summary>
    /// Loads the image into the engine's image store (<c>--load</c>). Several platforms can be loaded only when the
    /// engine uses the containerd image store (<c>DockerEngine.UsesContainerdImageStoreAsync</c> tells); say so with
    /// <paramref name="containerdImageStore"/>, since the classic store keeps one platform per tag.
    /// </summary>
    public static BuildOutput Load(bool containerdImageStore = false) => new ImageStoreLoad(containerdImageStore);

    /// <summary>Writes an OCI image layout tarball (<c>--output type=oci,dest=path</c>); holds every platform.</summary>
    public static BuildOutput OciArchive(string path) => new OciArchiveFile(path);

    /// <summary>
    /// Writes an OCI image layout directory (<c>--output type=oci,dest=dir,tar=false</c>): every platform, readable as a
    /// named context (<see cref="BuildContextSource.OciLayout"/>) and pushable blob by blob.
    /// </summary>
    public static BuildOutput OciLayout(string directory) => new OciLayoutDirectory(directory);

    /// <summary>Writes a <c>docker load</c>-able tarball (<c>--output type=docker,dest=path</c>); one platform only.</summary>
    public static BuildOutput DockerArchive(string path) => new DockerArchiveFile(path);

    /// <summary>Writes the final stage's filesystem to a directory (<c>--output type=local,dest=path</c>).</summary>
    public static BuildOutput LocalDirectory(string path) => new LocalFiles(path);

    /// <summary>
    /// The image exporter with its options (<c>--output type=image,name=TAGS,…</c>): push by digest, canonical names,
    /// compression, media types, unpacking. Named by the request's tags.
    /// </summary>
    public static BuildOutput Image(ImageExportOptions options) => new ImageExport(options ?? throw new ArgumentNullException(nameof(options)));

    public sealed record RegistryPush : BuildOutput
    {
        public override string ToString() => "push to registry";
    }

    public sealed record ImageStoreLoad(bool ContainerdImageStore) : BuildOutput
    {
        public override string ToString() => ContainerdImageStore ? "load into engine (containerd store)" : "load into engine";
    }

    public sealed record OciArchiveFile(string Path) : BuildOutput
    {
        public override string ToString() => $"OCI archive {Path}";
    }

    public sealed record OciLayoutDirectory(string Path) : BuildOutput
    {
        public override string ToString() => $"OCI layout {Path}";
    }

    public sealed record DockerArchiveFile(string Path) : BuildOutput
    {
        public override string ToString() => $"docker archive {Path}";
    }

    public sealed record ImageExport(ImageExportOptions Options) : BuildOutput
    {
        public override string ToString() => Options.Push ? "image exporter (push)" : "image exporter";
    }

    public sealed record LocalFiles(string Path) : BuildOutput
    {
        public override string ToString() => $"local directory {Path}";
    }
}
