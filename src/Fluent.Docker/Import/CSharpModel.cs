using System.Globalization;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Import;

/// <summary>What the import template lays out: the BuildArg variables, the stage chains and the final Dockerfile.</summary>
public sealed record ImportedFile(
    string Namespace, string ClassName, string MethodName,
    IReadOnlyList<ImportedVariable> Args, IReadOnlyList<ImportedStage> Stages, string StageList, IReadOnlyList<string> Withs);

/// <summary><c>var Name = Value;</c></summary>
public sealed record ImportedVariable(string Name, string Value);

/// <summary><c>var Name = Head</c> then one <c>.Call</c> per line.</summary>
public sealed record ImportedStage(string Name, string Head, IReadOnlyList<string> Comments, IReadOnlyList<ImportedCall> Calls);

/// <summary>One chained call (the text after the dot) and the Dockerfile comments above its instruction.</summary>
public sealed record ImportedCall(string Text, IReadOnlyList<string> Comments);

/// <summary>Renders a model as the C# expressions of the fluent API; see <see cref="DockerfileImporter"/>.</summary>
internal sealed class CSharpModel(Dockerfile file, IReadOnlyDictionary<(int Stage, int Instruction), InstructionNode> sources)
{
    /// <summary>Indent of the lines inside a multi-line literal of a chained call.</summary>
    private const string LiteralIndent = "                ";

    private readonly HashSet<string> _identifiers = [];
    private readonly Dictionary<string, string> _argLocals = new(StringComparer.Ordinal);
    private readonly Dictionary<BuildArg, string> _argByValue = [];
    private readonly Dictionary<string, string> _stageLocals = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<InstructionNode> _commented = [];

    private static readonly (BuildArg Arg, string Expression)[] AutomaticArgs =
    [
        (BuildArg.BuildPlatform, "BuildArg.BuildPlatform"), (BuildArg.BuildOs, "BuildArg.BuildOs"), (BuildArg.BuildArch, "BuildArg.BuildArch"),
        (BuildArg.TargetPlatform, "BuildArg.TargetPlatform"), (BuildArg.TargetOs, "BuildArg.TargetOs"), (BuildArg.TargetArch, "BuildArg.TargetArch"),
        (BuildArg.TargetVariant, "BuildArg.TargetVariant"),
    ];

    public ImportedFile Build(ImportOptions options)
    {
        var args = new List<ImportedVariable>();
        foreach (var arg in file.GlobalArgs)
        {
            var local = CSharpText.Identifier(arg.Name, "arg", "Arg", _identifiers);
            args.Add(new ImportedVariable(local, NewBuildArg(arg)));
            _argLocals.TryAdd(arg.Name, local);
            _argByValue.TryAdd(arg, local);
        }
        var stages = new List<ImportedStage>();
        for (var s = 0; s < file.Stages.Count; s++)
        {
            var stage = file.Stages[s];
            var local = CSharpText.Identifier(stage.Name ?? "", "stage" + (s + 1).ToString(CultureInfo.InvariantCulture), "Stage", _identifiers);
            stages.Add(new ImportedStage(local, Head(stage), CommentsOf(s, 0), Calls(s, stage)));
            if (stage.Name is not null) _stageLocals[stage.Name] = local;
        }
        var withs = new List<string>();
        foreach (var arg in file.GlobalArgs) withs.Add($"WithGlobalArg({_argByValue[arg]})");
        if (!file.Frontend.IsBuiltin)
            withs.Add(file.Frontend.FrontendVersion is { } version
                ? $"WithFrontend(BuilderProfile.DockerfileFrontend({CSharpText.String(version)}))"
                : $"WithFrontend(BuilderProfile.CustomFrontend({CSharpText.String(file.Frontend.SyntaxDirective!)}))");
        if (file.Escape == EscapeToken.Backtick) withs.Add("WithEscape(EscapeToken.Backtick)");
        if (file.Checks is { } checks) withs.Add($"WithChecks({Checks(checks)})");
        return new ImportedFile(options.Namespace, options.ClassName, options.MethodName, args, stages, string.Join(", ", stages.Select(s => s.Name)), withs);
    }

    private IReadOnlyList<string> CommentsOf(int stage, int instruction)
    {
        if (!sources.TryGetValue((stage, instruction), out var node) || !_commented.Add(node)) return [];
        return [.. node.Comments.Select(CSharpText.Comment)];
    }

    // ---- FROM

