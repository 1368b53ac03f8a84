using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Option combinations: refused before anything runs, or run with a warning that says what will not happen.</summary>
public class BuildRequestCombinationTests
{
    private static readonly BuildRequest Minimal = new("ctx");
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    private static BuildRequestException Invalid(BuildRequest request) => Assert.Throws<BuildRequestException>(request.Validate);

    [Fact]
    public void Source_date_epoch_twice_is_refused()
    {
        var e = Invalid(Minimal.WithSourceDateEpoch(Epoch).WithBuildArg(new BuildArg("SOURCE_DATE_EPOCH"), "1"));
        Assert.Equal("BuildArgs", e.Option);
        Assert.Contains("WithSourceDateEpoch", e.Problems[0].Fix);
    }

    [Fact]
    public void Source_date_epoch_before_1970_is_refused() =>
        Assert.Equal("SourceDateEpoch", Invalid(Minimal.WithSourceDateEpoch(new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero))).Option);

    [Fact]
    public void Empty_oci_layout_directory_is_refused() => Assert.Equal("Output", Invalid(Minimal.WithOutput(BuildOutput.OciLayout(""))).Option);

    [Fact]
    public void Named_context_with_bad_name_is_refused() =>
        Assert.Equal("NamedContexts", Invalid(Minimal.WithNamedContext(new NamedContext("no spaces"), BuildContextSource.Directory("d"))).Option);

    [Fact]
    public void Named_context_with_empty_directory_is_refused() =>
        Assert.Equal("NamedContexts", Invalid(Minimal.WithNamedContext(new NamedContext("assets"), BuildContextSource.Directory(" "))).Option);

    [Fact]
    public void Named_context_with_invalid_image_carries_the_image_problem()
    {
        var e = Invalid(Minimal.WithNamedContext(new NamedContext("base"), BuildContextSource.Image("Not Valid")));
        Assert.Equal("NamedContexts", e.Option);
        Assert.Contains("repository name", e.Problems[0].Message);
    }

    [Fact]
    public void Duplicate_ssh_id_is_refused() =>
        Assert.Equal("Ssh", Invalid(Minimal.WithSsh(BuildSsh.FromAgent()).WithSsh(BuildSsh.FromFile("default", "/k"))).Option);

    [Fact]
    public void Ssh_from_an_empty_file_is_refused() => Assert.Equal("Ssh", Invalid(Minimal.WithSsh(BuildSsh.FromFile("git", ""))).Option);

    [Fact]
    public void Two_agent_variables_are_refused()
    {
        var e = Invalid(Minimal.WithSsh(BuildSsh.FromAgent("a", "AGENT_A")).WithSsh(BuildSsh.FromAgent("b", "AGENT_B")));
        Assert.Equal("Ssh", e.Option);
        Assert.Contains("FromFile", e.Problems[0].Fix);
    }

    [Fact]
    public void Load_with_provenance_warns()
    {
        var warning = Assert.Single(Minimal.WithOutput(BuildOutput.Load()).WithProvenance(ProvenanceMode.Max).Warnings());
        Assert.Equal("BuildRequest.Output", warning.Location.Slot);
        Assert.Contains("--load", warning.Message);
    }

    [Fact]
    public void Load_with_sbom_warns() => Assert.Single(Minimal.WithOutput(BuildOutput.Load()).WithSbom(new SbomAttestation()).Warnings());

    [Fact]
    public void Load_without_attestations_does_not_warn() => Assert.Empty(Minimal.WithOutput(BuildOutput.Load()).WithProvenance(ProvenanceMode.None).Warnings());

    [Fact]
    public void Push_with_provenance_does_not_warn() => Assert.Empty(Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push).WithProvenance(ProvenanceMode.Min).Warnings());

    [Fact]
    public void Source_date_epoch_with_push_warns_that_layer_times_are_kept()
    {
        var warnings = Minimal.WithTags("r:5000/a:1").WithOutput(BuildOutput.Push).WithProvenance(ProvenanceMode.None).WithSourceDateEpoch(Epoch).Warnings();
        Assert.Contains(warnings, w => w.Location.Slot == "BuildRequest.SourceDateEpoch" && w.Message.Contains("OciLayout", StringComparison.Ordinal));
    }

    [Fact]
    public void Source_date_epoch_with_provenance_warns_that_the_index_differs() =>
        Assert.Contains(Minimal.WithOutput(BuildOutput.OciLayout("o")).WithSourceDateEpoch(Epoch).Warnings(), w => w.Location.Slot == "BuildRequest.Provenance");

    [Fact]
    public void Reproducible_oci_build_has_no_warning() =>
        Assert.Empty(Minimal.WithOutput(BuildOutput.OciLayout("o")).WithProvenance(ProvenanceMode.None).WithSourceDateEpoch(Epoch).Warnings());

    [Fact]
    public void Warning_reads_as_a_warning_naming_the_option() =>
        Assert.StartsWith("warning FD2007: Attestations", Minimal.WithOutput(BuildOutput.Load()).WithProvenance(ProvenanceMode.Min).Warnings()[0].Format()
            .Replace("[BuildRequest.Output]", "", StringComparison.Ordinal));
}
