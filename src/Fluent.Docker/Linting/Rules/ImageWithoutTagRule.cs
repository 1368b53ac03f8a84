using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0001 (hadolint DL3006): FROM an image with neither tag nor digest.</summary>
internal sealed class ImageWithoutTagRule() : StageRule(RuleIds.ImageWithoutTag)
{
    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Base is BaseImage.Image { Reference: { Problem: null, Tag: null, Digest: null } image })
            yield return AtFrom(stage, image.ToString());
    }
}
