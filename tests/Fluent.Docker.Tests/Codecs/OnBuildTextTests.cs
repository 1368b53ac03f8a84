using System.Runtime.Loader;
using Fluent.Docker.Import;
using Fluent.Docker.Pinning;
using Fluent.Docker.Tests.TypeSafety;

using Fluent.Docker.Tests.Import;

namespace Fluent.Docker.Tests.Codecs;

/// <summary>
/// ONBUILD triggers keep their text (issue 13): the image stores a trigger as written (the lab engine stores
/// <c>ONBUILD env a b   </c> as <c>"env a b   "</c>), so a read trigger is emitted verbatim, with its typed instruction
/// beside it for the lint; a trigger built in C# is written from its instruction.
/// </summary>
public class OnBuildTextTests
{
    private static Stage App() => Stage.Named("app").From("busybox:1.36");

    [Theory]
    [InlineData("ONBUILD ENV A b")]
    [InlineData("ONBUILD LABEL version 1.0")]
    [InlineData("ONBUILD env a b   ")]
    [InlineData("ONBUILD COPY  . /src")]
    [InlineData("ONBUILD expose 80")]
    [InlineData("ONBUILD ENV A=b")]
    [InlineData("ONBUILD RUN echo  \"a  b\" # not a comment")]
    public void A_trigger_is_written_back_as_it_was_read(string line)
    {
        var text = $"FROM busybox:1.36\n{line}\n";

        Assert.Equal(text, Dockerfile.Parse(text).Emit());
    }

    [Fact]
    public void The_text_is_kept_beside_the_typed_trigger_only_where_the_emitter_would_write_it_otherwise()
    {
        var body = Dockerfile.Parse("FROM busybox:1.36\nONBUILD ENV A b\nonbuild\tENV A=b\n").Stages[0].Instructions;

        var env = new EnvInstruction(ValueList.Of(new EnvVariable("A", "b")));
        Assert.Equal(new OnBuildInstruction(env) { Text = "ENV A b" }, body[0]);
        Assert.Equal(new OnBuildInstruction(env), body[1]);
    }

    [Fact]
    public void A_continued_trigger_keeps_the_joined_line_BuildKit_stores()
    {
        var onBuild = Assert.IsType<OnBuildInstruction>(Dockerfile.Parse("FROM busybox:1.36\nONBUILD ENV A \\\n  b\n").Stages[0].Instructions[0]);

        Assert.Equal("ENV A   b", onBuild.Text);
        Assert.Equal(onBuild, Dockerfile.Parse(Dockerfile.Create(App().Append(onBuild)).Emit()).Stages[0].Instructions[0]);
    }

    [Fact]
    public void The_image_config_stores_the_text_as_written_and_a_built_trigger_as_emitted()
    {
        var read = ImageConfigProjection.Project(Dockerfile.Parse("FROM busybox:1.36\nONBUILD ENV A b\nONBUILD env a b   \nONBUILD RUN make\n"));
        var built = ImageConfigProjection.Project(Dockerfile.Create(App().OnBuild(t => t.Env("A", "b").Run("make"))));

        Assert.Equal(["ENV A b", "env a b   ", "RUN make"], read.OnBuild);
        Assert.Equal(["ENV A=b", "RUN make"], built.OnBuild);
    }

    [Fact]
    public void A_trigger_built_with_its_text_is_written_with_it()
    {
        var file = Dockerfile.Create(App().OnBuild("ENV A b", t => t.Env("A", "b")).OnBuild(t => t.Env("A", "b")));

        Assert.Equal("FROM busybox:1.36 AS app\nONBUILD ENV A b\nONBUILD ENV A=b\n", file.Emit());
        Assert.Equal(file, Dockerfile.Parse(file.Emit()));
        Assert.Throws<ArgumentException>(() => App().OnBuild("ENV A b", t => t.Env("A", "b").Env("C", "d")));
    }

    [Theory]
    [InlineData("", "trigger text")]
    [InlineData("RUN make", "trigger text")]
    [InlineData("ENV A b\nRUN make", "trigger text")]
    [InlineData("ENV A b \\", "trigger text")]
    public void A_text_that_is_not_one_line_of_its_trigger_is_refused(string text, string slot)
    {
        var error = Assert.Single(Dockerfile.Create(App().OnBuild(text, t => t.Env("A", "b"))).Validate());

        Assert.Equal(("ONBUILD", slot), (error.Location.Keyword, error.Location.Slot));
    }

    [Fact]
    public void A_text_that_opens_a_heredoc_is_refused()
    {
        var error = Assert.Single(Dockerfile.Create(App().OnBuild("RUN cat <<EOF", t => t.Run("cat"))).Validate());

        Assert.Equal(("ONBUILD", "line"), (error.Location.Keyword, error.Location.Slot));
    }

    [Fact]
    public void Pinning_a_trigger_image_drops_the_text_that_names_the_old_reference()
    {
        var file = Dockerfile.Parse("FROM busybox:1.36\nONBUILD COPY  --from=alpine:3.20 /etc/os-release /\n");
        var digest = "sha256:" + new string('a', 64);
        var imageLock = ImageLock.Empty.With(new LockedImage(ImageReference.Parse("alpine:3.20"), digest, ValueList.Of(Platform.LinuxAmd64)));

        var pinned = ImagePinning.Pin(file, imageLock, out _);

        var onBuild = Assert.IsType<OnBuildInstruction>(pinned.Stages[0].Instructions[0]);
        Assert.Null(onBuild.Text);
        Assert.Contains($"ONBUILD COPY --from=alpine:3.20@{digest} /etc/os-release /", pinned.Emit(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_with_its_text_imports_as_code_that_rebuilds_the_file()
    {
        const string text = "FROM busybox:1.36\nONBUILD ENV A b\nONBUILD RUN make\nONBUILD COPY . /src\n";

        var code = DockerfileImporter.ToCSharp(text);
        Assert.Contains(".OnBuild(\"ENV A b\", t => t.Env(\"A\", \"b\"))", code, StringComparison.Ordinal);
        Assert.Contains(".OnBuild(t => t.Run(\"make\").Copy(\".\", \"/src\"))", code, StringComparison.Ordinal);
        var built = ImportedCode.Build(code, "OnBuildText");
        Assert.Equal(Dockerfile.Parse(text), built);
        Assert.Equal(text, built.Emit());
    }
}