    private string Head(Stage stage)
    {
        var declaration = stage.Name is null ? "Stage.Unnamed()" : $"Stage.Named({CSharpText.String(stage.Name)})";
        var platform = stage.Platform is { } p ? ", " + PlatformOf(p) : "";
        return stage.Base switch
        {
            BaseImage.Image image => $"{declaration}.From({CSharpText.String(image.Reference.ToString())}{platform})",
            BaseImage.OfStage parent => $"{declaration}.From({_stageLocals[parent.Stage.Name]}{platform})",
            BaseImage.Expanded expanded => $"{declaration}.FromExpanded({Value(expanded.Reference)}{platform})",
            _ => stage.Platform is { } scratchPlatform ? $"{declaration}.FromScratch({PlatformOf(scratchPlatform)})" : $"{declaration}.FromScratch()",
        };
    }

    private static string PlatformOf(Platform platform)
    {
        if (platform == Platform.BuildPlatform) return "Platform.BuildPlatform";
        if (platform == Platform.TargetPlatform) return "Platform.TargetPlatform";
        if (platform == Platform.LinuxAmd64) return "Platform.LinuxAmd64";
        if (platform == Platform.LinuxArm64) return "Platform.LinuxArm64";
        if (platform == Platform.LinuxArmV7) return "Platform.LinuxArmV7";
        return $"Platform.Of({CSharpText.String(platform.Os)}, {CSharpText.String(platform.Architecture)}"
               + (platform.Variant is { } v ? ", " + CSharpText.String(v) : "") + ")";
    }

    // ---- instructions

    private List<ImportedCall> Calls(int stageIndex, Stage stage)
    {
        var calls = new List<ImportedCall>();
        for (var i = 0; i < stage.Instructions.Count; i++)
        {
            var comments = CommentsOf(stageIndex, i + 1);
            if (stage.Instructions[i] is OnBuildInstruction)
            {
                // Consecutive ONBUILD triggers are recorded by one lambda.
                var triggers = new List<string>();
                for (; i < stage.Instructions.Count && stage.Instructions[i] is OnBuildInstruction onBuild; i++) triggers.Add(Call(onBuild.Trigger));
                i--;
                calls.Add(new ImportedCall($"OnBuild(t => t.{string.Join(".", triggers)})", comments));
                continue;
            }
            calls.Add(new ImportedCall(Call(stage.Instructions[i]), comments));
        }
        return calls;
    }

    private string Call(Instruction instruction) => instruction switch
    {
        RunInstruction run => run.Command switch
        {
            CommandLine.Exec exec => $"RunExec([{Strings(exec.Arguments)}]{Options(run.Options)})",
            CommandLine.Script script => $"RunScript({CSharpText.Text(script.Text, LiteralIndent)}{Options(run.Options)})",
            CommandLine.Shell shell => $"Run({CSharpText.String(shell.Command)}{Options(run.Options)})",
            _ => Append(instruction),
        },
        CmdInstruction { Command: CommandLine.Exec exec } => $"Cmd({Strings(exec.Arguments)})",
        CmdInstruction { Command: CommandLine.Shell shell } => $"CmdShell({CSharpText.String(shell.Command)})",
        EntrypointInstruction { Command: CommandLine.Exec exec } => $"Entrypoint({Strings(exec.Arguments)})",
        EntrypointInstruction { Command: CommandLine.Shell shell } => $"EntrypointShell({CSharpText.String(shell.Command)})",
        ShellInstruction shell => $"Shell({Strings(shell.Shell)})",
        HealthcheckInstruction health => $"Healthcheck({Healthcheck(health.Healthcheck)})",
        CopyInstruction copy => Copy(copy),
        CopyContentInstruction { Expand: false } content =>
            $"CopyContent({Value(content.Destination.Value)}, {CSharpText.Text(content.Content, LiteralIndent)}{OptionsArgument(content.Options)})",
        AddInstruction { Sources: [var source] } add =>
            $"Add({AddSourceOf(source)}, {Value(add.Destination.Value)}{OptionsArgument(add.Options, add.Unpack is not null)}{(add.Unpack is { } unpack ? ", unpack: " + Bool(unpack) : "")})",
        WorkdirInstruction workdir => $"Workdir({Value(workdir.Path.Value)})",
        EnvInstruction { Variables: [var one] } => $"Env({CSharpText.String(one.Name)}, {Value(one.Value)})",
        EnvInstruction env => $"Env({string.Join(", ", env.Variables.Select(v => $"({CSharpText.String(v.Name)}, {Value(v.Value, cast: true)})"))})",
        ArgInstruction arg => $"Arg({ArgExpression(arg.Arg)})",
        LabelInstruction { Labels: [var one] } => $"Label({LabelKeyOf(one.Key)}, {Value(one.Value)})",
        LabelInstruction label => $"Labels({string.Join(", ", label.Labels.Select(l => $"({LabelKeyOf(l.Key)}, {Value(l.Value, cast: true)})"))})",
        ExposeInstruction expose => $"Expose({string.Join(", ", expose.Ports.Select(PortOf))})",
        UserInstruction user => $"User({UserOf(user.User)})",
        VolumeInstruction volume => $"Volume({string.Join(", ", volume.Paths.Select(p => Value(p.Value)))})",
        StopSignalInstruction signal => $"StopSignal({SignalOf(signal.Signal)})",
        _ => Append(instruction),
    };

