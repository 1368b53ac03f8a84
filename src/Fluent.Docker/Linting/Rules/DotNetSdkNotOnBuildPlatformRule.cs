using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0024: a build stage FROM a .NET SDK image without <c>--platform=$BUILDPLATFORM</c>, so a build for another
/// architecture runs the SDK under emulation. The final stage is left alone: a single-stage image whose runtime is the
/// SDK has to run on the target (FD0024 is about build stages, the size of such an image is another matter).
/// </summary>
internal sealed class DotNetSdkNotOnBuildPlatformRule() : StageRule(RuleIds.DotNetSdkNotOnBuildPlatform)
{
    internal override RulePhase Phase => RulePhase.Read;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.IsFinal || stage.Stage.Base is not BaseImage.Image { Reference: var image }) yield break;
        if (!DockerfileFacts.IsDotNetSdkImage(stage.BaseAsWritten ?? image.ToString())) yield break;
        if (stage.Stage.Platform == Platform.BuildPlatform || DockerfileFacts.IsBuildPlatform(stage.PlatformAsWritten)) yield break;
        yield return AtFrom(stage, stage.DisplayName, image.ToString());
    }
}
