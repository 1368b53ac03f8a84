using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0002 (hadolint DL3007): FROM an image tagged <c>latest</c> without a digest.</summary>
internal sealed class ImageLatestTagRule() : StageRule(RuleIds.ImageLatestTag)
{
    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.Stage.Base is BaseImage.Image { Reference: { Problem: null, Tag: "latest", Digest: null } image })
            yield return AtFrom(stage, image.ToString());
    }
}
