using Fluent.Docker.Linting;
using static Fluent.Docker.Tests.Linting.LintKit;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// The rules about how a Dockerfile text was written (casing, legacy forms, comments, EXPOSE words), each both ways.
/// A model never has these problems (the emitter writes one form); the tests give the model the source facts a parsed
/// file carries.
/// </summary>
public class SourceLintRuleTests
{
    private static readonly Dockerfile TwoStages = Dockerfile.Create(Stage.Named("base").FromScratch(), Stage.Named("base2").FromScratch().Copy("Dockerfile", "/foo"));

    private static DockerfileSource Layout(SourceInstruction from1, SourceInstruction from2, SourceInstruction copy) =>
        new() { Froms = [from1, from2], Instructions = [[], [copy]] };

    private static SourceInstruction From(int line, string keyword, string asWord, string name) =>
        new(line) { Keyword = keyword, Arguments = ["scratch", asWord, name] };

    [Fact]
    public void FD0101_reports_as_cased_unlike_from()
    {
        var source = Layout(From(2, "FROM", "as", "base"), From(3, "from", "AS", "base2"), new SourceInstruction(4) { Keyword = "COPY" });
        Assert.Equal([2, 3], FindingsWithSource(TwoStages, source, "FD0101").Select(f => f.Location.Line!.Value));
    }

    [Fact]
    public void FD0101_quiet_when_the_casing_matches_or_from_is_mixed()
    {
        var source = Layout(From(2, "FROM", "AS", "base"), From(3, "From", "as", "base2"), new SourceInstruction(4) { Keyword = "COPY" });
        Assert.Empty(FindingsWithSource(TwoStages, source, "FD0101"));
    }

    [Fact]
    public void FD0102_reports_an_empty_continuation_line()
    {
        var source = Layout(From(2, "FROM", "AS", "base"), From(3, "FROM", "AS", "base2"), new SourceInstruction(4) { Keyword = "COPY", EndLine = 6 })
            with { EmptyContinuations = [new EmptyContinuation(6, 4)] };
        var finding = Assert.Single(FindingsWithSource(TwoStages, source, "FD0102"));
        Assert.Equal(6, finding.Location.Line);
        Assert.Equal("Empty continuation line", finding.Message);
    }

    [Fact]
    public void FD0102_quiet_without_empty_continuations() => Assert.Empty(Findings(TwoStages, "FD0102"));

    [Fact]
    public void FD0103_reports_keywords_unlike_the_majority()
    {
        var source = Layout(From(2, "From", "as", "base"), From(3, "FROM", "AS", "base2"), new SourceInstruction(4) { Keyword = "copy" });
        var findings = FindingsWithSource(TwoStages, source, "FD0103");
        Assert.Equal([2, 4], findings.Select(f => f.Location.Line!.Value));
        Assert.Contains("uppercase", findings[0].Message);
    }

    [Fact]
    public void FD0103_quiet_for_one_casing_and_for_emitted_models()
    {
        var source = Layout(From(2, "from", "as", "base"), From(3, "from", "as", "base2"), new SourceInstruction(4) { Keyword = "copy" });
        Assert.Empty(FindingsWithSource(TwoStages, source, "FD0103"));
        Assert.Empty(Findings(TwoStages, "FD0103"));
    }

