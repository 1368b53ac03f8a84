using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Release;

/// <summary>The tag strategy, rule by rule.</summary>
public class TagStrategyTests
{
    [Fact]
    public void Release_fans_out_to_patch_minor_major() => Assert.Equal(["1.2.3", "1.2", "1"], TagStrategy.ForVersion("1.2.3").Tags());

    [Fact]
    public void Latest_is_optional() => Assert.Equal(["1.2.3", "1.2", "1", "latest"], TagStrategy.ForVersion("1.2.3").WithLatest().Tags());

    [Fact]
    public void Leading_v_is_not_part_of_the_tags() => Assert.Equal(["4.0.1", "4.0", "4"], TagStrategy.ForVersion("v4.0.1").Tags());

    [Fact]
    public void Pre_release_gets_only_its_own_tag_even_with_latest() => Assert.Equal(["1.2.3-rc.1"], TagStrategy.ForVersion("1.2.3-rc.1").WithLatest().Tags());

    [Fact]
    public void Major_zero_gets_no_bare_zero_tag() => Assert.Equal(["0.4.2", "0.4"], TagStrategy.ForVersion("0.4.2").Tags());

    [Fact]
    public void Build_metadata_is_not_in_any_tag() => Assert.Equal(["1.2.3", "1.2", "1"], TagStrategy.ForVersion("1.2.3+build.9").Tags());

    [Fact]
    public void Short_commit_is_sha_prefixed_seven_lowercase_characters() =>
        Assert.Equal(["sha-abcdef1"], TagStrategy.Empty.WithShortCommit("ABCDEF1234567890abcdef1234567890abcdef12").Tags());

    [Fact]
    public void Short_commit_length_is_configurable() => Assert.Equal(["sha-abcdef1234"], TagStrategy.Empty.WithShortCommit("abcdef1234567890", 10).Tags());

    [Fact]
    public void Non_hex_commit_is_refused() => Assert.Throws<DockerValueException>(() => TagStrategy.Empty.WithShortCommit("main"));

    [Fact]
    public void Branch_characters_a_tag_cannot_hold_become_dashes() => Assert.Equal(["feature-login-v2"], TagStrategy.Empty.WithBranch("feature/login+v2").Tags());

    [Fact]
    public void Branch_leading_dots_and_dashes_are_dropped() => Assert.Equal(["x"], TagStrategy.Empty.WithBranch("-.x").Tags());

    [Fact]
    public void Build_number_is_build_prefixed() => Assert.Equal(["build-42"], TagStrategy.Empty.WithBuildNumber(42).Tags());

    [Fact]
    public void Environment_prefix_goes_before_every_tag() =>
        Assert.Equal(["staging-1.2.3", "staging-1.2", "staging-1", "staging-latest", "staging-sha-abc1234"],
            TagStrategy.ForVersion("1.2.3").WithLatest().WithShortCommit("abc1234def").WithEnvironmentPrefix("staging").Tags());

    [Fact]
    public void Everything_together_in_order() =>
        Assert.Equal(["2.0.0", "2.0", "2", "latest", "sha-0123456", "main", "build-7"],
            TagStrategy.ForVersion("2.0.0").WithLatest().WithShortCommit("0123456789").WithBranch("main").WithBuildNumber("7").Tags());

    [Fact]
    public void Source_info_gives_commit_and_branch() =>
        Assert.Equal(["sha-fedcba9", "release-1.x"],
            TagStrategy.Empty.WithSource(new SourceInfo("fedcba9876543210", "release/1.x", null, DateTimeOffset.UnixEpoch)).Tags());

    [Fact]
    public void Detached_source_gives_only_the_commit() =>
        Assert.Equal(["sha-fedcba9"], TagStrategy.Empty.WithSource(new SourceInfo("fedcba9876543210", null, null, DateTimeOffset.UnixEpoch)).Tags());

    [Fact]
    public void Duplicates_appear_once() => Assert.Equal(["latest"], TagStrategy.Empty.WithLatest().WithBranch("latest").Tags());

    [Fact]
    public void No_tag_at_all_is_an_error_with_a_fix()
    {
        var e = Assert.Throws<DockerValueException>(() => TagStrategy.Empty.Tags());
        Assert.Contains("ForVersion", e.Problem.Fix);
    }

    [Fact]
    public void Long_branch_is_cut_to_128_and_prefix_overflow_is_refused()
    {
        Assert.Equal(128, Assert.Single(TagStrategy.Empty.WithBranch(new string('b', 300)).Tags()).Length);
        Assert.Throws<DockerValueException>(() => TagStrategy.Empty.WithBranch(new string('b', 300)).WithEnvironmentPrefix("prod").Tags());
    }

    [Fact]
    public void For_applies_every_tag_to_the_repository() =>
        Assert.Equal(["127.0.0.1:5000/team/app:1.2.3", "127.0.0.1:5000/team/app:1.2", "127.0.0.1:5000/team/app:1"],
            TagStrategy.ForVersion("1.2.3").For("127.0.0.1:5000/team/app").Select(r => r.ToString()));

    [Fact]
    public void For_refuses_a_repository_that_already_has_a_tag() =>
        Assert.Throws<DockerValueException>(() => TagStrategy.ForVersion("1.2.3").For("team/app:1"));

    [Fact]
    public void Every_tag_is_a_valid_image_tag()
    {
        var tags = TagStrategy.ForVersion("10.20.30-beta.2").WithShortCommit("abcdef0").WithBranch("Feature/ÜBER_cool").WithBuildNumber("2026.1").WithEnvironmentPrefix("qa env").Tags();
        Assert.All(tags, tag => Assert.True(ImageReference.TryParse("app:" + tag, out _), tag));
    }
}
