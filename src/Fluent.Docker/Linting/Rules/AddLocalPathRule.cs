using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0020 (hadolint DL3020): ADD of a local file or folder that is not an archive to unpack.</summary>
internal sealed class AddLocalPathRule() : InstructionRule<AddInstruction>(RuleIds.AddLocalPath)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, AddInstruction add)
    {
        foreach (var source in add.Sources)
            if (source is AddSource.Local { Path.Value.LiteralText: { } path } && !DockerfileFacts.IsArchive(path))
                yield return At(at, path);
    }
}
