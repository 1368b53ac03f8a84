using System.Globalization;

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

/// <summary>
/// Renders a model as the C# expressions of the fluent API; the importer (Fluent.Docker.Import package) lays them out as
/// a file. The model's comments become <c>.Comment("…")</c> calls (and <c>WithGlobalArg(arg, "…")</c>), so the C# builds
/// a model equal to the one read, comments included.
/// </summary>
internal sealed class CSharpModel(Dockerfile file)
{
    /// <summary>Indent of the lines inside a multi-line literal of a chained call.</summary>
    internal const string LiteralIndent = "                ";

    private readonly HashSet<string> _identifiers = [];
    private readonly Dictionary<string, string> _argLocals = new(StringComparer.Ordinal);
    private readonly Dictionary<BuildArg, string> _argByValue = [];
    private readonly Dictionary<string, string> _stageLocals = new(StringComparer.OrdinalIgnoreCase);

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
            stages.Add(new ImportedStage(local, Head(stage), [], Calls(stage)));
            if (stage.Name is not null) _stageLocals[stage.Name] = local;
        }
        var withs = new List<string>();
        for (var i = 0; i < file.GlobalArgs.Count; i++)
            withs.Add(file.GlobalArgComments[i] is { } comment
                ? $"WithGlobalArg({_argByValue[file.GlobalArgs[i]]}, {CSharpText.String(comment)})"
                : $"WithGlobalArg({_argByValue[file.GlobalArgs[i]]})");
        if (!file.Frontend.IsBuiltin)
            withs.Add(file.Frontend switch
            {
                { BuildahVersion: { } buildah } => $"WithFrontend(BuilderProfile.Buildah({CSharpText.String(buildah)}))",
                { FrontendVersion: { } version } => $"WithFrontend(BuilderProfile.DockerfileFrontend({CSharpText.String(version)}))",
                _ => $"WithFrontend(BuilderProfile.CustomFrontend({CSharpText.String(file.Frontend.SyntaxDirective!)}))",
            });
        if (file.Escape == EscapeToken.Backtick) withs.Add("WithEscape(EscapeToken.Backtick)");
        if (file.Checks is { } checks) withs.Add($"WithChecks({Checks(checks)})");
        return new ImportedFile(options.Namespace, options.ClassName, options.MethodName, args, stages, string.Join(", ", stages.Select(s => s.Name)), withs);
    }

    // ---- FROM

    internal string Head(Stage stage)
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

    internal string PlatformOf(Platform platform)
    {
        if (platform.Expression is { } expression) return $"Platform.Expanded({Value(expression)})";
        if (platform == Platform.BuildPlatform) return "Platform.BuildPlatform";
        if (platform == Platform.TargetPlatform) return "Platform.TargetPlatform";
        if (platform == Platform.LinuxAmd64) return "Platform.LinuxAmd64";
        if (platform == Platform.LinuxArm64) return "Platform.LinuxArm64";
        if (platform == Platform.LinuxArmV7) return "Platform.LinuxArmV7";
        // A platform spelled otherwise (an architecture alone, e.g. arm64) keeps its spelling through Parse.
        if (platform != Platform.Of(platform.Os, platform.Architecture, platform.Variant)) return $"Platform.Parse({CSharpText.String(platform.ToString())})";
        return $"Platform.Of({CSharpText.String(platform.Os)}, {CSharpText.String(platform.Architecture)}"
               + (platform.Variant is { } v ? ", " + CSharpText.String(v) : "") + ")";
    }

    // ---- instructions

    internal List<ImportedCall> Calls(Stage stage)
    {
        var calls = new List<ImportedCall>();
        // Comment(…) after a call writes the comment above what the call added (the FROM right after From(…)).
        if (stage.HeaderComment is { } header) calls.Add(CommentCall(header));
        for (var i = 0; i < stage.Instructions.Count; i++)
        {
            if (TriggerOf(stage.Instructions[i]) is not null)
            {
                // Consecutive ONBUILD triggers are recorded by one lambda; one that keeps its text is a call of its own,
                // and a commented one ends the lambda (Comment(…) after it applies to the last trigger).
                var triggers = new List<string>();
                var end = i;
                while (end < stage.Instructions.Count && TriggerOf(stage.Instructions[end]) is { } trigger)
                {
                    triggers.Add(Call(trigger));
                    if (stage.Instructions[end++].Comment is not null) break;
                }
                i = end - 1;
                calls.Add(new ImportedCall($"OnBuild(t => t.{string.Join(".", triggers)})", []));
                if (stage.Instructions[i].Comment is { } triggerComment) calls.Add(CommentCall(triggerComment));
                continue;
            }
            calls.Add(new ImportedCall(Call(stage.Instructions[i]), []));
            if (stage.Instructions[i].Comment is { } comment) calls.Add(CommentCall(comment));
        }
        return calls;
    }

    private static ImportedCall CommentCall(string comment) => new($"Comment({CSharpText.String(comment)})", []);

    /// <summary>The trigger of an ONBUILD written from it (one a recording lambda can say), or null.</summary>
    private static Instruction? TriggerOf(Instruction instruction) =>
        instruction is OnBuildInstruction { Text: not null } ? null : Codecs.InstructionCodecs.For(instruction).Trigger(instruction);

    /// <summary>The chained call of one instruction: its codec's C#.</summary>
    internal string Call(Instruction instruction) => Codecs.InstructionCodecs.For(instruction).Import(this, instruction);

    /// <summary>The error for a record the fluent API cannot express.</summary>
    internal static NotSupportedException NoCSharpFor(Instruction instruction) => new($"The importer has no C# for {instruction.GetType().Name}.");

    internal string SourceOf(ArtifactSource source) => source switch
    {
        ArtifactSource.FromStage stage => _stageLocals[stage.Stage.Name],
        ArtifactSource.FromImage image => $"ImageReference.Parse({CSharpText.String(image.Image.ToString())})",
        ArtifactSource.FromContext context => $"new NamedContext({CSharpText.String(context.Context.Name)})",
        _ => throw new NotSupportedException(source.GetType().Name),
    };

    internal static string Factory(string method, string? first, params (string Name, string? Value)[] named)
    {
        var arguments = new List<string>();
        if (first is not null) arguments.Add(first);
        arguments.AddRange(named.Where(n => n.Value is not null).Select(n => $"{n.Name}: {n.Value}"));
        return $"{method}({string.Join(", ", arguments)})";
    }

    internal static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string Bool(bool value) => value ? "true" : "false";

    internal static string Strings(IEnumerable<string> values) => string.Join(", ", values.Select(CSharpText.String));

    internal static string PermissionsOf(FilePermissions permissions) =>
        permissions == FilePermissions.Executable ? "FilePermissions.Executable"
        : permissions == FilePermissions.ReadOnly ? "FilePermissions.ReadOnly"
        : permissions == FilePermissions.Private ? "FilePermissions.Private"
        : $"FilePermissions.Octal({CSharpText.String(permissions.ToString())})";

    private static readonly Dictionary<string, string> OciKeys = typeof(OciLabels).GetProperties()
        .ToDictionary(p => ((LabelKey)p.GetValue(null)!).Key, p => "OciLabels." + p.Name, StringComparer.Ordinal);

    internal static string LabelKeyOf(LabelKey key) => OciKeys.GetValueOrDefault(key.Key) ?? CSharpText.String(key.Key);

    private static readonly Dictionary<string, string> KnownSignals = typeof(Signal).GetProperties()
        .Where(p => p.PropertyType == typeof(Signal) && p.GetMethod!.IsStatic)
        .ToDictionary(p => ((Signal)p.GetValue(null)!).Text, p => "Signal." + p.Name, StringComparer.Ordinal);

    internal static string SignalOf(Signal signal) => KnownSignals.GetValueOrDefault(signal.Text) ?? $"Signal.Named({CSharpText.String(signal.Text)})";

    internal string UserOf(UserSpec user)
    {
        static bool Number(Expandable? value) => value?.LiteralText is { Length: > 0 and < 10 } t && t.All(char.IsAsciiDigit) && t[0] != '0' || value?.LiteralText == "0";
        if (Number(user.User) && (user.Group is null || Number(user.Group)))
            return user.Group is { } g ? $"UserSpec.Id({user.User.LiteralText}, {g.LiteralText})" : $"UserSpec.Id({user.User.LiteralText})";
        if (user.User.IsLiteral && user.Group?.IsLiteral != false) return CSharpText.String(user.Text.LiteralText!);
        return user.Group is { } group ? $"UserSpec.Named({Value(user.User, cast: true)}, {Value(group, cast: true)})" : $"UserSpec.Named({Value(user.User, cast: true)})";
    }

    internal string NewBuildArg(BuildArg arg)
    {
        foreach (var (automatic, expression) in AutomaticArgs)
            if (automatic.Equals(arg)) return expression;
        return arg.DefaultValue is { } value
            ? $"new BuildArg({CSharpText.String(arg.Name)}, {Value(value, cast: true)})"
            : $"new BuildArg({CSharpText.String(arg.Name)})";
    }

    /// <summary>A stage's ARG: the file's BuildArg variable when it is the same declaration, else the BuildArg inline.</summary>
    internal string ArgExpression(BuildArg arg) => _argByValue.TryGetValue(arg, out var local) ? local : NewBuildArg(arg);

    internal string Value(Expandable value, bool cast = false) => CSharpText.Value(value, Reference, cast);

    /// <summary>A variable inside a value: the BuildArg variable of that name when there is one.</summary>
    internal string Reference(string name)
    {
        if (_argLocals.TryGetValue(name, out var local)) return local;
        foreach (var (automatic, expression) in AutomaticArgs)
            if (automatic.Name == name) return expression;
        return $"Expandable.Variable({CSharpText.String(name)})";
    }

    internal static string Checks(CheckDirective checks)
    {
        var settings = new List<string>();
        if (checks.Skip.Count > 0) settings.Add($"Skip = ValueList.Of({Strings(checks.Skip)})");
        if (checks.SkipAll) settings.Add("SkipAll = true");
        if (checks.Error) settings.Add("Error = true");
        return "new CheckDirective { " + string.Join(", ", settings) + " }";
    }
}
