using System.Globalization;

namespace Fluent.Docker.Build;

/// <summary>
/// A build cache backend for <c>--cache-from</c> / <c>--cache-to</c> (bake's <c>cache-from</c>/<c>cache-to</c>): one
/// record per backend, each owning its options and how they render. The options are buildx's cache parameters
/// (docs.docker.com/build/cache/backends); export-only ones (<see cref="Mode"/>, <see cref="IgnoreError"/>, the layer
/// options of <see cref="ManifestCache"/>) are refused on an import. Credentials never appear as literals: S3 keys and the
/// GitHub Actions token are named by environment variable and handed to buildx through its environment; the Azure key is
/// the builder's own (BuildKit reads it on the server).
/// <para>
/// Which builder can export what: the <c>docker</c> driver exports <see cref="Inline"/> only, or also
/// <see cref="Registry"/>, <see cref="Local"/> and <see cref="GitHubActions"/> when the engine uses the containerd image
/// store; <see cref="S3"/> and <see cref="AzureBlob"/> need a <c>docker-container</c> (or kubernetes, remote) builder.
/// Give the request its <see cref="BuildRequest.Driver"/> and validation refuses an export the builder cannot do.
/// </para>
/// </summary>
public abstract record BuildCache
{
    private protected BuildCache() { }

    /// <summary>Which layers an export keeps (<c>mode=</c>); export only. Min is buildx's default and is not written.</summary>
    public CacheMode Mode { get; init; }

    /// <summary>A failed export does not fail the build (<c>ignore-error=true</c>); export only.</summary>
    public bool IgnoreError { get; init; }

    /// <summary>The cache in an image of a registry (<c>type=registry,ref=…</c>); must not be the image the build pushes.</summary>
    public static RegistryCache Registry(ImageReference reference, CacheMode mode = CacheMode.Min) => new(reference) { Mode = mode };

    /// <summary>The cache as an OCI layout in a directory (<c>type=local</c>: <c>src=</c> to import, <c>dest=</c> to export).</summary>
    public static LocalCache Local(string directory, CacheMode mode = CacheMode.Min) => new(directory) { Mode = mode };

    /// <summary>Exports cache inside the image itself (<c>--cache-to type=inline</c>); export only: import it with <see cref="Registry"/> on that image.</summary>
    public static InlineCache Inline { get; } = new();

    /// <summary>The GitHub Actions cache service (<c>type=gha</c>); url and token default to the runner's ACTIONS_* variables.</summary>
    public static GitHubActionsCache GitHubActions(string? scope = null, CacheMode mode = CacheMode.Min) => new() { Scope = scope, Mode = mode };

    /// <summary>An S3 (or S3-compatible) bucket (<c>type=s3</c>); credentials come from the AWS environment or <see cref="S3Cache.Credentials"/>.</summary>
    public static S3Cache S3(string bucket, string region, CacheMode mode = CacheMode.Min) => new(bucket, region) { Mode = mode };

    /// <summary>An Azure Blob Storage account (<c>type=azblob</c>); the account key is the builder's (BuildKit reads it on the server).</summary>
    public static AzureBlobCache AzureBlob(string name, Uri? accountUrl = null, CacheMode mode = CacheMode.Min) => new(name) { AccountUrl = accountUrl, Mode = mode };

    /// <summary>The <c>type=</c> of this backend.</summary>
    public abstract string TypeName { get; }

    /// <summary>True when the <c>docker</c> driver can export this cache (never for s3/azblob; registry, local and gha only on the containerd image store).</summary>
    internal virtual bool ExportableOn(BuilderDriver driver) => driver is not BuilderDriver.Docker;

    /// <summary>The backend's own fields after <c>type=</c>, for an import (<paramref name="export"/> false) or an export.</summary>
    private protected abstract IEnumerable<string> Fields(bool export);

    /// <summary>The <c>--cache-from</c> value: only the fields an import reads.</summary>
    internal string ImportSpec() => CsvFields.Join(["type=" + TypeName, .. Fields(export: false)]);

    /// <summary>The <c>--cache-to</c> value: the backend's fields, then the mode and ignore-error when not the default.</summary>
    internal string ExportSpec()
    {
        var fields = new List<string> { "type=" + TypeName };
        fields.AddRange(Fields(export: true));
        if (Mode == CacheMode.Max) fields.Add("mode=max");
        if (IgnoreError) fields.Add("ignore-error=true");
        return CsvFields.Join([.. fields]);
    }

