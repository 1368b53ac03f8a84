using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The pure argument builder, one behaviour per fact.</summary>
public class BuildxArgumentsTests
{
    private const string Metadata = "/tmp/meta.json";
    private static readonly BuildRequest Minimal = new("ctx");

    private static IReadOnlyList<string> Args(BuildRequest request) => BuildxArguments.For(request, Metadata);

    /// <summary>The value that follows <paramref name="option"/> (for options given as two arguments).</summary>
    private static string ValueOf(IReadOnlyList<string> args, string option)
    {
        var index = args.ToList().IndexOf(option);
        Assert.True(index >= 0, $"{option} missing from: {string.Join(" ", args)}");
        return args[index + 1];
    }

    private static List<string> ValuesOf(IReadOnlyList<string> args, string option) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == option).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void Minimal_request_is_buildx_build_with_metadata_progress_and_context_last() =>
        Assert.Equal(["buildx", "build", "--metadata-file", Metadata, "--progress=rawjson", "ctx"], Args(Minimal));

    [Fact]
    public void Platforms_are_one_comma_separated_argument() =>
        Assert.Equal("linux/amd64,linux/arm64", ValueOf(Args(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)), "--platform"));

    [Fact]
    public void Platform_variant_is_rendered() =>
        Assert.Equal("linux/arm/v7", ValueOf(Args(Minimal.WithPlatforms(Platform.LinuxArmV7)), "--platform"));

    [Fact]
    public void No_platforms_leaves_the_engine_default() => Assert.DoesNotContain("--platform", Args(Minimal));

    [Fact]
    public void Each_tag_gets_its_own_flag_in_order() =>
        Assert.Equal(["127.0.0.1:5000/team/app:1.0", "team/app:latest"],
            ValuesOf(Args(Minimal.WithTags("127.0.0.1:5000/team/app:1.0", "team/app:latest")), "-t"));

    [Fact]
    public void Dockerfile_path_is_passed_with_file() =>
        Assert.Equal("build/Dockerfile", ValueOf(Args(Minimal.WithDockerfile("build/Dockerfile")), "--file"));

    [Fact]
    public void Target_can_be_a_model_stage()
    {
        var stage = Stage.Named("build").From("busybox:1.36");
        Assert.Equal("build", ValueOf(Args(Minimal.WithTarget(stage)), "--target"));
    }

    [Fact]
    public void Build_args_are_name_equals_value_sorted_by_name() =>
        Assert.Equal(["A_FIRST=1", "B_SECOND=two words"],
            ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("B_SECOND"), "two words").WithBuildArg(new BuildArg("A_FIRST"), "1")), "--build-arg"));

    [Fact]
    public void Setting_a_build_arg_twice_keeps_the_last_value() =>
        Assert.Equal(["V=2"], ValuesOf(Args(Minimal.WithBuildArg(new BuildArg("V"), "1").WithBuildArg(new BuildArg("V", "0"), "2")), "--build-arg"));

    [Fact]
    public void Labels_are_key_equals_value() =>
        Assert.Equal(["org.opencontainers.image.version=1.0"], ValuesOf(Args(Minimal.WithLabel(OciLabels.Version, "1.0")), "--label"));

    [Fact]
    public void Push_output_is_push() => Assert.Contains("--push", Args(Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push)));

    [Fact]
    public void Load_output_is_load() => Assert.Contains("--load", Args(Minimal.WithOutput(BuildOutput.Load())));

    [Fact]
    public void Oci_archive_output_names_type_and_destination() =>
        Assert.Equal("type=oci,dest=out/app.tar", ValueOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("out/app.tar"))), "--output"));

    [Fact]
    public void Docker_archive_output_names_type_and_destination() =>
        Assert.Equal("type=docker,dest=out/app.tar", ValueOf(Args(Minimal.WithOutput(BuildOutput.DockerArchive("out/app.tar"))), "--output"));

    [Fact]
    public void Local_directory_output_names_type_and_destination() =>
        Assert.Equal("type=local,dest=out/rootfs", ValueOf(Args(Minimal.WithOutput(BuildOutput.LocalDirectory("out/rootfs"))), "--output"));

    [Fact]
    public void An_output_path_with_a_comma_is_csv_quoted_so_it_stays_one_field() =>
        Assert.Equal("type=oci,\"dest=out/a,b.tar\"", ValueOf(Args(Minimal.WithOutput(BuildOutput.OciArchive("out/a,b.tar"))), "--output"));

    [Fact]
    public void No_output_leaves_the_builder_default()
    {
        var args = Args(Minimal);
        Assert.DoesNotContain("--push", args);
        Assert.DoesNotContain("--load", args);
        Assert.DoesNotContain("--output", args);
    }

    [Theory]
    [InlineData(ProvenanceMode.None, "--provenance=false")]
    [InlineData(ProvenanceMode.Min, "--provenance=mode=min")]
    [InlineData(ProvenanceMode.Max, "--provenance=mode=max")]
    public void Provenance_mode_is_rendered(ProvenanceMode mode, string expected) => Assert.Contains(expected, Args(Minimal.WithProvenance(mode)));

    [Fact]
    public void Provenance_unset_leaves_buildx_default() => Assert.DoesNotContain(Args(Minimal), a => a.StartsWith("--provenance", StringComparison.Ordinal));

    [Fact]
    public void No_cache_and_pull_are_flags()
    {
        var args = Args(Minimal.WithNoCache().WithPull());
        Assert.Contains("--no-cache", args);
        Assert.Contains("--pull", args);
    }

    [Fact]
    public void Cache_from_registry_and_local() =>
        Assert.Equal(["type=registry,ref=r:5000/app:cache", "type=local,src=.cache"],
            ValuesOf(Args(Minimal.WithCacheFrom(BuildCache.Registry("r:5000/app:cache")).WithCacheFrom(BuildCache.Local(".cache"))), "--cache-from"));

    [Fact]
    public void Cache_to_registry_max_says_mode() =>
        Assert.Equal("type=registry,ref=r:5000/app:cache,mode=max", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Registry("r:5000/app:cache", CacheMode.Max))), "--cache-to"));

    [Fact]
    public void Cache_to_local_min_leaves_mode_default() =>
        Assert.Equal("type=local,dest=.cache", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Local(".cache"))), "--cache-to"));

    [Fact]
    public void Cache_to_inline() => Assert.Equal("type=inline", ValueOf(Args(Minimal.WithCacheTo(BuildCache.Inline)), "--cache-to"));

    [Fact]
    public void Secret_from_environment_is_rendered_by_variable_name() =>
        Assert.Equal("id=npm_token,env=NPM_TOKEN", ValueOf(Args(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("npm_token"), "NPM_TOKEN"))), "--secret"));

    [Fact]
    public void Secret_from_file_is_rendered_by_path() =>
        Assert.Equal("id=npmrc,src=/home/me/.npmrc", ValueOf(Args(Minimal.WithSecret(BuildSecret.FromFile(new SecretId("npmrc"), "/home/me/.npmrc"))), "--secret"));

    [Fact]
    public void Secret_value_never_reaches_the_arguments()
    {
        var args = Args(Minimal.WithSecret(BuildSecret.FromValue(new SecretId("token"), "hunter2-value")));
        Assert.DoesNotContain(args, a => a.Contains("hunter2-value", StringComparison.Ordinal));
        Assert.Equal("id=token,env=FLUENT_DOCKER_SECRET_746F6B656E", ValueOf(args, "--secret"));
    }

    [Fact]
    public void Builder_is_passed() => Assert.Equal("ci", ValueOf(Args(Minimal.WithBuilder("ci")), "--builder"));

    [Fact]
    public void Progress_is_always_raw_json() => Assert.Contains("--progress=rawjson", Args(Minimal));

    [Fact]
    public void Metadata_file_is_passed() => Assert.Equal(Metadata, ValueOf(Args(Minimal), "--metadata-file"));

    [Fact]
    public void Context_starting_with_dash_is_not_read_as_an_option() => Assert.Equal("./-odd", Args(new BuildRequest("-odd"))[^1]);

    [Fact]
    public void Empty_metadata_path_is_rejected() =>
        Assert.Contains("metadata", Assert.Throws<ArgumentException>(() => BuildxArguments.For(Minimal, " ")).Message);

    [Fact]
    public void For_validates_the_request_first() =>
        Assert.Throws<BuildRequestException>(() => BuildxArguments.For(Minimal.WithOutput(BuildOutput.Push), Metadata));

    [Fact]
    public void With_methods_return_a_new_request_and_leave_the_original()
    {
        var tagged = Minimal.WithTags("a:1");
        Assert.Empty(Minimal.Tags);
        Assert.Single(tagged.Tags);
    }

    [Fact]
    public void Request_to_string_is_the_quoted_command_line() =>
        Assert.Equal("docker buildx build --build-arg 'MSG=hello world' --metadata-file '<metadata-file>' --progress=rawjson ctx",
            Minimal.WithBuildArg(new BuildArg("MSG"), "hello world").ToString());
}