    /// <summary>Instructions without a fluent method of their own: the record, appended.</summary>
    private string Append(Instruction instruction) => "Append(" + instruction switch
    {
        CopyContentInstruction content =>
            $"new CopyContentInstruction({Value(content.Destination.Value, cast: true)}, {CSharpText.Text(content.Content, LiteralIndent)}, {CopyOptionsOf(content.Options)}) {{ Expand = {Bool(content.Expand)} }}",
        AddInstruction add =>
            $"new AddInstruction(ValueList.Of<AddSource>({string.Join(", ", add.Sources.Select(AddSourceOf))}), {Value(add.Destination.Value, cast: true)}, {CopyOptionsOf(add.Options)}, {(add.Unpack is { } u ? Bool(u) : "null")})",
        RawInstruction raw => raw.Heredocs.Count == 0
            ? $"new RawInstruction({CSharpText.String(raw.Line)})"
            : $"new RawInstruction({CSharpText.String(raw.Line)}) {{ Heredocs = ValueList.Of({string.Join(", ", raw.Heredocs.Select(h => $"new RawHeredoc({CSharpText.String(h.Delimiter)}, {CSharpText.Text(h.Content, LiteralIndent)})"))}) }}",
        _ => throw new NotSupportedException($"The importer has no C# for {instruction.GetType().Name}."),
    } + ")";

    private string Copy(CopyInstruction copy)
    {
        var sources = copy.Sources.Count == 1
            ? Value(copy.Sources[0].Value)
            : $"new SourcePath[] {{ {string.Join(", ", copy.Sources.Select(s => Value(s.Value, cast: true)))} }}";
        var options = OptionsArgument(copy.Options);
        return copy.From is { } from
            ? $"CopyFrom({SourceOf(from)}, {sources}, {Value(copy.Destination.Value)}{options})"
            : $"Copy({sources}, {Value(copy.Destination.Value)}{options})";
    }

    private string OptionsArgument(CopyOptions options, bool named = false) =>
        options == CopyOptions.None ? "" : (named ? ", options: " : ", ") + CopyOptionsOf(options);

    private string CopyOptionsOf(CopyOptions options)
    {
        if (options == CopyOptions.None) return "CopyOptions.None";
        var settings = new List<string>();
        if (options.Chown is { } chown) settings.Add("Chown = " + UserOf(chown));
        if (options.Chmod is { } chmod) settings.Add("Chmod = " + PermissionsOf(chmod));
        if (options.Link) settings.Add("Link = true");
        if (options.Exclude.Count > 0) settings.Add($"Exclude = ValueList.Of({Strings(options.Exclude)})");
        if (options.Parents) settings.Add("Parents = true");
        return "new CopyOptions { " + string.Join(", ", settings) + " }";
    }

    private string AddSourceOf(AddSource source) => source switch
    {
        AddSource.Url url => $"new AddSource.Url(new System.Uri({CSharpText.String(url.Address.AbsoluteUri)}){(url.Checksum is { } sum ? ", " + CSharpText.String(sum) : "")})",
        AddSource.Git git => $"new AddSource.Git({CSharpText.String(git.Repository)}"
                             + (git.Ref is { } gitRef ? ", " + CSharpText.String(gitRef) : "")
                             + (git.KeepGitDir ? ", KeepGitDir: true" : "")
                             + (git.Checksum is { } commit ? ", Checksum: " + CSharpText.String(commit) : "") + ")",
        AddSource.Local local => $"new AddSource.Local({Value(local.Path.Value, cast: true)})",
        _ => throw new NotSupportedException(source.GetType().Name),
    };