    /// <summary>
    /// The options only an export reads that are set on this cache (what a <c>--cache-from</c> would silently drop).
    /// </summary>
    internal virtual IEnumerable<string> ExportOnlyOptionsSet()
    {
        if (Mode != CacheMode.Min) yield return nameof(Mode);
        if (IgnoreError) yield return nameof(IgnoreError);
    }

    internal static string Flag(bool value) => value ? "true" : "false";

    /// <summary>
    /// A cache stored as an OCI image manifest (registry, local): its media types, manifest form and layer
    /// compression. All of these are export options; null keeps BuildKit's default.
    /// </summary>
    public abstract record ManifestCache : BuildCache
    {
        private protected ManifestCache() { }

        /// <summary><c>oci-mediatypes=</c>: OCI (true, BuildKit's default) or Docker media types.</summary>
        public bool? OciMediaTypes { get; init; }

        /// <summary><c>image-manifest=</c>: an image manifest instead of an index; needs OCI media types.</summary>
        public bool? ImageManifest { get; init; }

        /// <summary><c>compression=</c> of the cache layers; null keeps gzip.</summary>
        public ImageCompression? Compression { get; init; }

        /// <summary><c>compression-level=</c>: 0–9 for gzip and estargz, 0–22 for zstd; needs <see cref="Compression"/>.</summary>
        public int? CompressionLevel { get; init; }

        /// <summary><c>force-compression=true</c>: recompress layers that use another compression.</summary>
        public bool ForceCompression { get; init; }

        private protected IEnumerable<string> LayerFields()
        {
            if (OciMediaTypes is { } oci) yield return "oci-mediatypes=" + Flag(oci);
            if (ImageManifest is { } manifest) yield return "image-manifest=" + Flag(manifest);
            if (Compression is { } compression) yield return "compression=" + compression.ToString().ToLowerInvariant();
            if (CompressionLevel is { } level) yield return "compression-level=" + level.ToString(CultureInfo.InvariantCulture);
            if (ForceCompression) yield return "force-compression=true";
        }

        internal override IEnumerable<string> ExportOnlyOptionsSet()
        {
            foreach (var option in base.ExportOnlyOptionsSet()) yield return option;
            if (OciMediaTypes is not null) yield return nameof(OciMediaTypes);
            if (ImageManifest is not null) yield return nameof(ImageManifest);
            if (Compression is not null) yield return nameof(Compression);
            if (CompressionLevel is not null) yield return nameof(CompressionLevel);
            if (ForceCompression) yield return nameof(ForceCompression);
        }
    }

    /// <summary>A cache image in a registry (<c>type=registry</c>).</summary>
    /// <param name="Reference">The cache image (<c>ref=</c>), e.g. <c>registry:5000/team/app:buildcache</c>.</param>
    public sealed record RegistryCache(ImageReference Reference) : ManifestCache
    {
        public override string TypeName => "registry";

        private protected override IEnumerable<string> Fields(bool export) =>
            export ? [$"ref={Reference}", .. LayerFields()] : [$"ref={Reference}"];
    }

    /// <summary>A cache directory holding an OCI layout (<c>type=local</c>).</summary>
    /// <param name="Directory">Read from on import (<c>src=</c>), written on export (<c>dest=</c>).</param>
    public sealed record LocalCache(string Directory) : ManifestCache
    {
        public override string TypeName => "local";

        /// <summary><c>digest=</c>: import this older manifest of the directory instead of the latest; import only.</summary>
        public string? Digest { get; init; }

        private protected override IEnumerable<string> Fields(bool export) =>
            export ? [$"dest={Directory}", .. LayerFields()]
                : Digest is null ? [$"src={Directory}"] : [$"src={Directory}", $"digest={Digest}"];
    }

    /// <summary>Cache metadata inside the exported image (<c>type=inline</c>); export only, min mode only, image outputs only.</summary>
    public sealed record InlineCache : BuildCache
    {
        public override string TypeName => "inline";

        internal override bool ExportableOn(BuilderDriver driver) => true;

        private protected override IEnumerable<string> Fields(bool export) => [];
    }

    /// <summary>The GitHub Actions cache service (<c>type=gha</c>).</summary>
    public sealed record GitHubActionsCache : BuildCache
    {
        public override string TypeName => "gha";

        /// <summary><c>scope=</c>: the key of the cache object (buildx's default <c>buildkit</c>); give each image its own.</summary>
        public string? Scope { get; init; }

        /// <summary><c>url=</c>: the cache server; null uses the runner's <c>ACTIONS_CACHE_URL</c>/<c>ACTIONS_RESULTS_URL</c>.</summary>
        public Uri? Url { get; init; }

