using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Model;

/// <summary>
/// The Buildah 1.28 profile: each feature its table refuses is refused by the validator with the profile's name and
/// the row's fix, each feature it supports passes, and docs/buildah.md is the table.
/// </summary>
public class BuildahProfileTests
{
    private static readonly BuilderProfile Buildah = BuilderProfile.Buildah("1.28");

    private static IReadOnlyList<Problem> ProblemsUnderBuildah(string dockerfile) => Dockerfile.Parse(dockerfile).WithFrontend(Buildah).Validate();

    /// <summary>One Dockerfile per refused row, using that feature once.</summary>
    public static TheoryData<string, string> RefusedFeatures => new()
    {
        { nameof(BuilderFeature.Heredoc), "FROM busybox:1.36\nRUN <<EOF\necho one\necho two\nEOF\n" },
        { nameof(BuilderFeature.Heredoc), "FROM busybox:1.36\nCOPY <<EOF /greeting\nhello\nEOF\n" },
        { nameof(BuilderFeature.CheckDirective), "# check=error=true\nFROM busybox:1.36\nRUN true\n" },
        { nameof(BuilderFeature.RunMountSecretEnv), "FROM busybox:1.36\nRUN --mount=type=secret,id=token,env=TOKEN test -n \"$TOKEN\"\n" },
        { nameof(BuilderFeature.RunNetwork), "FROM busybox:1.36\nRUN --network=none true\n" },
        { nameof(BuilderFeature.RunSecurity), "# syntax=docker/dockerfile:1.20\nFROM busybox:1.36\nRUN --security=insecure true\n" },
        { nameof(BuilderFeature.RunDevice), "# syntax=docker/dockerfile:1.14-labs\nFROM busybox:1.36\nRUN --device=name=vendor.com/gpu true\n" },
        { nameof(BuilderFeature.CopyLink), "FROM busybox:1.36\nCOPY --link a.txt /a.txt\n" },
        { nameof(BuilderFeature.CopyLink), "FROM busybox:1.36\nADD --link a.txt /a.txt\n" },
        { nameof(BuilderFeature.CopyExclude), "# syntax=docker/dockerfile:1.7-labs\nFROM busybox:1.36\nCOPY --exclude=*.log d /d\n" },
        { nameof(BuilderFeature.CopyParents), "# syntax=docker/dockerfile:1.7-labs\nFROM busybox:1.36\nCOPY --parents d/sub/f.txt /out/\n" },
        { nameof(BuilderFeature.AddChecksum), "FROM busybox:1.36\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/file.tgz /file.tgz\n" },
        { nameof(BuilderFeature.AddGitRepository), "FROM busybox:1.36\nADD https://github.com/moby/buildkit.git#v0.13.0 /src\n" },
        { nameof(BuilderFeature.AddUnpack), "FROM busybox:1.36\nADD --unpack=false a.tar /a.tar\n" },
        { nameof(BuilderFeature.HealthcheckStartInterval), "FROM busybox:1.36\nHEALTHCHECK --start-interval=2s CMD [\"true\"]\n" },
    };

    [Theory]
    [MemberData(nameof(RefusedFeatures))]
    public void A_refused_feature_names_the_profile_the_feature_and_the_fix(string feature, string dockerfile)
    {
        var row = BuildahFeatures.Row(Enum.Parse<BuilderFeature>(feature));

        var problem = Assert.Single(ProblemsUnderBuildah(dockerfile));

        Assert.False(row.Supported);
        Assert.Equal(ProblemCodes.InvalidModel, problem.Code);
        Assert.StartsWith($"Buildah 1.28 does not support {row.Syntax}: ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(row.Fix, problem.Fix);
        Assert.NotEmpty(problem.Fix);
    }

    [Theory]
    [MemberData(nameof(RefusedFeatures))]
    public void The_same_file_passes_on_the_builder_it_was_written_for(string feature, string dockerfile)
    {
        var model = Dockerfile.Parse(dockerfile);

        Assert.True(model.Validate().Count == 0, $"{feature}: {string.Join("; ", model.Validate())}");
    }

    [Fact]
    public void Every_supported_feature_passes_under_the_profile()
    {
        var problems = ProblemsUnderBuildah("""
            FROM --platform=$BUILDPLATFORM golang:1.24 AS build
            ARG TARGETARCH
            RUN --mount=type=cache,id=go,target=/root/.cache,sharing=locked --mount=type=tmpfs,target=/scratch --mount=type=bind,source=go.mod,target=/src/go.mod echo $TARGETARCH
            RUN --mount=type=secret,id=token,target=/run/token --mount=type=ssh cat /run/token
            FROM busybox:1.36
            COPY --from=build --chown=10001:10001 --chmod=0755 /bin/true /app
            COPY --from=busybox:1.36 /bin/busybox /busybox
            ADD https://example.com/file.txt /file.txt
            SHELL ["/bin/sh", "-ec"]
            ONBUILD RUN echo child
            HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD ["/app"]
            ENTRYPOINT ["/app"]
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_refused_row_has_a_fix_and_every_row_says_how_it_was_verified()
    {
        Assert.Equal(Enum.GetValues<BuilderFeature>().Order(), BuildahFeatures.Rows.Select(r => r.Feature).Order());
        Assert.All(BuildahFeatures.Rows.Where(r => !r.Supported), row => Assert.NotEmpty(row.Fix));
        Assert.All(BuildahFeatures.Rows, row => Assert.NotEmpty(row.Verified));
    }

    [Fact]
    public void Every_refused_row_is_reached_by_a_refusal_test() =>
        Assert.Equal(
            BuildahFeatures.Rows.Where(r => !r.Supported).Select(r => r.Feature.ToString()).Order(),
            RefusedFeatures.Select(row => (string)row[0]).Distinct().Order());

    [Fact]
    public void The_profile_writes_no_syntax_directive_even_over_a_pinned_frontend()
    {
        var model = Dockerfile.Parse("# syntax=docker/dockerfile:1.7\nFROM busybox:1.36\nRUN true\n").WithFrontend(Buildah);

        Assert.Equal("FROM busybox:1.36\nRUN true\n", model.ToString());
        Assert.Null(Buildah.SyntaxDirective);
        Assert.False(Buildah.IsBuiltin);
        Assert.Equal("Buildah 1.28", Buildah.DisplayName);
    }

    [Fact]
    public void A_patch_release_is_read_as_its_minor_release() =>
        Assert.Equal("1.28", BuilderProfile.Buildah("1.28.2").BuildahVersion);

    [Theory]
    [InlineData("1.33")]
    [InlineData("latest")]
    [InlineData("")]
    public void A_release_whose_facts_are_not_recorded_is_refused_with_the_recorded_ones(string version)
    {
        var error = Assert.Throws<DockerValueException>(() => BuilderProfile.Buildah(version));

        Assert.Contains("\"1.28\"", error.Problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_model_keeps_the_buildah_profile()
    {
        var csharp = Fluent.Docker.Import.DockerfileImporter.ToCSharp(Dockerfile.Parse("FROM busybox:1.36\nRUN true\n").WithFrontend(Buildah));

        Assert.Contains("WithFrontend(BuilderProfile.Buildah(\"1.28\"))", csharp, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_page_is_the_feature_table() =>
        Assert.Equal(BuildahFeatures.Markdown(), File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "buildah.md")).ReplaceLineEndings("\n"));
}
