using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// The typed results of <c>--call=check|outline|targets,format=json</c>, read from what the lab's buildx 0.29 printed
/// (the base64 <c>sources</c> and LLB <c>definition</c> left out: nothing reads them).
/// </summary>
public class BuildCallResultTests
{
    // docker buildx build --call=check,format=json on "FROM busybox:1.36 AS base / RUN echo hi / FROM base as Final / …".
    private const string CheckWithWarnings = """
        {
          "warnings": [
            { "ruleName": "StageNameCasing", "description": "Stage names should be lowercase",
              "url": "https://docs.docker.com/go/dockerfile/rule/stage-name-casing/", "detail": "Stage name 'Final' should be lowercase",
              "location": { "ranges": [ { "start": { "line": 3 }, "end": { "line": 3 } } ] } },
            { "ruleName": "FromAsCasing", "description": "The 'as' keyword should match the case of the 'from' keyword",
              "url": "https://docs.docker.com/go/dockerfile/rule/from-as-casing/", "detail": "'as' and 'FROM' keywords' casing do not match",
              "location": { "ranges": [ { "start": { "line": 3 }, "end": { "line": 3 } } ] } }
          ],
          "sources": [ { "filename": "Dockerfile", "language": "Dockerfile" } ]
        }
        """;

    // The same call on a Dockerfile whose third line is "FROOM x".
    private const string CheckWithBuildError = """
        {
          "warnings": null,
          "sources": [ { "filename": "Dockerfile", "language": "Dockerfile" } ],
          "buildError": {
            "message": "dockerfile parse error on line 3: unknown instruction: FROOM (did you mean FROM?)",
            "location": { "ranges": [ { "start": { "line": 3 }, "end": { "line": 3 } } ] }
          }
        }
        """;

    [Fact]
    public void Check_warnings_carry_rule_detail_url_and_line()
    {
        var result = BuildCheckResult.Parse(CheckWithWarnings);

        Assert.False(result.Passed);
        Assert.Null(result.Error);
        Assert.Equal(["StageNameCasing", "FromAsCasing"], result.Warnings.Select(w => w.RuleName));
        var first = result.Warnings[0];
        Assert.Equal("Stage name 'Final' should be lowercase", first.Detail);
        Assert.Equal("https://docs.docker.com/go/dockerfile/rule/stage-name-casing/", first.Url);
        Assert.Equal(new SourceLine("Dockerfile", 3), first.Location);
        Assert.Equal("Dockerfile:3: StageNameCasing: Stage name 'Final' should be lowercase", first.ToString());
    }

    [Fact]
    public void A_check_that_stops_the_build_is_a_typed_error_with_its_line()
    {
        var result = BuildCheckResult.Parse(CheckWithBuildError);

        Assert.Empty(result.Warnings);
        Assert.Equal(new SourceLine("Dockerfile", 3), result.Error?.Location);
        Assert.StartsWith("dockerfile parse error on line 3", result.Error?.Message);
    }

    [Fact]
    public void A_clean_check_passes() => Assert.True(BuildCheckResult.Parse("""{ "warnings": null, "sources": [] }""").Passed);

    [Fact]
    public void Outline_lists_args_secrets_and_ssh_with_their_lines()
    {
        // --call=outline,format=json on "FROM busybox:1.36 / # … / ARG A / RUN --mount=type=secret,id=tok,required=true --mount=type=ssh true".
        const string json = """
            {
              "args": [ { "name": "A", "location": { "ranges": [ { "start": { "line": 3 }, "end": { "line": 3 } } ] } },
                        { "name": "FOO", "value": "bar", "location": { "ranges": [ { "start": { "line": 4 }, "end": { "line": 4 } } ] } } ],
              "secrets": [ { "name": "tok", "required": true, "location": { "ranges": [ { "start": { "line": 4 }, "end": { "line": 4 } } ] } } ],
              "ssh": [ { "name": "default", "location": { "ranges": [ { "start": { "line": 4 }, "end": { "line": 4 } } ] } } ],
              "sources": [ "RlJPTQ==" ]
            }
            """;

        var outline = BuildOutline.Parse(json, "app.Dockerfile");

        Assert.Equal([new OutlineArg("A", null, null, new SourceLine("app.Dockerfile", 3)), new OutlineArg("FOO", null, "bar", new SourceLine("app.Dockerfile", 4))], outline.Args);
        Assert.Equal([new OutlineMount("tok", true, new SourceLine("app.Dockerfile", 4))], outline.Secrets);
        Assert.Equal([new OutlineMount("default", false, new SourceLine("app.Dockerfile", 4))], outline.Ssh);
    }

    [Fact]
    public void Targets_list_each_stage_its_base_and_the_default()
    {
        const string json = """
            {
              "targets": [
                { "name": "base", "base": "busybox:1.36", "location": { "ranges": [ { "start": { "line": 1 }, "end": { "line": 1 } } ] } },
                { "name": "final", "default": true, "base": "base", "location": { "ranges": [ { "start": { "line": 3 }, "end": { "line": 3 } } ] } }
              ],
              "sources": [ "RlJPTQ==" ]
            }
            """;

        var targets = BuildTargetList.Parse(json);

        Assert.Equal(["base", "final"], targets.Targets.Select(t => t.Name));
        Assert.Equal("final", targets.Default?.Name);
        Assert.Equal("busybox:1.36", targets.Targets[0].Base);
        Assert.Equal(new SourceLine("Dockerfile", 3), targets.Targets[1].Location);
    }

    [Fact]
    public void Output_that_is_not_JSON_names_the_call() =>
        Assert.Contains("--call=targets", Assert.Throws<FormatException>(() => BuildTargetList.Parse("ERROR: no such file")).Message);
}
