using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>RUN: a command (exec, shell or heredoc script) and its options, each owned by a <see cref="RunFlagCodec"/>.</summary>
internal sealed class RunCodec : InstructionCodec<RunInstruction>
{
    /// <summary>Flags BuildKit's RUN knows that no <see cref="RunFlagCodec"/> types yet: a RUN using them is kept raw.</summary>
    private static readonly string[] UntypedFlags = [.. new[] { "device" }.Where(flag => RunFlagCodecs.All.All(c => c.Flag != flag))];

    private static readonly (string Name, BuilderFlags.Kind Kind)[] Flags =
        [.. RunFlagCodecs.Table, .. UntypedFlags.Select(flag => (flag, BuilderFlags.Kind.Values))];

    public override IReadOnlyList<string> Commands => ["run"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, Flags);
        if (UntypedFlags.Any(flags.Has)) return null;
        var options = new List<RunOption>();
        foreach (var flag in RunFlagCodecs.All)
            if (!flag.Read(flags, file, context, options)) return null;

        CommandLine? command;
        if (node.Heredocs.Count > 0)
        {
            // Only the simple form is a script: the command is exactly one heredoc marker.
            command = node.Heredocs.Count == 1 && node.Arguments is [var marker] && DockerfileSyntaxParser.ParseHeredoc(marker) is not null
                ? new CommandLine.Script(node.Heredocs[0].ChompedContent)
                : null;
        }
        else command = DockerfileReader.ReadCommand(node);
        return command is null ? null : [new RunInstruction(command, ValueList.From(options))];
    }

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, RunInstruction run)
    {
        var flags = string.Concat(run.Options.Select(o => RunFlagCodecs.For(o).Emit(syntax, o) + " "));
        return DockerfileEmitter.Command("RUN " + flags, run.Command);
    }

    protected override IReadOnlyList<string> HeredocsOf(RunInstruction run) =>
        run.Command is CommandLine.Script script ? [DockerfileEmitter.HeredocDelimiter(script.Text)] : [];

    protected override void Check(DockerfileValidator.Scope scope, RunInstruction run)
    {
        DockerfileValidator.CheckCommand(scope.Site, scope.Syntax, "command", run.Command, allowEmptyExec: false, scope.InsideOnBuild, opensHeredocs: true);
        DockerfileValidator.CheckNoLeadingFlag(scope.Site, run.Command);
        foreach (var option in run.Options) RunFlagCodecs.For(option).Validate(scope, option);
    }

    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(RunInstruction run)
    {
        if (run.Command is CommandLine.Script) yield return (DockerfileFeature.Heredocs, "command");
        foreach (var option in run.Options)
            foreach (var use in RunFlagCodecs.For(option).Features(option)) yield return use;
    }

    protected override string ToCSharp(CSharpModel model, RunInstruction run)
    {
        var options = string.Concat(run.Options.Select(o => ", " + RunFlagCodecs.For(o).Import(model, o)));
        return run.Command switch
        {
            CommandLine.Exec exec => $"RunExec([{CSharpModel.Strings(exec.Arguments)}]{options})",
            CommandLine.Script script => $"RunScript({CSharpText.Text(script.Text, CSharpModel.LiteralIndent)}{options})",
            CommandLine.Shell shell => $"Run({CSharpText.String(shell.Command)}{options})",
            _ => throw CSharpModel.NoCSharpFor(run),
        };
    }

    protected override IEnumerable<ArtifactSource> ArtifactSourcesOf(RunInstruction run) => run.Options.SelectMany(o => RunFlagCodecs.For(o).ArtifactSources(o));

    protected override IEnumerable<ContextRead> ContextReadsOf(RunInstruction run) => run.Options.SelectMany(o => RunFlagCodecs.For(o).ContextReads(o));

    protected override IEnumerable<RunOption> PrivilegedOptionsOf(RunInstruction run) => run.Options.Where(o => RunFlagCodecs.For(o).NeedsEntitlement(o));

    protected override IEnumerable<(string Slot, Expandable Value)> RecordedValuesOf(RunInstruction run) => run.Command switch
    {
        CommandLine.Shell shell => [("RUN command", Expandable.Literal(shell.Command))],
        CommandLine.Script script => [("RUN script", Expandable.Literal(script.Text))],
        _ => [],
    };

    protected override RunInstruction Rewrite(RunInstruction run, Func<ImageReference, ImageReference> image) =>
        run with { Options = ValueList.From(run.Options.Select(o => RunFlagCodecs.For(o).RewriteImages(o, image))) };

    protected override LineShape ShapeOf(RunInstruction run) => new LineShape.Command(run.Command);

    protected override RunInstruction WithShellCommandOf(RunInstruction run, Func<string, string> rewrite) => run with { Command = Rewritten(run.Command, rewrite) };
}
