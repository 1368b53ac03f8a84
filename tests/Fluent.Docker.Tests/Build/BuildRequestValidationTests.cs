using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Each mistake fails before buildx runs, naming the option and a fix.</summary>
public class BuildRequestValidationTests
{
    private static readonly BuildRequest Minimal = new("ctx");

    private static BuildRequestException Invalid(BuildRequest request) => Assert.Throws<BuildRequestException>(request.Validate);

    [Fact]
    public void Push_without_tags_names_output_and_says_how_to_add_a_tag()
    {
        var e = Invalid(Minimal.WithOutput(BuildOutput.Push));
        Assert.Equal("Output", e.Option);
        Assert.Contains("WithTags", e.Problems[0].Fix);
        Assert.StartsWith("BuildRequest.Output: ", e.Message);
        Assert.Contains(" Fix: ", e.Message);
    }

    [Fact]
    public void No_platforms_is_allowed() => Minimal.WithOutput(BuildOutput.Load()).Validate();

    [Fact]
    public void Load_of_several_platforms_needs_the_containerd_store()
    {
        var e = Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.Load()));
        Assert.Equal("Output", e.Option);
        Assert.Contains("containerdImageStore: true", e.Problems[0].Fix);
    }

    [Fact]
    public void Load_of_several_platforms_is_allowed_with_the_containerd_store() =>
        Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.Load(containerdImageStore: true)).Validate();

    [Fact]
    public void Empty_oci_archive_path_names_output() => Assert.Equal("Output", Invalid(Minimal.WithOutput(BuildOutput.OciArchive(""))).Option);

    [Fact]
    public void Empty_local_directory_names_output() => Assert.Equal("Output", Invalid(Minimal.WithOutput(BuildOutput.LocalDirectory(" "))).Option);

    [Fact]
    public void Docker_archive_of_several_platforms_points_to_oci_archive()
    {
        var e = Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).WithOutput(BuildOutput.DockerArchive("a.tar")));
        Assert.Equal("Output", e.Option);
        Assert.Contains("OciArchive", e.Problems[0].Fix);
    }

    [Fact]
    public void Empty_context_names_context_directory() => Assert.Equal("ContextDirectory", Invalid(new BuildRequest("")).Option);

    [Fact]
    public void Automatic_platform_names_platforms() => Assert.Equal("Platforms", Invalid(Minimal.WithPlatforms(Platform.BuildPlatform)).Option);

    [Fact]
    public void Duplicate_platform_names_platforms() => Assert.Equal("Platforms", Invalid(Minimal.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxAmd64)).Option);

    [Fact]
    public void Invalid_tag_names_tags_and_carries_the_value_problem()
    {
        var e = Invalid(Minimal.WithTags("Bad Name:1"));
        Assert.Equal("Tags", e.Option);
        Assert.Contains("repository name", e.Problems[0].Message);
    }

    [Fact]
    public void Tag_with_digest_names_tags() =>
        Assert.Equal("Tags", Invalid(Minimal.WithTags("app@sha256:" + new string('a', 64))).Option);

    [Fact]
    public void Bad_build_arg_name_names_build_args() => Assert.Equal("BuildArgs", Invalid(Minimal.WithBuildArg(new BuildArg("1BAD"), "x")).Option);

    [Fact]
    public void Bad_secret_id_names_secrets() =>
        Assert.Equal("Secrets", Invalid(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("no spaces"), "X"))).Option);

    [Fact]
    public void Duplicate_secret_id_names_secrets() =>
        Assert.Equal("Secrets", Invalid(Minimal
            .WithSecret(BuildSecret.FromEnvironment(new SecretId("t"), "A"))
            .WithSecret(BuildSecret.FromFile(new SecretId("t"), "/f"))).Option);

    [Fact]
    public void Secret_without_variable_names_secrets() =>
        Assert.Equal("Secrets", Invalid(Minimal.WithSecret(BuildSecret.FromEnvironment(new SecretId("t"), ""))).Option);

    [Fact]
    public void Inline_cache_cannot_be_imported() => Assert.Equal("CacheFrom", Invalid(Minimal.WithCacheFrom(BuildCache.Inline)).Option);

    [Fact]
    public void Empty_local_cache_names_cache_to() => Assert.Equal("CacheTo", Invalid(Minimal.WithCacheTo(BuildCache.Local(""))).Option);

    [Fact]
    public void Invalid_target_names_target() => Assert.Equal("Target", Invalid(Minimal.WithTarget(Stage.Named("two words").From("busybox:1.36"))).Option);

    [Fact]
    public void Unnamed_stage_as_target_names_target() => Assert.Equal("Target", Invalid(Minimal.WithTarget(Stage.Unnamed().From("busybox:1.36"))).Option);

    [Fact]
    public void Empty_builder_names_builder() => Assert.Equal("Builder", Invalid(Minimal.WithBuilder("")).Option);

    [Fact]
    public void Empty_dockerfile_path_names_dockerfile_path() => Assert.Equal("DockerfilePath", Invalid(Minimal.WithDockerfile("")).Option);
}
