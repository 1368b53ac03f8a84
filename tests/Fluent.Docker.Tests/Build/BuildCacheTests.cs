using System.Text.Json;
using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// The cache backends (issue 15, shared cache): each backend's <c>--cache-from</c>/<c>--cache-to</c> value, the same in
/// bake's <c>cache-from</c>/<c>cache-to</c>, credentials only through the environment, and one problem per bad combination.
/// </summary>
public class BuildCacheTests
{
    private static readonly BuildRequest Minimal = new("ctx");
    private static readonly ImageReference CacheImage = ImageReference.Parse("127.0.0.1:5000/team/app:buildcache");

    private static string ValueOf(BuildRequest request, string option)
    {
        var args = BuildxArguments.For(request, "/tmp/meta.json");
        var index = args.ToList().IndexOf(option);
        Assert.True(index >= 0, $"{option} missing from: {string.Join(" ", args)}");
        return args[index + 1];
    }

    private static string Export(BuildCache cache) => ValueOf(Minimal.WithCacheTo(cache), "--cache-to");
    private static string Import(BuildCache cache) => ValueOf(Minimal.WithCacheFrom(cache), "--cache-from");

    /// <summary>The bake target's cache-from and cache-to arrays.</summary>
    private static (string[] From, string[] To) Bake(BuildRequest request)
    {
        var json = new BakeDefinition([new BakeTarget("app", request, new Dictionary<string, string>())]).ToJson();
        var target = JsonDocument.Parse(json).RootElement.GetProperty("target").GetProperty("app");
        static string[] Strings(JsonElement element, string name) =>
            element.TryGetProperty(name, out var array) ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
        return (Strings(target, "cache-from"), Strings(target, "cache-to"));
    }

    private static Problem SingleProblem(BuildRequest request, string option)
    {
        var problem = Assert.Single(request.Problems());
        Assert.Equal("BuildRequest." + option, problem.Location.Slot);
        Assert.Equal(ProblemCodes.BuildRequest, problem.Code);
        Assert.NotEmpty(problem.Fix);
        return problem;
    }

    // ---- rendering, one backend per fact ----

    [Fact]
    public void Registry_export_renders_every_layer_option_and_import_only_the_ref()
    {
        var cache = BuildCache.Registry(CacheImage, CacheMode.Max) with
        {
            OciMediaTypes = true, ImageManifest = true, Compression = ImageCompression.Zstd, CompressionLevel = 19, ForceCompression = true, IgnoreError = true,
        };
        Assert.Equal("type=registry,ref=127.0.0.1:5000/team/app:buildcache,oci-mediatypes=true,image-manifest=true,compression=zstd,compression-level=19,force-compression=true,mode=max,ignore-error=true",
            Export(cache));
        Assert.Equal("type=registry,ref=127.0.0.1:5000/team/app:buildcache", Import(BuildCache.Registry(CacheImage)));
    }

    [Fact]
    public void Local_import_reads_src_and_digest_and_export_writes_dest()
    {
        var digest = "sha256:" + new string('a', 64);
        Assert.Equal($"type=local,src=/cache,digest={digest}", Import(BuildCache.Local("/cache") with { Digest = digest }));
        Assert.Equal("type=local,dest=/cache,oci-mediatypes=false", Export(BuildCache.Local("/cache") with { OciMediaTypes = false }));
    }

    [Fact]
    public void Local_directory_with_a_comma_stays_one_field() =>
        Assert.Equal("type=local,\"dest=/tmp/a,b\"", Export(BuildCache.Local("/tmp/a,b")));

    [Fact]
    public void Inline_is_type_only() => Assert.Equal("type=inline", Export(BuildCache.Inline));

    [Fact]
    public void GitHub_actions_renders_scope_and_url_but_never_the_token()
    {
        var cache = BuildCache.GitHubActions("shop-api", CacheMode.Max) with { Url = new Uri("https://cache.example.test/"), TokenVariable = "MY_GHA_TOKEN" };
        Assert.Equal("type=gha,scope=shop-api,url=https://cache.example.test/,mode=max", Export(cache));
        Assert.Equal("type=gha,scope=shop-api,url=https://cache.example.test/", Import(cache with { Mode = CacheMode.Min }));
        Assert.DoesNotContain("MY_GHA_TOKEN", Export(cache), StringComparison.Ordinal);
    }