    private string SourceOf(ArtifactSource source) => source switch
    {
        ArtifactSource.FromStage stage => _stageLocals[stage.Stage.Name],
        ArtifactSource.FromImage image => $"ImageReference.Parse({CSharpText.String(image.Image.ToString())})",
        ArtifactSource.FromContext context => $"new NamedContext({CSharpText.String(context.Context.Name)})",
        _ => throw new NotSupportedException(source.GetType().Name),
    };

    private string Options(ValueList<RunOption> options) => string.Concat(options.Select(o => ", " + RunOptionOf(o)));

    private string RunOptionOf(RunOption option) => option switch
    {
        RunNetwork network => "RunNetwork." + network.Mode,
        RunSecurity security => "RunSecurity." + security.Mode,
        CacheMount cache => Factory("Mount.Cache", Value(cache.Target.Value),
            ("id", cache.Id is { } id ? CSharpText.String(id) : null),
            ("sharing", cache.Sharing is { } sharing ? "CacheSharing." + sharing : null),
            ("mode", cache.Mode is { } mode ? PermissionsOf(mode) : null),
            ("uid", Int(cache.Uid)), ("gid", Int(cache.Gid)),
            ("from", cache.From is { } from ? SourceOf(from) : null),
            ("source", cache.Source is { } source ? Value(source.Value, cast: true) : null),
            ("readOnly", cache.ReadOnly ? "true" : null)),
        SecretMount secret => Factory("Mount.Secret", $"new SecretId({CSharpText.String(secret.Id.Id)})",
            ("target", secret.Target is { } target ? Value(target.Value, cast: true) : null),
            ("env", secret.Env is { } env ? CSharpText.String(env) : null),
            ("required", secret.Required ? "true" : null),
            ("mode", secret.Mode is { } mode ? PermissionsOf(mode) : null),
            ("uid", Int(secret.Uid)), ("gid", Int(secret.Gid))),
        SshMount ssh => Factory("Mount.Ssh", null,
            ("id", ssh.Id is { } id ? CSharpText.String(id) : null),
            ("target", ssh.Target is { } target ? Value(target.Value, cast: true) : null),
            ("required", ssh.Required ? "true" : null),
            ("mode", ssh.Mode is { } mode ? PermissionsOf(mode) : null),
            ("uid", Int(ssh.Uid)), ("gid", Int(ssh.Gid))),
        BindMount bind => Factory("Mount.Bind", Value(bind.Target.Value, cast: true),
            ("source", bind.Source is { } source ? Value(source.Value, cast: true) : null),
            ("from", bind.From is { } from ? SourceOf(from) : null),
            ("readWrite", bind.ReadWrite ? "true" : null)),
        TmpfsMount tmpfs => Factory("Mount.Tmpfs", Value(tmpfs.Target.Value),
            ("size", tmpfs.Size is { } size ? size.ToString(CultureInfo.InvariantCulture) + "L" : null)),
        _ => throw new NotSupportedException(option.GetType().Name),
    };

    private static string Factory(string method, string? first, params (string Name, string? Value)[] named)
    {
        var arguments = new List<string>();
        if (first is not null) arguments.Add(first);
        arguments.AddRange(named.Where(n => n.Value is not null).Select(n => $"{n.Name}: {n.Value}"));
        return $"{method}({string.Join(", ", arguments)})";
    }

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Strings(IEnumerable<string> values) => string.Join(", ", values.Select(CSharpText.String));

    private static string PermissionsOf(FilePermissions permissions) =>
        permissions == FilePermissions.Executable ? "FilePermissions.Executable"
        : permissions == FilePermissions.ReadOnly ? "FilePermissions.ReadOnly"
        : permissions == FilePermissions.Private ? "FilePermissions.Private"
        : $"FilePermissions.Octal({CSharpText.String(permissions.ToString())})";

    private static string Healthcheck(Healthcheck health)
    {
        if (health.Test is null) return "Healthcheck.None";
        var text = health.Test switch
        {
            CommandLine.Exec exec => $"Healthcheck.Exec({Strings(exec.Arguments)})",
            CommandLine.Shell shell => $"Healthcheck.Shell({CSharpText.String(shell.Command)})",
            _ => throw new NotSupportedException("a heredoc health check"),
        };
        if (health.Interval is { } interval) text += $".WithInterval({TimeSpanOf(interval)})";
        if (health.Timeout is { } timeout) text += $".WithTimeout({TimeSpanOf(timeout)})";
        if (health.StartPeriod is { } startPeriod) text += $".WithStartPeriod({TimeSpanOf(startPeriod)})";
        if (health.StartInterval is { } startInterval) text += $".WithStartInterval({TimeSpanOf(startInterval)})";
        if (health.Retries is { } retries) text += $".WithRetries({retries.ToString(CultureInfo.InvariantCulture)})";
        return text;
    }

