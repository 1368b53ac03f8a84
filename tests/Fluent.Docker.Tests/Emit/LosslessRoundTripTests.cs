using Fluent.Docker.Conformance;
using Fluent.Docker.Emit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Issue 13 point 1: a parsed file emitted unchanged is byte for byte what was read; a changed instruction is rendered
/// alone while everything around it keeps its text; comments are model values the C# API writes and the reader reads.
/// Every corpus file is the dockerfile-lossless corpus (<see cref="LosslessCorpus"/>, asserted by ConformanceTests).
/// </summary>
public class LosslessRoundTripTests
{
    private const string Written = """
        # syntax=docker/dockerfile:1.7
        # check=skip=JSONArgsRecommended

        # VERSION the release to build
        ARG VERSION=1.0 OTHER

        # build compiles the app
        from  golang:1.24 as build
        WORKDIR /src
        # Dependencies first, for the layer cache.
        COPY  --chmod=755 --link go.mod go.sum ./
        RUN set -eux; \
            go mod download \
        # a comment inside the continuation
            && go build -o /out/app .
        ENV PATH $PATH:/usr/local/go/bin
        HEALTHCHECK --interval=60s CMD 'true'
        RUN <<-'SCRIPT'
        	echo "$HOME"
        	SCRIPT

        FROM scratch
        COPY --from=build /out/app /app
        ENTRYPOINT [ "/app" ]
        # the end

        """;

    [Theory]
    [InlineData(Written)]
    [InlineData("FROM busybox:1.36\r\n# crlf\r\nRUN echo a \\\r\n  b\r\n")]
    [InlineData("FROM busybox:1.36\nRUN true")]
    [InlineData("\uFEFF# escape=`\n\nFROM busybox:1.36\nRUN echo a `\n    b\n\n\n")]
    [InlineData("\n\n  FROM busybox:1.36   \n\t run   echo   a\n#\n")]
    public void An_unmodified_file_is_emitted_byte_for_byte(string text)
    {
        Assert.Equal(text, Dockerfile.Parse(text).Emit());
        Assert.Null(LosslessCorpus.Check(text));
    }

    /// <summary>
    /// The BuildKit parser testfiles the model cannot read, so that dockerfile-lossless checks them on the syntax tree:
    /// each is one BuildKit's parser reads but its build refuses (an instruction before FROM, an unterminated quote,
    /// an unknown flag, HEALTHCHECK without a command). The other 23 are emitted back by the model.
    /// </summary>
    [Fact]
    public void The_buildkit_parser_testfiles_the_model_refuses_are_ones_a_build_refuses_too()
    {
        var root = Corpora.FindRoot();
        var testfiles = LosslessCorpus.Files(root).Where(LosslessCorpus.IsBuildKitTestfile).ToList();
        var refused = new Dictionary<string, string>();
        foreach (var file in testfiles)
        {
            try
            {
                Dockerfile.Parse(File.ReadAllText(Path.Combine(root, file)));
            }
            catch (Fluent.Docker.Parsing.DockerfileParseException e)
            {
                refused[file.Split('/')[2]] = e.Reason;
            }
        }

        Assert.Equal(33, testfiles.Count);
        Assert.Equal(
            ["env", "escapes", "flags", "health", "jeztah-invalid-json-json-inside-string", "jeztah-invalid-json-json-inside-string-double",
             "jeztah-invalid-json-single-quotes", "jeztah-invalid-json-unterminated-bracket", "jeztah-invalid-json-unterminated-string", "json"],
            refused.Keys.Order(StringComparer.Ordinal));
        Assert.All(refused, r => Assert.Matches("before the first FROM|matching (single|double)-quote|Unknown flag|requires at least one argument", r.Value));
    }

    [Fact]
    public void A_changed_instruction_is_rendered_alone_and_everything_around_it_keeps_its_text()
    {
        var file = Dockerfile.Parse(Written);
        var run = (RunInstruction)file.Stages[0].Instructions[2];

        var edited = ReplaceInstruction(file, 0, 2, run with { Command = new CommandLine.Shell("go build ./...") });

        // The comment above the RUN is unchanged, so its leading lines stay; only its own lines are rendered again.
        Assert.Equal(Written.Replace("""
            RUN set -eux; \
                go mod download \
            # a comment inside the continuation
                && go build -o /out/app .
            """, "RUN go build ./...", StringComparison.Ordinal), edited.Emit());
        Assert.Equal(Dockerfile.Parse(edited.Emit()), edited);
    }

    [Fact]
    public void A_changed_comment_is_rendered_with_its_instruction_and_nothing_else_changes()
    {
        var file = Dockerfile.Parse(Written);
        var copy = file.Stages[0].Instructions[1];
        Assert.Equal("Dependencies first, for the layer cache.", copy.Comment);

        var edited = ReplaceInstruction(file, 0, 1, copy with { Comment = "modules\nfirst" });

        Assert.Equal(Written.Replace("""
            # Dependencies first, for the layer cache.
            COPY  --chmod=755 --link go.mod go.sum ./
            """, """
            # modules
            # first
            COPY --chmod=0755 --link go.mod go.sum ./
            """, StringComparison.Ordinal), edited.Emit());
        Assert.Equal("modules\nfirst", Dockerfile.Parse(edited.Emit()).Stages[0].Instructions[1].Comment);
    }