    [Fact]
    public void S3_renders_bucket_region_and_options_but_no_keys()
    {
        var cache = BuildCache.S3("builds", "eu-west-1", CacheMode.Max) with
        {
            Name = "shop-api", Prefix = "ci/", EndpointUrl = new Uri("http://minio.example.test:9000"), UsePathStyle = true,
            Credentials = new AwsCredentialVariables("CI_S3_KEY", "CI_S3_SECRET"),
        };
        Assert.Equal("type=s3,bucket=builds,region=eu-west-1,name=shop-api,prefix=ci/,endpoint_url=http://minio.example.test:9000/,use_path_style=true,mode=max", Export(cache));
        Assert.DoesNotContain("access_key", Export(cache), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_blob_renders_name_and_account_url() =>
        Assert.Equal("type=azblob,name=shop-api,account_url=https://acct.blob.core.windows.net/,ignore-error=true",
            Export(BuildCache.AzureBlob("shop-api", new Uri("https://acct.blob.core.windows.net")) with { IgnoreError = true }));

    [Fact]
    public void Bake_writes_the_same_specs_as_the_command_line()
    {
        var request = Minimal
            .WithCacheFrom(BuildCache.Registry(CacheImage))
            .WithCacheFrom(BuildCache.GitHubActions("shop"))
            .WithCacheTo(BuildCache.S3("builds", "eu-west-1", CacheMode.Max) with { Name = "shop" });
        var (from, to) = Bake(request);
        var args = BuildxArguments.For(request, "/tmp/meta.json");
        Assert.Equal(["type=registry,ref=127.0.0.1:5000/team/app:buildcache", "type=gha,scope=shop"], from);
        Assert.Equal(args.Select((a, i) => (a, i)).Where(p => p.a == "--cache-from").Select(p => args[p.i + 1]), from);
        Assert.Equal(["type=s3,bucket=builds,region=eu-west-1,name=shop,mode=max"], to);
        Assert.Equal(ValueOf(request, "--cache-to"), Assert.Single(to));
    }

    // ---- credentials through the environment ----

    [Fact]
    public void S3_keys_reach_buildx_as_the_aws_variables_from_the_named_ones()
    {
        Environment.SetEnvironmentVariable("FLUENT_TEST_S3_KEY", "AKIAEXAMPLE");
        Environment.SetEnvironmentVariable("FLUENT_TEST_S3_SECRET", "secret-example");
        try
        {
            var request = Minimal.WithCacheTo(BuildCache.S3("builds", "eu-west-1") with { Credentials = new AwsCredentialVariables("FLUENT_TEST_S3_KEY", "FLUENT_TEST_S3_SECRET") });
            var environment = Buildx.EnvironmentFor(request);
            Assert.Equal("AKIAEXAMPLE", environment["AWS_ACCESS_KEY_ID"]);
            Assert.Equal("secret-example", environment["AWS_SECRET_ACCESS_KEY"]);
            Assert.True(environment.ContainsKey("AWS_SESSION_TOKEN"));
            Assert.Null(environment["AWS_SESSION_TOKEN"]); // unset, so an ambient token cannot pair with these keys
            Assert.DoesNotContain(BuildxArguments.For(request, "/tmp/meta.json"), a => a.Contains("secret-example", StringComparison.Ordinal) || a.Contains("AKIAEXAMPLE", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLUENT_TEST_S3_KEY", null);
            Environment.SetEnvironmentVariable("FLUENT_TEST_S3_SECRET", null);
        }
    }

    [Fact]
    public void The_gha_token_reaches_buildx_as_actions_runtime_token()
    {
        Environment.SetEnvironmentVariable("FLUENT_TEST_GHA_TOKEN", "gha-token-example");
        try
        {
            var environment = Buildx.EnvironmentFor(Minimal.WithCacheFrom(BuildCache.GitHubActions() with { TokenVariable = "FLUENT_TEST_GHA_TOKEN" }));
            Assert.Equal("gha-token-example", environment["ACTIONS_RUNTIME_TOKEN"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FLUENT_TEST_GHA_TOKEN", null);
        }
    }

    [Fact]
    public void Without_named_variables_buildx_reads_its_own_defaults() =>
        Assert.Empty(Buildx.EnvironmentFor(Minimal.WithCacheFrom(BuildCache.GitHubActions()).WithCacheTo(BuildCache.S3("b", "r"))));

    // ---- validation: one problem per bad combination ----

    [Fact]
    public void Export_options_on_an_import_are_one_problem_naming_them()
    {
        var problem = SingleProblem(Minimal.WithCacheFrom(BuildCache.Registry(CacheImage, CacheMode.Max) with { Compression = ImageCompression.Zstd }), "CacheFrom");
        Assert.Contains("Mode, Compression", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_cannot_be_imported() => SingleProblem(Minimal.WithCacheFrom(BuildCache.Inline), "CacheFrom");

    [Fact]
    public void Inline_takes_no_mode() =>
        Assert.Contains("Registry", SingleProblem(Minimal.WithCacheTo(BuildCache.Inline with { Mode = CacheMode.Max }), "CacheTo").Fix, StringComparison.Ordinal);

    [Fact]
    public void Inline_needs_an_image_output() =>
        SingleProblem(Minimal.WithCacheTo(BuildCache.Inline).WithOutput(BuildOutput.LocalDirectory("out")), "CacheTo");

    [Fact]
    public void A_cache_image_that_is_the_builds_tag_is_refused()
    {
        var image = ImageReference.Parse("127.0.0.1:5000/team/app:1.0");
        var problem = SingleProblem(Minimal.WithTags(image).WithOutput(BuildOutput.Push).WithCacheTo(BuildCache.Registry(image)), "CacheTo");
        Assert.Contains("BuildCache.Inline", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_export_to_a_digest_is_refused() =>
        SingleProblem(Minimal.WithCacheTo(BuildCache.Registry(ImageReference.Parse("127.0.0.1:5000/team/app@sha256:" + new string('b', 64)))), "CacheTo");

    [Fact]
    public void Image_manifest_needs_oci_media_types() =>
        SingleProblem(Minimal.WithCacheTo(BuildCache.Registry(CacheImage) with { ImageManifest = true, OciMediaTypes = false }), "CacheTo");

    [Theory]
    [InlineData(null, 3, "without a Compression")]
    [InlineData(ImageCompression.Gzip, 12, "outside gzip's 0–9")]
    [InlineData(ImageCompression.Zstd, 23, "outside zstd's 0–22")]
    public void Compression_level_must_fit_the_compression(ImageCompression? compression, int level, string expected) =>
        Assert.Contains(expected, SingleProblem(Minimal.WithCacheTo(BuildCache.Local("/c") with { Compression = compression, CompressionLevel = level }), "CacheTo").Message, StringComparison.Ordinal);

    [Fact]
    public void Force_compression_needs_a_compression() =>
        SingleProblem(Minimal.WithCacheTo(BuildCache.Local("/c") with { ForceCompression = true }), "CacheTo");

    [Fact]
    public void A_local_digest_is_import_only_and_must_be_a_digest()
    {
        SingleProblem(Minimal.WithCacheTo(BuildCache.Local("/c") with { Digest = "sha256:" + new string('c', 64) }), "CacheTo");
        SingleProblem(Minimal.WithCacheFrom(BuildCache.Local("/c") with { Digest = "latest" }), "CacheFrom");
    }

    [Fact]
    public void S3_needs_bucket_and_region()
    {
        var problems = Minimal.WithCacheTo(BuildCache.S3("", " ")).Problems();
        Assert.Equal(["The s3 cache has no bucket.", "The s3 cache has no region."], problems.Select(p => p.Message));
    }

    [Fact]
    public void S3_credential_variables_must_be_variable_names() =>
        SingleProblem(Minimal.WithCacheTo(BuildCache.S3("b", "r") with { Credentials = new AwsCredentialVariables("KEY", "not a name") }), "CacheTo");

    [Fact]
    public void Two_s_3_caches_with_different_key_variables_are_refused() =>
        SingleProblem(Minimal
            .WithCacheFrom(BuildCache.S3("b", "r") with { Credentials = new AwsCredentialVariables("A_KEY", "A_SECRET") })
            .WithCacheTo(BuildCache.S3("b", "r") with { Credentials = new AwsCredentialVariables("B_KEY", "B_SECRET") }), "CacheFrom");

    [Fact]
    public void Gha_url_must_be_http_and_scope_not_empty()
    {
        var problems = Minimal.WithCacheTo(BuildCache.GitHubActions(" ") with { Url = new Uri("ftp://cache.example.test/") }).Problems();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("BuildRequest.CacheTo", p.Location.Slot));
    }

    [Fact]
    public void Azure_blob_needs_a_name() => SingleProblem(Minimal.WithCacheTo(BuildCache.AzureBlob("")), "CacheTo");

    // ---- which driver exports what ----

    [Theory]
    [InlineData("registry")]
    [InlineData("local")]
    [InlineData("gha")]
    [InlineData("s3")]
    [InlineData("azblob")]
    public void The_classic_docker_driver_exports_inline_only(string type)
    {
        var problem = SingleProblem(Minimal.WithDriver(BuilderDriver.Docker).WithCacheTo(OfType(type)), "CacheTo");
        Assert.Contains("inline cache only", problem.Message, StringComparison.Ordinal);
        Assert.Contains("docker-container", problem.Fix, StringComparison.Ordinal);
        Assert.Contains("BuildCache.Inline", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry", true)]
    [InlineData("local", true)]
    [InlineData("gha", true)]
    [InlineData("s3", false)]
    [InlineData("azblob", false)]
    public void The_containerd_store_docker_driver_also_exports_registry_local_and_gha(string type, bool exportable)
    {
        var problems = Minimal.WithDriver(BuilderDriver.DockerContainerdStore).WithCacheTo(OfType(type)).Problems();
        if (exportable) Assert.Empty(problems);
        else Assert.Contains("docker buildx create --driver docker-container", Assert.Single(problems).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docker_container_builder_exports_every_backend() =>
        Assert.All(new[] { "registry", "local", "gha", "s3", "azblob" }, type =>
            Assert.Empty(Minimal.WithBuilder("ci", BuilderDriver.DockerContainer).WithCacheTo(OfType(type)).Problems()));

    [Fact]
    public void Inline_is_exportable_on_every_driver() =>
        Assert.All(Enum.GetValues<BuilderDriver>(), driver => Assert.Empty(Minimal.WithDriver(driver).WithCacheTo(BuildCache.Inline).Problems()));

    [Fact]
    public void An_unknown_driver_refuses_nothing() => Assert.Empty(Minimal.WithCacheTo(BuildCache.S3("b", "r")).Problems());

    [Fact]
    public void The_driver_is_not_rendered() =>
        Assert.DoesNotContain(BuildxArguments.For(Minimal.WithBuilder("ci", BuilderDriver.DockerContainer), "/tmp/meta.json"), a => a.Contains("container", StringComparison.Ordinal) && a != "ci");

    private static BuildCache OfType(string type) => type switch
    {
        "registry" => BuildCache.Registry(CacheImage),
        "local" => BuildCache.Local("/cache"),
        "gha" => BuildCache.GitHubActions(),
        "s3" => BuildCache.S3("b", "r"),
        "azblob" => BuildCache.AzureBlob("app"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // ---- the docker context of the runner ----

    [Fact]
    public void A_context_goes_before_the_buildx_command()
    {
        var buildx = new Buildx().WithContext(new DockerContext("lab-node2"));
        Assert.Equal(["--context", "lab-node2", "buildx", "version"], buildx.CommandArguments(["buildx", "version"]));
        Assert.Equal(["buildx", "version"], new Buildx().CommandArguments(["buildx", "version"]));
    }

    [Fact]
    public void Credentials_keep_the_context() =>
        Assert.Equal("lab-node2", new Buildx().WithContext(new DockerContext("lab-node2")).WithCredentials(RegistryCredentials.FromEnvironment("127.0.0.1:5000", "U", "P")).Context?.Name);

    [Theory]
    [InlineData("")]
    [InlineData("-node")]
    [InlineData("node 2")]
    [InlineData("node/2")]
    public void A_bad_context_name_is_one_typed_error(string name)
    {
        var e = Assert.Throws<DockerValueException>(() => new DockerContext(name));
        Assert.Contains("docker context ls", e.Problem.Fix, StringComparison.Ordinal);
    }
}