    private static string TimeSpanOf(TimeSpan value) =>
        value == TimeSpan.Zero ? "System.TimeSpan.Zero"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? $"System.TimeSpan.FromMinutes({(value.Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture)})"
        : value.Ticks % TimeSpan.TicksPerSecond == 0 ? $"System.TimeSpan.FromSeconds({(value.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)})"
        : value.Ticks % TimeSpan.TicksPerMillisecond == 0 ? $"System.TimeSpan.FromMilliseconds({(value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)})"
        : $"System.TimeSpan.FromTicks({value.Ticks.ToString(CultureInfo.InvariantCulture)})";

    private static string PortOf(Port port) => port.Protocol switch
    {
        PortProtocol.Udp => $"Port.Udp({port.Number.ToString(CultureInfo.InvariantCulture)})",
        PortProtocol.Sctp => $"Port.Sctp({port.Number.ToString(CultureInfo.InvariantCulture)})",
        _ => port.Number.ToString(CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<string, string> OciKeys = typeof(OciLabels).GetProperties()
        .ToDictionary(p => ((LabelKey)p.GetValue(null)!).Key, p => "OciLabels." + p.Name, StringComparer.Ordinal);

    private static string LabelKeyOf(LabelKey key) => OciKeys.GetValueOrDefault(key.Key) ?? CSharpText.String(key.Key);

    private static readonly Dictionary<string, string> KnownSignals = typeof(Signal).GetProperties()
        .Where(p => p.PropertyType == typeof(Signal) && p.GetMethod!.IsStatic)
        .ToDictionary(p => ((Signal)p.GetValue(null)!).Text, p => "Signal." + p.Name, StringComparer.Ordinal);

    private static string SignalOf(Signal signal) => KnownSignals.GetValueOrDefault(signal.Text) ?? $"Signal.Named({CSharpText.String(signal.Text)})";

    private string UserOf(UserSpec user)
    {
        static bool Number(Expandable? value) => value?.LiteralText is { Length: > 0 and < 10 } t && t.All(char.IsAsciiDigit) && t[0] != '0' || value?.LiteralText == "0";
        if (Number(user.User) && (user.Group is null || Number(user.Group)))
            return user.Group is { } g ? $"UserSpec.Id({user.User.LiteralText}, {g.LiteralText})" : $"UserSpec.Id({user.User.LiteralText})";
        if (user.User.IsLiteral && user.Group?.IsLiteral != false) return CSharpText.String(user.Text.LiteralText!);
        return user.Group is { } group ? $"UserSpec.Named({Value(user.User, cast: true)}, {Value(group, cast: true)})" : $"UserSpec.Named({Value(user.User, cast: true)})";
    }

    private string NewBuildArg(BuildArg arg)
    {
        foreach (var (automatic, expression) in AutomaticArgs)
            if (automatic.Equals(arg)) return expression;
        return arg.DefaultValue is { } value
            ? $"new BuildArg({CSharpText.String(arg.Name)}, {Value(value, cast: true)})"
            : $"new BuildArg({CSharpText.String(arg.Name)})";
    }

    /// <summary>A stage's ARG: the file's BuildArg variable when it is the same declaration, else the BuildArg inline.</summary>
    private string ArgExpression(BuildArg arg) => _argByValue.TryGetValue(arg, out var local) ? local : NewBuildArg(arg);

    private string Value(Expandable value, bool cast = false) => CSharpText.Value(value, Reference, cast);

    /// <summary>A variable inside a value: the BuildArg variable of that name when there is one.</summary>
    private string Reference(string name)
    {
        if (_argLocals.TryGetValue(name, out var local)) return local;
        foreach (var (automatic, expression) in AutomaticArgs)
            if (automatic.Name == name) return expression;
        return $"Expandable.Variable({CSharpText.String(name)})";
    }

    private static string Checks(CheckDirective checks)
    {
        var settings = new List<string>();
        if (checks.Skip.Count > 0) settings.Add($"Skip = ValueList.Of({Strings(checks.Skip)})");
        if (checks.SkipAll) settings.Add("SkipAll = true");
        if (checks.Error) settings.Add("Error = true");
        return "new CheckDirective { " + string.Join(", ", settings) + " }";
    }
}
