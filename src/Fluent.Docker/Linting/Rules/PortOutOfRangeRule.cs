using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0021 (hadolint DL3011): EXPOSE of a port outside 1-65535.</summary>
internal sealed class PortOutOfRangeRule() : InstructionRule<ExposeInstruction>(RuleIds.PortOutOfRange)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, ExposeInstruction expose) =>
        expose.Ports.Where(p => !DockerfileFacts.IsPortInRange(p.Number)).Select(p => At(at, p.Number));
}
