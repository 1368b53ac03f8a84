using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>SHELL: the JSON array the shell forms of later instructions run with.</summary>
internal sealed class ShellCodec : InstructionCodec<ShellInstruction>
{
    public override IReadOnlyList<string> Commands => ["shell"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.NoFlags(node);
        if (node.Arguments.Count == 0) throw new InstructionSyntaxException("SHELL requires at least one argument");
        if (!node.IsJson) throw new InstructionSyntaxException($"SHELL requires the arguments to be in JSON form: {node.Original}");
        return [new ShellInstruction(ValueList.From(node.Arguments))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, ShellInstruction shell) => ("SHELL " + DockerfileSyntax.JsonArray(shell.Shell), []);

    protected override void Check(DockerfileValidator.Scope scope, ShellInstruction shell)
    {
        if (shell.Shell.Count == 0) scope.Site.Add("shell", "SHELL needs at least the executable.", "pass e.g. Shell(\"/bin/bash\", \"-o\", \"pipefail\", \"-c\").");
        for (var i = 0; i < shell.Shell.Count; i++) scope.Site.SingleLine($"shell argument {i + 1}", shell.Shell[i]);
    }

    protected override BuildState ApplyTo(BuildState state, ShellInstruction shell, BuildInputs inputs) =>
        state with { Config = state.Config with { Shell = shell.Shell } };

    protected override string ToCSharp(CSharpModel model, ShellInstruction shell) => $"Shell({CSharpModel.Strings(shell.Shell)})";

    protected override bool ChangesShellOf(ShellInstruction shell) => true;
}
