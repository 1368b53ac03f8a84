using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>ONBUILD: an instruction stored as text for a child build. FROM, MAINTAINER and ONBUILD are not triggers.</summary>
internal sealed class OnBuildCodec : InstructionCodec<OnBuildInstruction>
{
    public override IReadOnlyList<string> Commands => ["onbuild"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.NoFlags(node);
        if (node.Trigger is not { } trigger) throw new InstructionSyntaxException("ONBUILD requires at least one argument");
        var keyword = trigger.Command.ToUpperInvariant();
        if (keyword == "ONBUILD") throw new InstructionSyntaxException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        if (keyword is "MAINTAINER" or "FROM") throw new InstructionSyntaxException($"{keyword} isn't allowed as an ONBUILD trigger");
        // BuildKit checks the trigger only when a child image builds: anything the model cannot type stays raw.
        if (node.Heredocs.Count > 0) return null;
        try
        {
            return InstructionCodecs.Read(trigger, file, context) is [var instruction] ? [new OnBuildInstruction(instruction)] : null;
        }
        catch (InstructionSyntaxException)
        {
            return null;
        }
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, OnBuildInstruction onBuild)
    {
        var (header, _) = InstructionCodecs.Emit(syntax, onBuild.Trigger);
        return ("ONBUILD " + header, []);
    }

    protected override void Check(DockerfileValidator.Scope scope, OnBuildInstruction onBuild)
    {
        var site = scope.Site;
        if (scope.InsideOnBuild || InstructionCodecs.For(onBuild.Trigger).Trigger(onBuild.Trigger) is not null)
            site.Add("trigger", "ONBUILD cannot trigger another ONBUILD.", "list the trigger instructions directly.");
        else
        {
            var before = site.ErrorCount;
            scope.InTrigger().Check(onBuild.Trigger);
            // One problem, one error: portability is only worth reporting for an otherwise valid trigger.
            if (site.ErrorCount == before) CheckTriggerPortable(site, onBuild.Trigger);
        }
    }

    /// <summary>
    /// A trigger is stored as text and parsed again by the child build with the child's own escape token, which
    /// may differ from this file's: its text must read the same under both tokens.
    /// </summary>
    private static void CheckTriggerPortable(DockerfileValidator.Site site, Instruction trigger)
    {
        var (backslash, _) = InstructionCodecs.Emit(new DockerfileSyntax(EscapeToken.Backslash), trigger);
        var (backtick, _) = InstructionCodecs.Emit(new DockerfileSyntax(EscapeToken.Backtick), trigger);
        if (backslash != backtick)
            site.Add("trigger", "The trigger needs escaping, and a child image reads it with its own escape token (\\ or `), so it could mean something else there.",
                "keep quotes, '$', '\\' and '`' out of the trigger's values, or hand the value to the child through an ARG or ENV.");
        else if (backslash.TrimEnd(' ', '\t').EndsWith('\\') || backslash.TrimEnd(' ', '\t').EndsWith('`'))
            site.Add("trigger", "The trigger ends with an escape character, which a child image may read as a line continuation.", "remove the trailing character.");
    }

    protected override BuildState ApplyTo(BuildState state, OnBuildInstruction onBuild, BuildInputs inputs)
    {
        var (header, _) = InstructionCodecs.Emit(inputs.Syntax, onBuild.Trigger);
        return state with { Config = state.Config with { OnBuild = state.Config.OnBuild.Append(header) } };
    }

    /// <summary>One trigger alone; the importer records consecutive triggers in one lambda (<see cref="CSharpModel"/>).</summary>
    protected override string ToCSharp(CSharpModel model, OnBuildInstruction onBuild) => $"OnBuild(t => t.{model.Call(onBuild.Trigger)})";

    protected override OnBuildInstruction Rewrite(OnBuildInstruction onBuild, Func<ImageReference, ImageReference> image) =>
        onBuild with { Trigger = InstructionCodecs.For(onBuild.Trigger).RewriteImages(onBuild.Trigger, image) };

    protected override Instruction? TriggerOf(OnBuildInstruction onBuild) => onBuild.Trigger;
}
