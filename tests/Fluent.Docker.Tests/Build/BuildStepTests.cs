using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>Reading a vertex name as buildx prints it: target, platform, stage, step number, instruction.</summary>
public class BuildStepTests
{
    [Theory]
    [InlineData("[4/4] RUN make", null, null, 4, 4, "RUN make")]
    [InlineData("[linux/amd64 2/3] RUN make", "linux/amd64", null, 2, 3, "RUN make")]
    [InlineData("[linux/arm64 build 4/5] COPY *.go ./", "linux/arm64", "build", 4, 5, "COPY *.go ./")]
    [InlineData("[runtime 5/8] COPY . .", null, "runtime", 5, 8, "COPY . .")]
    [InlineData("[linux/amd64->arm64 build 5/5] RUN go build", "linux/arm64", "build", 5, 5, "RUN go build")]
    [InlineData("[linux/amd64->arm/v7 build 1/2] RUN x", "linux/arm/v7", "build", 1, 2, "RUN x")]
    [InlineData("[linux/amd64 internal] load metadata for docker.io/library/busybox:1.36", "linux/amd64", null, null, null, "load metadata for docker.io/library/busybox:1.36")]
    [InlineData("[internal] load .dockerignore", null, null, null, null, "load .dockerignore")]
    [InlineData("exporting to image", null, null, null, null, "exporting to image")]
    public void A_build_step_name_gives_platform_stage_number_and_instruction(string name, string? platform, string? stage, int? index, int? total, string instruction)
    {
        var step = BuildStep.FromVertex("sha256:aa", name);

        Assert.Equal((platform, stage, index, total, instruction), (step.Platform?.ToString(), step.Stage, step.Index, step.Total, step.Instruction));
        Assert.Null(step.Target);
    }

    // Names from `docker buildx bake --progress=rawjson` (buildx 0.29) of two targets, one for two platforms.
    [Theory]
    [InlineData("[one linux/arm64 base 2/2] RUN echo base", "one", "linux/arm64", "base", 2)]
    [InlineData("[two app 1/1] RUN echo app-$(uname -m)", "two", null, "app", 1)]
    [InlineData("[one internal] load build definition from Dockerfile", "one", null, null, null)]
    [InlineData("[one] exporting to image", "one", null, null, null)]
    public void A_bake_step_name_starts_with_its_target(string name, string target, string? platform, string? stage, int? index)
    {
        var step = BuildStep.FromVertex("sha256:aa", name, bake: true);

        Assert.Equal((target, platform, stage, index), (step.Target, step.Platform?.ToString(), step.Stage, step.Index));
    }

    [Fact]
    public void Internal_steps_are_marked_and_a_step_reads_as_buildx_names_it()
    {
        Assert.True(BuildStep.FromVertex("d", "[linux/amd64 internal] load metadata for x").IsInternal);
        Assert.False(BuildStep.FromVertex("d", "[2/3] RUN make").IsInternal);
        var failed = BuildStep.FromVertex("d", "[linux/amd64 2/2] RUN false") with { State = StepState.Failed };
        Assert.Equal("[linux/amd64 2/2] RUN false ERROR", failed.ToString());
        Assert.True(failed.Ran);
        Assert.Equal("[2/3] COPY . . done 1.5s", (BuildStep.FromVertex("d", "[2/3] COPY . .") with { State = StepState.Done, Duration = TimeSpan.FromSeconds(1.5) }).ToString());
    }
}