    [Fact]
    public void FD0104_reports_maintainer()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Append(new MaintainerInstruction("me@example.org")));
        var source = new DockerfileSource { Froms = [new SourceInstruction(2) { Keyword = "FROM" }], Instructions = [[new SourceInstruction(3) { Keyword = "MAINTAINER" }]] };
        Assert.Equal(3, Assert.Single(FindingsWithSource(file, source, "FD0104")).Location.Line);
    }

    [Fact]
    public void FD0104_quiet_for_the_label_itself() =>
        Assert.Empty(Findings(Stage.Named("app").FromScratch().Label(OciLabels.Authors, "me@example.org"), "FD0104"));

    [Fact]
    public void FD0105_reports_an_undeclared_arg_in_from_text_with_a_suggestion()
    {
        var file = Dockerfile.Create(Stage.Unnamed().FromScratch());
        var source = new DockerfileSource { Froms = [new SourceInstruction(2) { Keyword = "FROM", Arguments = ["scratch"], Flags = ["--platform=$BULIDPLATFORM"] }], Instructions = [[]] };
        Assert.Contains("did you mean BUILDPLATFORM?", Assert.Single(FindingsWithSource(file, source, "FD0105")).Message);
    }

    [Fact]
    public void FD0105_quiet_for_global_and_platform_args()
    {
        var file = Dockerfile.Create(Stage.Unnamed().FromScratch(Platform.BuildPlatform)).WithGlobalArg(new BuildArg("tag", "latest"));
        var source = new DockerfileSource
        {
            GlobalArgs = [new SourceInstruction(2) { Keyword = "ARG" }],
            Froms = [new SourceInstruction(3) { Keyword = "FROM", Arguments = ["busybox:${tag}"], Flags = ["--platform=$BUILDPLATFORM"] }],
            Instructions = [[]],
        };
        Assert.Empty(FindingsWithSource(file, source, "FD0105"));
        Assert.Empty(Findings(file, "FD0105"));
    }

    [Fact]
    public void FD0108_reports_the_legacy_form()
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Env("testkey", "value").Label("key", "value"));
        var source = new DockerfileSource
        {
            Froms = [new SourceInstruction(2) { Keyword = "FROM" }],
            Instructions = [[new SourceInstruction(3) { Keyword = "ENV", LegacyKeyValue = true }, new SourceInstruction(4) { Keyword = "LABEL", LegacyKeyValue = true }]],
        };
        Assert.Equal(["\"ENV key=value\" should be used instead of legacy \"ENV key value\" format", "\"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format"],
            FindingsWithSource(file, source, "FD0108").Select(f => f.Message));
    }

    [Fact]
    public void FD0108_quiet_for_key_equals_value() => Assert.Empty(Findings(Stage.Named("app").FromScratch().Env("testkey", "value"), "FD0108"));

    [Fact]
    public void FD0112_reports_a_description_comment_for_another_name_when_enabled()
    {
        var file = Dockerfile.Create(Stage.Named("base").FromScratch().Arg(new BuildArg("version", "latest")))
            .WithChecks(new CheckDirective { Experimental = ["InvalidDefinitionDescription"] });
        var source = new DockerfileSource
        {
            Froms = [new SourceInstruction(3) { Keyword = "FROM", Arguments = ["scratch", "AS", "base"], Comments = ["BasE this is the BasE image"] }],
            Instructions = [[new SourceInstruction(5) { Keyword = "ARG", Comments = ["definitely a bad comment"] }]],
        };
        Assert.Equal([3, 5], FindingsWithSource(file, source, "FD0112").Select(f => f.Location.Line!.Value));
    }

    [Fact]
    public void FD0112_quiet_for_matching_comments_and_when_not_enabled()
    {
        var file = Dockerfile.Create(Stage.Named("base").FromScratch().Arg(new BuildArg("version", "latest")));
        var bad = new DockerfileSource
        {
            Froms = [new SourceInstruction(3) { Keyword = "FROM", Arguments = ["scratch", "AS", "base"], Comments = ["other"] }],
            Instructions = [[new SourceInstruction(5) { Keyword = "ARG", Comments = ["other"] }]],
        };
        Assert.Empty(FindingsWithSource(file, bad, "FD0112")); // experimental: off unless enabled
        var good = new DockerfileSource
        {
            Froms = [new SourceInstruction(3) { Keyword = "FROM", Arguments = ["scratch", "AS", "base"], Comments = ["base this is the base image"] }],
            Instructions = [[new SourceInstruction(5) { Keyword = "ARG", Comments = ["version this is the version"] }]],
        };
        Assert.Empty(FindingsWithSource(file, good, "FD0112", LintOptions.Default.Enable("InvalidDefinitionDescription")));
    }

    private static (Dockerfile File, DockerfileSource Source) Expose(params string[] words)
    {
        var file = Dockerfile.Create(Stage.Named("app").FromScratch().Expose(80));
        var source = new DockerfileSource { Froms = [new SourceInstruction(2) { Keyword = "FROM" }], Instructions = [[new SourceInstruction(3) { Keyword = "EXPOSE", Arguments = words }]] };
        return (file, source);
    }

    [Fact]
    public void FD0113_reports_uppercase_protocols()
    {
        var (file, source) = Expose("80/TcP", "8080/TCP", "8080/udp");
        Assert.Equal(2, FindingsWithSource(file, source, "FD0113").Count);
    }

    [Fact]
    public void FD0113_quiet_for_lowercase_protocols()
    {
        var (file, source) = Expose("80/tcp", "53/udp", "8000");
        Assert.Empty(FindingsWithSource(file, source, "FD0113"));
    }

    [Fact]
    public void FD0114_reports_ip_and_host_port_mappings()
    {
        var (file, source) = Expose("127.0.0.1:80:80", "[::1]:8080:8080", "5000:5000", "8000");
        Assert.Equal(3, FindingsWithSource(file, source, "FD0114").Count);
    }

    [Fact]
    public void FD0114_quiet_for_container_ports()
    {
        var (file, source) = Expose("80", "8000-8010/udp");
        Assert.Empty(FindingsWithSource(file, source, "FD0114"));
    }
}
