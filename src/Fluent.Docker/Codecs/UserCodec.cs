using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>USER <c>user[:group]</c>.</summary>
internal sealed class UserCodec : InstructionCodec<UserInstruction>
{
    public override IReadOnlyList<string> Commands => ["user"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.ExactlyOne(node);
        DockerfileReader.NoFlags(node);
        return [new UserInstruction(DockerfileReader.UserOf(context.Analyze(node.Arguments[0])))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, UserInstruction user) => ("USER " + syntax.Word(user.User.Text), []);

    protected override void Check(DockerfileValidator.Scope scope, UserInstruction user)
    {
        scope.Site.Value("user", user.User);
        scope.Site.SingleLine("user", user.User.User);
        if (user.User.Group is { } group) scope.Site.SingleLine("group", group);
    }

    protected override BuildState ApplyTo(BuildState state, UserInstruction user, BuildInputs inputs) =>
        state with { Config = state.Config with { User = BuildState.Expand(user.User.Text, state.Scope()) } };

    protected override IEnumerable<Expandable> ExpandedValuesOf(UserInstruction user) => [user.User.Text];

    protected override string ToCSharp(CSharpModel model, UserInstruction user) => $"User({model.UserOf(user.User)})";
}
