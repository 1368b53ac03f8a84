using System.Runtime.Loader;
using Fluent.Docker.Import;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.TypeSafety;

using Fluent.Docker.Tests.Import;

namespace Fluent.Docker.Tests.Codecs;

/// <summary>
/// MAINTAINER (issue 13): BuildKit deprecates it but still runs it, setting the image's Author. It reads as a
/// <see cref="MaintainerInstruction"/>, is written back as MAINTAINER (not as a label, which would drop the Author and
/// add a label), projects to <see cref="ImageConfig.Author"/>, imports as C#, and the lint keeps reporting it (FD0104).
/// </summary>
public class MaintainerTests
{
    private static Stage App() => Stage.Named("app").From("busybox:1.36");

    [Theory]
    [InlineData("MAINTAINER someone")]
    [InlineData("MAINTAINER Jane Doe <jane@example.com>")]
    [InlineData("MAINTAINER $NOT_EXPANDED \"quoted\" C:\\path")]
    public void A_read_MAINTAINER_is_written_back_as_MAINTAINER(string line)
    {
        var text = $"FROM busybox:1.36\n{line}\n";

        Assert.Equal(text, Dockerfile.Parse(text).Emit());
    }

    [Fact]
    public void It_reads_as_the_literal_text_BuildKit_hands_it_trimmed()
    {
        var instruction = Dockerfile.Parse("FROM busybox:1.36\nmaintainer   Jane Doe <jane@example.com>  \n").Stages[0].Instructions[0];

        Assert.Equal(new MaintainerInstruction("Jane Doe <jane@example.com>"), instruction);
    }

    [Fact]
    public void It_sets_the_author_of_the_image_config_and_a_child_stage_inherits_it()
    {
        var app = App().Append(new MaintainerInstruction("someone"));
        var child = Stage.Named("child").From(app).Env("A", "b");

        Assert.Equal("someone", ImageConfigProjection.Project(Dockerfile.Create(app)).Author);
        Assert.Equal("someone", ImageConfigProjection.Project(Dockerfile.Create(app, child)).Author);
        Assert.Equal("base author", ImageConfigProjection.Project(Dockerfile.Create(App()), baseImages: _ => ImageConfig.Empty with { Author = "base author" }).Author);
        Assert.Empty(ImageConfigProjection.Project(Dockerfile.Create(App().Label("maintainer", "someone"))).Author);
    }

    [Theory]
    [InlineData("", "maintainer")]
    [InlineData("  ", "maintainer")]
    [InlineData(" padded", "maintainer")]
    [InlineData("two\nlines", "maintainer")]
    [InlineData("--flag", "maintainer")]
    [InlineData("ends with \\", "maintainer")]
    public void A_name_that_would_not_read_back_is_refused(string name, string slot)
    {
        var error = Assert.Single(Dockerfile.Create(App().Append(new MaintainerInstruction(name))).Validate());

        Assert.Equal(("MAINTAINER", slot), (error.Location.Keyword, error.Location.Slot));
        Assert.NotEmpty(error.Fix);
    }

    [Fact]
    public void The_escape_character_at_the_end_is_the_files_own()
    {
        var backslash = Dockerfile.Create(App().Append(new MaintainerInstruction("a\\"))).WithEscape(EscapeToken.Backtick);
        var backtick = Dockerfile.Create(App().Append(new MaintainerInstruction("a`"))).WithEscape(EscapeToken.Backtick);

        Assert.Empty(backslash.Validate());
        Assert.Equal(backslash, Dockerfile.Parse(backslash.Emit()));
        Assert.Equal("maintainer", Assert.Single(backtick.Validate()).Location.Slot);
    }

    [Fact]
    public void It_is_not_an_onbuild_trigger()
    {
        var error = Assert.Single(Dockerfile.Create(App().OnBuild(t => t.Append(new MaintainerInstruction("someone")))).Validate());

        Assert.Equal(("ONBUILD", "trigger"), (error.Location.Keyword, error.Location.Slot));
    }

    [Fact]
    public void The_lint_reports_a_read_and_an_appended_MAINTAINER_but_not_the_authors_label()
    {
        var read = Linter.LintText("FROM busybox:1.36\nMAINTAINER someone\n");
        var built = Linter.Lint(Dockerfile.Create(App().Append(new MaintainerInstruction("someone"))));

        Assert.Equal(2, Assert.Single(read.Diagnostics, d => d.Code == "FD0104").Location.Line);
        Assert.Single(built.Diagnostics, d => d.Code == "FD0104");
        Assert.DoesNotContain(Linter.Lint(Dockerfile.Create(App().Label(OciLabels.Authors, "someone"))).Diagnostics, d => d.Code == "FD0104");
    }

    [Fact]
    public void It_imports_as_an_appended_record_that_rebuilds_the_file()
    {
        const string text = "FROM busybox:1.36\nMAINTAINER Jane \"JD\" Doe <jane@example.com>\n";

        var code = DockerfileImporter.ToCSharp(text);
        Assert.Contains(".Append(new MaintainerInstruction(\"Jane \\\"JD\\\" Doe <jane@example.com>\"))", code, StringComparison.Ordinal);
        var built = ImportedCode.Build(code, "Maintainer");
        Assert.Equal(Dockerfile.Parse(text), built);
        Assert.Equal(text, built.Emit());
    }
}
