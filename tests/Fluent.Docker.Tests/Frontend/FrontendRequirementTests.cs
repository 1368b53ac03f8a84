namespace Fluent.Docker.Tests.Frontend;

/// <summary>The syntax solver (issue 13, point 4): the oldest frontend that knows every feature a file uses, and refusals naming it.</summary>
public class FrontendRequirementTests
{
    public static TheoryData<string> Features() => new(DockerfileFeature.All.Select(f => f.Name));

    private static DockerfileFeature Named(string name) => DockerfileFeature.All.Single(f => f.Name == name);

    [Theory]
    [MemberData(nameof(Features))]
    public void Each_feature_sample_needs_exactly_that_feature_and_its_minimal_syntax(string name)
    {
        var feature = Named(name);
        var file = FeatureSamples.For(feature).WithFrontend(BuilderProfile.CustomFrontend("example.com/frontend:any"));

        var requirement = file.RequiredFrontend();

        Assert.Contains(requirement.Uses, u => u.Feature == feature);
        Assert.All(requirement.Uses, u => Assert.True(u.Feature == feature || u.Feature.Stable <= feature.Stable || feature.LabsOnly, $"{name} also uses {u.Feature}"));
        Assert.Equal(feature.MinimalSyntax, requirement.Frontend.FrontendVersion);
        Assert.Empty(file.WithMinimalFrontend().Validate());
    }

    [Fact]
    public void A_file_without_versioned_features_needs_1_0()
    {
        var requirement = Dockerfile.Create(Stage.Unnamed().From("busybox:1.36").Run("true")).RequiredFrontend();

        Assert.Empty(requirement.Uses);
        Assert.Equal(new DockerfileSyntaxVersion(1, 0), requirement.Minimum);
        Assert.False(requirement.Labs);
    }

    [Fact]
    public void The_minimal_frontend_is_the_newest_feature_s_version_and_is_emitted_as_the_syntax_directive()
    {
        var stage = Stage.Unnamed().From("busybox:1.36").Run("true", Mount.Cache("/root/.cache")).Copy("a", "/a/", new CopyOptions { Link = true, Parents = true });

        var file = Dockerfile.Create(stage).WithMinimalFrontend();

        Assert.Equal("1.20", file.Frontend.FrontendVersion);
        Assert.StartsWith("# syntax=docker/dockerfile:1.20\n", file.Emit(), StringComparison.Ordinal);
        Assert.Equal(["RUN --mount", "COPY/ADD --link", "COPY --parents"], file.RequiredFrontend().Uses.Select(u => u.Feature.Name));
    }

    [Fact]
    public void A_labs_only_feature_makes_the_whole_file_labs_at_the_labs_version_of_its_features()
    {
        // --parents is stable since 1.20 but labs since 1.7; --device is labs since 1.14: 1.14-labs knows both.
        var stage = Stage.Unnamed().From("busybox:1.36").Run("true", new RunDevice("vendor.com/gpu=all")).Copy("a", "/a/", new CopyOptions { Parents = true });

        var requirement = Dockerfile.Create(stage).RequiredFrontend();

        Assert.True(requirement.Labs);
        Assert.Equal("1.14-labs", requirement.Frontend.FrontendVersion);
    }

    [Fact]
    public void A_pinned_frontend_too_old_for_a_flag_is_refused_naming_the_version_that_knows_it()
    {
        var file = Dockerfile.Create(Stage.Unnamed().From("busybox:1.36").Copy("a", "/a/", new CopyOptions { Parents = true }))
            .WithFrontend(BuilderProfile.DockerfileFrontend("1.7"));

        var error = Assert.Single(file.Validate());

        Assert.Equal("--parents", error.Location.Slot);
        Assert.Equal(1, error.Location.InstructionNumber);
        Assert.Equal("docker/dockerfile:1.7 does not know COPY --parents: it is stable syntax since 1.20 (labs since 1.7-labs).", error.Message);
        Assert.Contains("BuilderProfile.DockerfileFrontend(\"1.20\")", error.Fix, StringComparison.Ordinal);
        Assert.Throws<DockerfileValidationException>(() => file.Emit());
    }

    [Theory]
    [InlineData("1.7-labs", true)]
    [InlineData("1.19", false)]
    [InlineData("1.20", true)]
    [InlineData("1", true)]
    [InlineData("1.6-labs", false)]
    public void Stable_and_labs_channels_know_parents_from_their_own_version(string version, bool knows) =>
        Assert.Equal(knows, BuilderProfile.DockerfileFrontend(version).Knows(DockerfileFeature.CopyParents));

    [Fact]
    public void The_builtin_frontend_of_Docker_28_knows_exclude_but_not_parents_security_or_device()
    {
        Assert.True(BuilderProfile.Builtin.Knows(DockerfileFeature.CopyExclude));
        Assert.True(BuilderProfile.Builtin.Knows(DockerfileFeature.AddUnpack));
        Assert.False(BuilderProfile.Builtin.Knows(DockerfileFeature.CopyParents));
        Assert.False(BuilderProfile.Builtin.Knows(DockerfileFeature.RunSecurity));
        Assert.False(BuilderProfile.Builtin.Knows(DockerfileFeature.RunDevice));
        Assert.False(BuilderProfile.BuiltinFrontend("1.7").Knows(DockerfileFeature.CopyExclude));
        Assert.Equal(BuilderProfile.Builtin, BuilderProfile.BuiltinFrontend("1.19"));
    }

    [Fact]
    public void A_custom_frontend_is_taken_to_know_everything()
    {
        var custom = BuilderProfile.CustomFrontend("docker/dockerfile-upstream:master");

        Assert.All(DockerfileFeature.All, f => Assert.True(custom.Knows(f), f.Name));
    }

    [Fact]
    public void Syntax_versions_compare_numerically()
    {
        Assert.True(DockerfileSyntaxVersion.TryParse("1.10") > DockerfileSyntaxVersion.TryParse("1.9"));
        Assert.True(DockerfileSyntaxVersion.TryParse("1.1.2") < DockerfileSyntaxVersion.TryParse("1.2"));
        Assert.Null(DockerfileSyntaxVersion.TryParse("1.x"));
        Assert.Equal("1.1.2", new DockerfileSyntaxVersion(1, 1, 2).ToString());
    }

    [Fact]
    public void A_check_directive_needs_1_8_and_experimental_checks_1_10()
    {
        var file = Dockerfile.Create(Stage.Unnamed().From("busybox:1.36"));

        Assert.Equal("1.8", file.WithChecks(new CheckDirective { SkipAll = true }).RequiredFrontend().Frontend.FrontendVersion);
        Assert.Equal("1.10", file.WithChecks(new CheckDirective { ExperimentalAll = true }).RequiredFrontend().Frontend.FrontendVersion);
    }
}
