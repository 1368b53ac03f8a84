using Fluent.Docker.Release;

namespace Fluent.Docker.Tests.Release;

/// <summary>The tag strategy, rule by rule.</summary>
public class TagStrategyTests
{
    [Fact]
    public void ReleaseFansOutToPatchMinorMajor() => Assert.Equal(["1.2.3", "1.2", "1"], TagStrategy.ForVersion("1.2.3").Tags());

    [Fact]
    public void LatestIsOptional() => Assert.Equal(["1.2.3", "1.2", "1", "latest"], TagStrategy.ForVersion("1.2.3").WithLatest().Tags());

    [Fact]
    public void LeadingVIsNotPartOfTheTags() => Assert.Equal(["4.0.1", "4.0", "4"], TagStrategy.ForVersion("v4.0.1").Tags());

    [Fact]
    public void PreReleaseGetsOnlyItsOwnTagEvenWithLatest() => Assert.Equal(["1.2.3-rc.1"], TagStrategy.ForVersion("1.2.3-rc.1").WithLatest().Tags());

    [Fact]
    public void MajorZeroGetsNoBareZeroTag() => Assert.Equal(["0.4.2", "0.4"], TagStrategy.ForVersion("0.4.2").Tags());

    [Fact]
    public void BuildMetadataIsNotInAnyTag() => Assert.Equal(["1.2.3", "1.2", "1"], TagStrategy.ForVersion("1.2.3+build.9").Tags());

    [Fact]
    public void ShortCommitIsShaPrefixedSevenLowercaseCharacters() =>
        Assert.Equal(["sha-abcdef1"], TagStrategy.Empty.WithShortCommit("ABCDEF1234567890abcdef1234567890abcdef12").Tags());

    [Fact]
    public void ShortCommitLengthIsConfigurable() => Assert.Equal(["sha-abcdef1234"], TagStrategy.Empty.WithShortCommit("abcdef1234567890", 10).Tags());

    [Fact]
    public void NonHexCommitIsRefused() => Assert.Throws<DockerValueException>(() => TagStrategy.Empty.WithShortCommit("main"));

    [Fact]
    public void BranchCharactersATagCannotHoldBecomeDashes() => Assert.Equal(["feature-login-v2"], TagStrategy.Empty.WithBranch("feature/login+v2").Tags());

    [Fact]
    public void BranchLeadingDotsAndDashesAreDropped() => Assert.Equal(["x"], TagStrategy.Empty.WithBranch("-.x").Tags());

    [Fact]
    public void BuildNumberIsBuildPrefixed() => Assert.Equal(["build-42"], TagStrategy.Empty.WithBuildNumber(42).Tags());

    [Fact]
    public void EnvironmentPrefixGoesBeforeEveryTag() =>
        Assert.Equal(["staging-1.2.3", "staging-1.2", "staging-1", "staging-latest", "staging-sha-abc1234"],
            TagStrategy.ForVersion("1.2.3").WithLatest().WithShortCommit("abc1234def").WithEnvironmentPrefix("staging").Tags());

    [Fact]
    public void EverythingTogetherInOrder() =>
        Assert.Equal(["2.0.0", "2.0", "2", "latest", "sha-0123456", "main", "build-7"],
            TagStrategy.ForVersion("2.0.0").WithLatest().WithShortCommit("0123456789").WithBranch("main").WithBuildNumber("7").Tags());

    [Fact]
    public void SourceInfoGivesCommitAndBranch() =>
        Assert.Equal(["sha-fedcba9", "release-1.x"],
            TagStrategy.Empty.WithSource(new SourceInfo("fedcba9876543210", "release/1.x", null, DateTimeOffset.UnixEpoch)).Tags());

    [Fact]
    public void DetachedSourceGivesOnlyTheCommit() =>
        Assert.Equal(["sha-fedcba9"], TagStrategy.Empty.WithSource(new SourceInfo("fedcba9876543210", null, null, DateTimeOffset.UnixEpoch)).Tags());

    [Fact]
    public void DuplicatesAppearOnce() => Assert.Equal(["latest"], TagStrategy.Empty.WithLatest().WithBranch("latest").Tags());

    [Fact]
    public void NoTagAtAllIsAnErrorWithAFix()
    {
        var e = Assert.Throws<DockerValueException>(() => TagStrategy.Empty.Tags());
        Assert.Contains("ForVersion", e.Problem.Fix);
    }

    [Fact]
    public void LongBranchIsCutTo128AndPrefixOverflowIsRefused()
    {
        Assert.Equal(128, Assert.Single(TagStrategy.Empty.WithBranch(new string('b', 300)).Tags()).Length);
        Assert.Throws<DockerValueException>(() => TagStrategy.Empty.WithBranch(new string('b', 300)).WithEnvironmentPrefix("prod").Tags());
    }

    [Fact]
    public void ForAppliesEveryTagToTheRepository() =>
        Assert.Equal(["127.0.0.1:5000/team/app:1.2.3", "127.0.0.1:5000/team/app:1.2", "127.0.0.1:5000/team/app:1"],
            TagStrategy.ForVersion("1.2.3").For("127.0.0.1:5000/team/app").Select(r => r.ToString()));

    [Fact]
    public void ForRefusesARepositoryThatAlreadyHasATag() =>
        Assert.Throws<DockerValueException>(() => TagStrategy.ForVersion("1.2.3").For("team/app:1"));

    [Fact]
    public void EveryTagIsAValidImageTag()
    {
        var tags = TagStrategy.ForVersion("10.20.30-beta.2").WithShortCommit("abcdef0").WithBranch("Feature/ÜBER_cool").WithBuildNumber("2026.1").WithEnvironmentPrefix("qa env").Tags();
        Assert.All(tags, tag => Assert.True(ImageReference.TryParse("app:" + tag, out _), tag));
    }
}
