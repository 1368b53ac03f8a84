using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>WORKDIR: one path, expanded; relative paths join the previous working directory.</summary>
internal sealed class WorkdirCodec : InstructionCodec<WorkdirInstruction>
{
    public override IReadOnlyList<string> Commands => ["workdir"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.ExactlyOne(node);
        DockerfileReader.NoFlags(node);
        return [new WorkdirInstruction(context.Analyze(node.Arguments[0]))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, WorkdirInstruction workdir) =>
        ("WORKDIR " + syntax.Word(workdir.Path.Value), []);

    protected override void Check(DockerfileValidator.Scope scope, WorkdirInstruction workdir)
    {
        // A relative WORKDIR is FD0005, a blocking rule: reported with the rule's id.
        if (workdir.Path.IsRelativeLiteral && workdir.Path.Problem is { } relative && workdir.Path.Value.Problem is null)
            scope.Site.Add(Rules.RuleIds.RelativeWorkdir, "path", relative.Message, relative.Fix);
        else scope.Site.Value("path", workdir.Path);
        scope.Site.SingleLine("path", workdir.Path.Value);
    }

    protected override BuildState ApplyTo(BuildState state, WorkdirInstruction workdir, BuildInputs inputs) =>
        state with { Config = state.Config with { WorkingDir = CleanPath(BuildState.Expand(workdir.Path.Value, state.Scope()), state.Config.WorkingDir) }, WorkdirSet = true };

    protected override IEnumerable<Expandable> ExpandedValuesOf(WorkdirInstruction workdir) => [workdir.Path.Value];

    protected override string ToCSharp(CSharpModel model, WorkdirInstruction workdir) => $"Workdir({model.Value(workdir.Path.Value)})";

    /// <summary>Relative paths join the previous one; the result is cleaned like Go's path.Clean.</summary>
    private static string CleanPath(string path, string previous)
    {
        var joined = path.StartsWith('/') ? path : (previous.Length == 0 ? "/" : previous) + "/" + path;
        var parts = new List<string>();
        foreach (var part in joined.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join("/", parts);
    }
}
