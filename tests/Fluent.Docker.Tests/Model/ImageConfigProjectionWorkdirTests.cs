namespace Fluent.Docker.Tests.Model;

/// <summary>
/// BuildKit starts a scratch stage at WORKDIR "/", but a stage on an image keeps the image's own working directory,
/// also when that is empty (busybox, debian): found when the static-site example's config was compared in the lab.
/// </summary>
public class ImageConfigProjectionWorkdirTests
{
    [Fact]
    public void Scratch_stage_starts_at_root()
    {
        var config = ImageConfigProjection.Project(Dockerfile.Create(Stage.Named("app").FromScratch().Cmd("/app")));

        Assert.Equal("/", config.WorkingDir);
    }

    [Fact]
    public void Image_stage_keeps_the_base_images_working_directory_even_when_empty()
    {
        var file = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("true").Cmd("httpd"));
        var busybox = ImageConfig.Empty with { Cmd = ["sh"] };
        var withWorkdir = ImageConfig.Empty with { WorkingDir = "/srv" };

        Assert.Equal("", ImageConfigProjection.Project(file, baseImages: _ => busybox).WorkingDir);
        Assert.Equal("/srv", ImageConfigProjection.Project(file, baseImages: _ => withWorkdir).WorkingDir);
    }

    [Fact]
    public void Stage_on_a_scratch_stage_inherits_root()
    {
        var build = Stage.Named("base").FromScratch();
        var file = Dockerfile.Create(build, Stage.Named("final").From(build).Cmd("/app"));

        Assert.Equal("/", ImageConfigProjection.Project(file).WorkingDir);
    }
}
