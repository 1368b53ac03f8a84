using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// <c># check=</c> as the lab's BuildKit reads it (tests/corpora/check-directive, measured with --call=check; the
/// buildkit-check-differential compares every case with the engine): here, that the files BuildKit refuses we refuse
/// with its words, and that a C# model's checks mean the same before and after its text is written and read back.
/// </summary>
public class CheckDirectiveParityTests
{
    private static string Corpus => Path.Combine(RepositoryLayout.Root, "tests", "corpora");

    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus, "buildkit-check-refused.tsv")).Where(l => l.StartsWith("check-directive/", StringComparison.Ordinal)))
        {
            var columns = line.Split('\t');
            data.Add(columns[0], columns[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_check_directive_BuildKit_refuses_is_refused_with_its_words(string file, string error)
    {
        var text = File.ReadAllText(Path.Combine(Corpus, file));
        var refused = Assert.Throws<DockerfileParseException>(() => Linter.LintText(text));
        Assert.Contains(error, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# check=skip=JSONArgsRecommended // the reason\nFROM busybox:1.36\nCMD echo hi\n", false)]
    [InlineData("# check=skip= JSONArgsRecommended\nFROM busybox:1.36\nCMD echo hi\n", true)]
    [InlineData("  # check=skip=JSONArgsRecommended\nFROM busybox:1.36\nCMD echo hi\n", true)]
    [InlineData("# CHECK=skip=JSONArgsRecommended\nFROM busybox:1.36\nCMD echo hi\n", false)]
    [InlineData("# check=skip=jsonargsrecommended\nFROM busybox:1.36\nCMD echo hi\n", true)]
    [InlineData("FROM busybox:1.36\n# check=skip=JSONArgsRecommended\nCMD echo hi\n", true)]
    [InlineData("# syntax=docker/dockerfile:1.20\nFROM busybox:1.36\n# check=skip=JSONArgsRecommended\nCMD echo hi\n", false)]
    public void The_directive_value_ends_at_the_first_space_and_comments_above_an_instruction_need_Dockerfile_1_20(string text, bool reported) =>
        Assert.Equal(reported, Linter.LintText(text).Diagnostics.Any(d => d.Code == "FD0006"));

    public static TheoryData<string> Models() => new(ModelCases.Keys);

    private static readonly Dictionary<string, Dockerfile> ModelCases = new()
    {
        ["directive skips"] = Dockerfile.Create(Stage.Named("build").From("busybox:1.36").CmdShell("echo hi"))
            .WithChecks(new CheckDirective { Skip = ValueList.Of("JSONArgsRecommended") }),
        ["directive error"] = Dockerfile.Create(Stage.Named("build").From("busybox:1.36").CmdShell("echo hi"))
            .WithChecks(new CheckDirective { Error = true }),
        ["directive skip all, experimental all"] = Dockerfile.Create(Stage.Named("build").From("busybox:1.36").Comment("does things").CmdShell("echo hi"))
            .WithChecks(new CheckDirective { SkipAll = true, ExperimentalAll = true }),
        ["comment above, builtin frontend"] = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Env("API_TOKEN", "x").Comment("check=skip=SecretsUsedInArgOrEnv // a public value").CmdShell("echo hi").Comment("check=skip=all")),
        ["comment above, Dockerfile 1.20"] = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            .Env("API_TOKEN", "x").Comment("check=skip=SecretsUsedInArgOrEnv // a public value").CmdShell("echo hi").Comment("check=skip=all"))
            .WithFrontend(BuilderProfile.DockerfileFrontend("1.20")),
        ["comment above, skipping another check"] = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").CmdShell("echo hi").Comment("check=skip=StageNameCasing"))
            .WithFrontend(BuilderProfile.DockerfileFrontend("1")),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void A_model_lints_as_the_file_it_emits_reads(string name)
    {
        var model = ModelCases[name];
        static IEnumerable<string> Keys(LintReport report) =>
            report.Diagnostics.Select(d => $"{d.Code}@{d.Location.Line}:{d.Severity}:{d.Message}").Order(StringComparer.Ordinal);

        var fromModel = Linter.Lint(model);
        var fromText = Linter.LintText(model.Emit());

        Assert.Equal(Keys(fromText), Keys(fromModel));
        Assert.NotEmpty(fromModel.Rules);
    }
}