        /// <summary>
        /// The environment variable holding the access token; null lets buildx read <c>ACTIONS_RUNTIME_TOKEN</c>. The
        /// runner hands its value to buildx as <c>ACTIONS_RUNTIME_TOKEN</c>: the token never reaches the command line.
        /// </summary>
        public string? TokenVariable { get; init; }

        private protected override IEnumerable<string> Fields(bool export)
        {
            if (Scope is not null) yield return "scope=" + Scope;
            if (Url is not null) yield return "url=" + Url.AbsoluteUri;
        }
    }

    /// <summary>An S3 or S3-compatible bucket (<c>type=s3</c>); needs a docker-container (or kubernetes, remote) builder.</summary>
    /// <param name="Bucket"><c>bucket=</c>: the bucket's name.</param>
    /// <param name="Region"><c>region=</c>: its region, e.g. <c>eu-west-1</c>.</param>
    public sealed record S3Cache(string Bucket, string Region) : BuildCache
    {
        public override string TypeName => "s3";

        /// <summary><c>name=</c>: the cache image's name inside the bucket (buildx's default <c>buildkit</c>).</summary>
        public string? Name { get; init; }

        /// <summary><c>prefix=</c>: prepended to every object name.</summary>
        public string? Prefix { get; init; }

        /// <summary><c>endpoint_url=</c>: an S3-compatible service (MinIO, …) instead of AWS.</summary>
        public Uri? EndpointUrl { get; init; }

        /// <summary><c>use_path_style=true</c>: the bucket in the URL path instead of the host name (MinIO needs it).</summary>
        public bool UsePathStyle { get; init; }

        /// <summary>
        /// The environment variables holding the keys; null lets buildx use the AWS defaults (<c>AWS_ACCESS_KEY_ID</c>…,
        /// <c>~/.aws</c>). The runner hands their values to buildx as the AWS variables, never on the command line.
        /// </summary>
        public AwsCredentialVariables? Credentials { get; init; }

        internal override bool ExportableOn(BuilderDriver driver) => driver is not (BuilderDriver.Docker or BuilderDriver.DockerContainerdStore);

        private protected override IEnumerable<string> Fields(bool export)
        {
            yield return "bucket=" + Bucket;
            yield return "region=" + Region;
            if (Name is not null) yield return "name=" + Name;
            if (Prefix is not null) yield return "prefix=" + Prefix;
            if (EndpointUrl is not null) yield return "endpoint_url=" + EndpointUrl.AbsoluteUri;
            if (UsePathStyle) yield return "use_path_style=true";
        }
    }

    /// <summary>An Azure Blob Storage account (<c>type=azblob</c>, experimental in BuildKit); needs a docker-container (or kubernetes, remote) builder.</summary>
    /// <param name="Name"><c>name=</c>: the cache image's name.</param>
    /// <remarks>
    /// No key is rendered: BuildKit reads the account credentials from its own environment (Azure's default credential
    /// chain), so give them to the builder, e.g. <c>docker buildx create --driver docker-container --driver-opt env.AZURE_CLIENT_SECRET=…</c>.
    /// </remarks>
    public sealed record AzureBlobCache(string Name) : BuildCache
    {
        public override string TypeName => "azblob";

        /// <summary><c>account_url=</c>: the storage account, e.g. <c>https://myaccount.blob.core.windows.net</c>; null uses the builder's <c>BUILDKIT_AZURE_STORAGE_ACCOUNT_URL</c>.</summary>
        public Uri? AccountUrl { get; init; }

        internal override bool ExportableOn(BuilderDriver driver) => driver is not (BuilderDriver.Docker or BuilderDriver.DockerContainerdStore);

        private protected override IEnumerable<string> Fields(bool export)
        {
            yield return "name=" + Name;
            if (AccountUrl is not null) yield return "account_url=" + AccountUrl.AbsoluteUri;
        }
    }
}

/// <summary>Which layers a cache export keeps: <see cref="Min"/> only the final image's, <see cref="Max"/> every stage's.</summary>
public enum CacheMode
{
    Min,
    Max,
}

/// <summary>
/// The environment variables holding S3 keys (<see cref="BuildCache.S3Cache.Credentials"/>): the runner gives buildx their
/// values as <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>, which buildx reads.
/// </summary>
/// <param name="AccessKeyIdVariable">The variable holding the access key id.</param>
/// <param name="SecretAccessKeyVariable">The variable holding the secret access key.</param>
/// <param name="SessionTokenVariable">The variable holding a session token (temporary credentials); null for none.</param>
public sealed record AwsCredentialVariables(string AccessKeyIdVariable, string SecretAccessKeyVariable, string? SessionTokenVariable = null)
{
    internal const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    internal const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    internal const string SessionToken = "AWS_SESSION_TOKEN";
}
