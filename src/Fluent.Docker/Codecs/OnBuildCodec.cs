using System.Text.RegularExpressions;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// ONBUILD: an instruction stored as text for a child build. FROM, MAINTAINER and ONBUILD are not triggers. A trigger
/// read from a file keeps its text (<see cref="OnBuildInstruction.Text"/>) where the emitter would write it otherwise,
/// because the image stores that text as written (<c>ONBUILD ENV A b</c> stores <c>ENV A b</c>).
/// </summary>
internal sealed partial class OnBuildCodec : InstructionCodec<OnBuildInstruction>
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
        Instruction instruction;
        try
        {
            if (InstructionCodecs.Read(trigger, file, context) is not [var one]) return null;
            instruction = one;
        }
        catch (InstructionSyntaxException)
        {
            return null;
        }
        // The text BuildKit stores: the line with ONBUILD and the blanks after it removed (its parseOnBuild).
        var text = OnBuildPrefix().Replace(node.Original, "", 1);
        // Kept only where the emitter would write the typed trigger differently, so that text the emitter wrote reads
        // back equal (Text null). The comparison picks the representation; it does not decide what is accepted.
        var written = InstructionCodecs.Emit(new DockerfileSyntax(context.Escape), instruction).Header;
        return [new OnBuildInstruction(instruction) { Text = text == written ? null : text }];
    }

    /// <summary>BuildKit's <c>(?i)^\s*ONBUILD\s*</c> (Go's \s: ASCII blanks and line breaks, no vertical tab).</summary>
    [GeneratedRegex(@"^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnBuildPrefix();

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, OnBuildInstruction onBuild) =>
        ("ONBUILD " + TriggerText(syntax, onBuild), []);

    /// <summary>What the image stores: the text as read, else the typed trigger as the emitter writes it.</summary>
    private static string TriggerText(DockerfileSyntax syntax, OnBuildInstruction onBuild) =>
        onBuild.Text ?? InstructionCodecs.Emit(syntax, onBuild.Trigger).Header;

    /// <summary>The trigger's features, and since 1.11 a trigger may read another stage or image (<c>--from</c>, a mount's from=).</summary>
    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(OnBuildInstruction onBuild)
    {
        var trigger = InstructionCodecs.For(onBuild.Trigger);
        foreach (var use in trigger.Features(onBuild.Trigger)) yield return use;
        if (trigger.ArtifactSources(onBuild.Trigger).Any()) yield return (DockerfileFeature.OnBuildFrom, "trigger");
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
            // One problem, one error: the text and portability are only worth reporting for an otherwise valid trigger.
            if (site.ErrorCount != before) return;
            if (onBuild.Text is { } text) CheckText(site, scope.Syntax, text, onBuild.Trigger);
            else CheckTriggerPortable(site, onBuild.Trigger);
        }
    }

    /// <summary>
    /// A trigger's text is written verbatim: one line of the trigger's own instruction that does not run into the
    /// next line. (It is not checked for portability across escape tokens: it is what the file it came from said.)
    /// </summary>
    private static void CheckText(DockerfileValidator.Site site, DockerfileSyntax syntax, string text, Instruction trigger)
    {
        if (GoText.TrimSpace(text).Length == 0)
        {
            site.Add("trigger text", "The trigger text is blank.", "pass the trigger's line as written, e.g. \"ENV A b\", or no text to write it from the trigger.");
            return;
        }
        if (!site.SingleLine("trigger text", text)) return;
        var keyword = InstructionLineParser.SplitCommand(text).Keyword;
        if (!string.Equals(keyword, trigger.Keyword, StringComparison.OrdinalIgnoreCase))
            site.Add("trigger text", $"The trigger text starts with '{DockerfileValidator.Show(keyword)}', but the trigger is {trigger.Keyword}.",
                $"write the text of the {trigger.Keyword} trigger it stands for, e.g. \"{trigger.Keyword} …\".");
        else if (text.TrimEnd(' ', '\t').EndsWith(syntax.EscapeChar))
            site.Add("trigger text", "The trigger text ends with the escape character, which would join the next line to it.", "remove the trailing character.");
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

    protected override BuildState ApplyTo(BuildState state, OnBuildInstruction onBuild, BuildInputs inputs) =>
        state with { Config = state.Config with { OnBuild = state.Config.OnBuild.Append(TriggerText(inputs.Syntax, onBuild)) } };

    /// <summary>
    /// One trigger alone; the importer records consecutive triggers in one lambda (<see cref="CSharpModel"/>). A trigger
    /// with its text keeps it: <c>OnBuild("ENV A b", t =&gt; t.Env("A", "b"))</c>.
    /// </summary>
    protected override string ToCSharp(CSharpModel model, OnBuildInstruction onBuild) => onBuild.Text is { } text
        ? $"OnBuild({CSharpText.String(text)}, t => t.{model.Call(onBuild.Trigger)})"
        : $"OnBuild(t => t.{model.Call(onBuild.Trigger)})";

    /// <summary>A rewritten trigger (a pinned image) says something its old text does not: it is written from the trigger again.</summary>
    protected override OnBuildInstruction Rewrite(OnBuildInstruction onBuild, Func<ImageReference, ImageReference> image) =>
        InstructionCodecs.For(onBuild.Trigger).RewriteImages(onBuild.Trigger, image) is var rewritten && rewritten.Equals(onBuild.Trigger)
            ? onBuild
            : onBuild with { Trigger = rewritten, Text = null };

    protected override Instruction? TriggerOf(OnBuildInstruction onBuild) => onBuild.Trigger;

    protected override LineShape ShapeOf(OnBuildInstruction onBuild) => LineShape.Verbatim;

    protected override bool ChangesShellOf(OnBuildInstruction onBuild) => InstructionCodecs.For(onBuild.Trigger).ChangesShell(onBuild.Trigger);
}
