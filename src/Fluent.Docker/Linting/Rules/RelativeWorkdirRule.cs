using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0005 (BuildKit WorkdirRelativePath, hadolint DL3000): the first WORKDIR of a stage (and the stages it builds on)
/// is relative, so it depends on the base image's. Later relative WORKDIRs build on that first one and are fine.
/// </summary>
internal sealed class RelativeWorkdirRule() : InstructionRule<WorkdirInstruction>(RuleIds.RelativeWorkdir)
{
    private protected override IEnumerable<Finding> Check(InstructionContext at, WorkdirInstruction workdir)
    {
        // BuildKit names the path as expanded, in Go's %q quoting (the message format has the quotes).
        if (!at.Before.WorkdirSet && BuildState.Expand(workdir.Path.Value, at.Before.Scope()) is var path && DockerfileFacts.IsRelativePath(path))
            yield return At(at, Parsing.GoText.Quote(path)[1..^1]);
    }
}
