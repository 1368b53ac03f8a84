using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Comments in the model are what BuildKit reads as descriptions: a comment above <c>FROM … AS name</c> or <c>ARG NAME</c>
/// that starts with the name (<c># name description</c>) is shown by <c>docker buildx build --call=outline</c> on the
/// lab's engine, whether the file was written from C# or read and emitted again.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class CommentOutlineE2ETests(DockerLabFixture lab)
{
    private const string Text = """
        # BASE_TAG the busybox release
        ARG BASE_TAG=1.36

        # app prints a greeting
        FROM busybox:${BASE_TAG} AS app
        # GREETING what it prints
        ARG GREETING=hi
        RUN echo "$GREETING"

        """;

    [Fact]
    public async Task Comments_written_from_csharp_are_the_outlines_descriptions()
    {
        var baseTag = new BuildArg("BASE_TAG", "1.36");
        var model = Dockerfile.Create(Stage.Named("app").FromExpanded($"busybox:{baseTag}").Comment("app prints a greeting")
                .Arg(new BuildArg("GREETING", "hi")).Comment("GREETING what it prints")
                .Run("echo \"$GREETING\""))
            .WithGlobalArg(baseTag, "BASE_TAG the busybox release");
        Assert.Equal(Text, model.Emit());

        var outline = await lab.Buildx.OutlineAsync(new BuildRequest(lab.WriteContext("outline-comments-csharp", model)));

        AssertDescriptions(outline);
    }

    [Fact]
    public async Task Comments_of_a_file_read_and_emitted_again_are_the_outlines_descriptions()
    {
        var read = Dockerfile.Parse(Text);
        Assert.Equal("app prints a greeting", read.Stages[0].HeaderComment);
        Assert.Equal("GREETING what it prints", read.Stages[0].Instructions[0].Comment);

        var outline = await lab.Buildx.OutlineAsync(new BuildRequest(lab.WriteContext("outline-comments-read", read)));

        AssertDescriptions(outline);
    }

    private static void AssertDescriptions(BuildOutline outline)
    {
        Assert.Equal(("app", "prints a greeting"), (outline.Name, outline.Description));
        Assert.Equal("the busybox release", Assert.Single(outline.Args, a => a.Name == "BASE_TAG").Description);
        Assert.Equal("what it prints", Assert.Single(outline.Args, a => a.Name == "GREETING").Description);
    }
}