    [Fact]
    public void Removed_and_added_instructions_take_and_bring_only_their_own_lines()
    {
        var file = Dockerfile.Parse(Written);
        var stage = file.Stages[1];
        var instructions = ValueList.From(stage.Instructions.Take(1).Append(new UserInstruction(UserSpec.Id(10001))).Append(stage.Instructions[1]));
        var withUser = ReplaceStage(file, 1, stage.Rewritten(stage.Base, instructions));

        Assert.Equal(Written.Replace("""
            COPY --from=build /out/app /app
            ENTRYPOINT [ "/app" ]
            """, """
            COPY --from=build /out/app /app
            USER 10001
            ENTRYPOINT [ "/app" ]
            """, StringComparison.Ordinal), withUser.Emit());

        var withoutCopy = ReplaceStage(file, 0, file.Stages[0].Rewritten(file.Stages[0].Base,
            ValueList.From(file.Stages[0].Instructions.Where((_, i) => i != 1))));
        Assert.Equal(Written.Replace("""
            # Dependencies first, for the layer cache.
            COPY  --chmod=755 --link go.mod go.sum ./

            """, "", StringComparison.Ordinal), withoutCopy.Emit());
    }

    [Fact]
    public void Changed_directives_rewrite_the_directive_lines_only()
    {
        var file = Dockerfile.Parse(Written).WithChecks(null);

        Assert.Equal(Written.Replace("# check=skip=JSONArgsRecommended\n", "", StringComparison.Ordinal), file.Emit());
    }

    [Fact]
    public void A_changed_escape_character_renders_every_part_afresh()
    {
        var file = Dockerfile.Parse("FROM busybox:1.36\nRUN echo a \\\n  b\n").WithEscape(EscapeToken.Backtick);

        Assert.Equal("# escape=`\n\nFROM busybox:1.36\nRUN echo a   b\n", file.Emit());
    }

    [Fact]
    public void A_changed_global_arg_of_a_line_with_several_is_rendered_on_its_own_line()
    {
        var file = Dockerfile.Parse(Written);
        var args = file.GlobalArgs.ToList();
        var rebuilt = Dockerfile.Create([.. file.Stages]).WithFrontend(file.Frontend).WithChecks(file.Checks)
            .WithGlobalArg(args[0].WithDefault("2.0"), file.GlobalArgComments[0], file.GlobalArgSources[0].Value)
            .WithGlobalArg(args[1], null, file.GlobalArgSources[1].Value) with { Source = file.Source };

        Assert.Equal(Written.Replace("ARG VERSION=1.0 OTHER", "ARG VERSION=2.0\nARG OTHER", StringComparison.Ordinal), rebuilt.Emit());
    }

    [Fact]
    public void A_parsed_model_equals_the_same_model_built_in_csharp_whatever_its_text()
    {
        var parsed = Dockerfile.Parse("from busybox:1.36 as app\n# greets\nrun   echo \\\n  hi\n");
        var built = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("echo   hi").Comment("greets"));

        Assert.Equal(built, parsed);
        Assert.Equal(built.GetHashCode(), parsed.GetHashCode());
        Assert.Equal("FROM busybox:1.36 AS app\n# greets\nRUN echo   hi\n", built.Emit());
    }

    [Fact]
    public void Comment_writes_above_the_from_line_or_the_last_instruction_and_reads_back()
    {
        var version = new BuildArg("VERSION", "1.0");
        var file = Dockerfile.Create(
                Stage.Named("build").From("golang:1.24").Comment("build compiles the app")
                    .Run("go build ./...").Comment("  two\n\n lines  "))
            .WithGlobalArg(version, "VERSION the release");

        var text = file.Emit();

        Assert.Equal("""
            # VERSION the release
            ARG VERSION=1.0

            # build compiles the app
            FROM golang:1.24 AS build
            # two
            # lines
            RUN go build ./...

            """, text);
        var read = Dockerfile.Parse(text);
        Assert.Equal(file, read);
        Assert.Equal("build compiles the app", read.Stages[0].HeaderComment);
        Assert.Equal("two\nlines", read.Stages[0].Instructions[0].Comment);
        Assert.Equal(new string?[] { "VERSION the release" }, read.GlobalArgComments);
    }

    [Fact]
    public void A_first_comment_that_reads_as_a_parser_directive_stays_a_comment()
    {
        var file = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Comment("check=skip=all"));

        Assert.Equal("\n# check=skip=all\nFROM busybox:1.36 AS app\n", file.Emit());
        Assert.Equal(file, Dockerfile.Parse(file.Emit()));
    }

    [Fact]
    public void Render_gives_one_instruction_as_the_emitter_writes_a_changed_one()
    {
        var instruction = new RunInstruction(new CommandLine.Shell("make"), []) { Comment = "compile" };

        Assert.Equal("# compile\nRUN make\n", DockerfileEmitter.Render(EscapeToken.Backslash, instruction));
    }

    [Fact]
    public void Emitting_without_source_text_gives_the_canonical_form()
    {
        var file = Dockerfile.Parse("from busybox:1.36\n\n# hi\nrun  echo a\n");

        // Canonical: instructions rendered afresh (blank runs in the command made one), the blank and comment lines before
        // them tidied but kept (fmt loses no comment line, attached to an instruction or not).
        Assert.Equal("FROM busybox:1.36\n\n# hi\nRUN echo a\n", DockerfileEmitter.Emit(file, null, keepSourceText: false));
    }

    private static Dockerfile ReplaceInstruction(Dockerfile file, int stageIndex, int instructionIndex, Instruction instruction)
    {
        var stage = file.Stages[stageIndex];
        var instructions = ValueList.From(stage.Instructions.Select((old, i) => i == instructionIndex ? instruction : old));
        return ReplaceStage(file, stageIndex, stage.Rewritten(stage.Base, instructions));
    }

    private static Dockerfile ReplaceStage(Dockerfile file, int stageIndex, Stage replacement)
    {
        var target = file.Stages[stageIndex];
        return file.WithStagesRewritten(stage => ReferenceEquals(stage, target) ? replacement : stage);
    }
}
