using Fluent.Docker.Emit;
using System.Collections.Immutable;

namespace Fluent.Docker;

/// <summary>
/// What BuildKit knows at one point of a stage, resolved once like its dispatch state: the image config so far
/// (ENV, USER, WORKDIR, SHELL, CMD…) and the ARGs in scope. <see cref="ImageConfigProjection"/> keeps the state after
/// a stage's last instruction; the lint (<see cref="Linting.Linter"/>) looks at the state before every instruction.
/// </summary>
internal sealed record BuildState
{
    /// <summary>BuildKit's default PATH for an image that has none (scratch).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly ValueList<string> DefaultShell = ValueList.Of("/bin/sh", "-c");

    public required ImageConfig Config { get; init; }

    /// <summary>ARGs declared in the stage or the stage it builds on; the value is null when there is none.</summary>
    public ImmutableDictionary<string, string?> Args { get; init; } = ImmutableDictionary.Create<string, string?>(StringComparer.Ordinal);

    /// <summary>A WORKDIR ran in this stage or a stage it builds on (BuildKit's workdirSet).</summary>
    public bool WorkdirSet { get; init; }

    /// <summary>A CMD ran in this stage (an ENTRYPOINT then keeps it; otherwise ENTRYPOINT clears an inherited CMD).</summary>
    public bool CmdSet { get; init; }

    /// <summary>The state a stage starts from: its base image's config (PATH defaulted), or the final state of the stage it builds on.</summary>
    public static BuildState Start(ImageConfig baseConfig) => new()
    {
        Config = baseConfig.GetEnv("PATH") is null ? baseConfig with { Env = SetPair(baseConfig.Env, "PATH", DefaultPath) } : baseConfig,
    };

    /// <summary>A stage built on the stage that ended in this state: everything carries over except the CMD tracking.</summary>
    public BuildState Inherited() => this with { CmdSet = false };

    /// <summary>The variables an expansion sees: ARGs with a value, then ENV (ENV wins over an ARG of the same name).</summary>
    public IReadOnlyDictionary<string, string> Scope()
    {
        var scope = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Args)
            if (value is not null) scope[name] = value;
        foreach (var (key, value) in Config.Env) scope[key] = value;
        return scope;
    }

    /// <summary>True when an expansion can read <paramref name="name"/>: a declared ARG (with or without value) or an ENV.</summary>
    public bool Defines(string name) => Args.ContainsKey(name) || Config.GetEnv(name) is not null;

    /// <summary>The state after <paramref name="instruction"/>.</summary>
    public BuildState Apply(Instruction instruction, BuildInputs inputs) => Codecs.InstructionCodecs.For(instruction).Apply(this, instruction, inputs);

    /// <summary>The config as the image records it: BuildKit writes "/" when no WORKDIR was ever set.</summary>
    public ImageConfig FinalConfig() => Config;

    internal static ValueList<string> CommandConfig(CommandLine command, ValueList<string>? shell) => command switch
    {
        CommandLine.Exec exec => exec.Arguments,
        // BuildKit trims blanks around the instruction's text, so the stored command has none at its ends.
        CommandLine.Shell line => ValueList.Of([.. shell ?? DefaultShell, line.Command.Trim(' ', '\t')]),
        CommandLine.Script script => ValueList.Of([.. shell ?? DefaultShell, script.Text]),
        _ => ValueList<string>.Empty,
    };

    /// <summary>
    /// Expands references with the values in scope; an unset variable expands to empty, as in BuildKit. Raw
    /// expressions (<c>${NAME:-default}</c>) go through BuildKit's shell-lexer rules.
    /// </summary>
    public static string Expand(Expandable value, IReadOnlyDictionary<string, string> scope) =>
        string.Concat(value.Parts.Select(p => p.IsVariable ? scope.GetValueOrDefault(p.Text, "")
            : p.IsRaw ? new Parsing.ShellLexer('\\').ProcessWord(p.Text, scope)
            : p.Text));

    internal static ValueList<KeyValuePair<string, string>> SetPair(ValueList<KeyValuePair<string, string>> pairs, string key, string value)
    {
        var list = pairs.ToList();
        var at = list.FindIndex(p => p.Key == key);
        if (at >= 0) list[at] = new(key, value);
        else list.Add(new(key, value));
        return ValueList.From(list);
    }

}

/// <summary>
/// What a build feeds into the states: <c>--build-arg</c> values, the global ARG values, BuildKit's automatic
/// platform ARGs, and the file's syntax (ONBUILD triggers are stored as text).
/// </summary>
internal sealed record BuildInputs(
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyDictionary<string, string> Global,
    IReadOnlyDictionary<string, string> Automatic,
    DockerfileSyntax Syntax)
{
    public static BuildInputs For(Dockerfile file, Platform? platform, IReadOnlyDictionary<string, string>? buildArgs)
    {
        var args = buildArgs ?? new Dictionary<string, string>();
        var automatic = AutomaticArgs(platform ?? Platform.LinuxAmd64);
        // Global ARG defaults are in scope for FROM only, and for stages that redeclare them without a value.
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        // A default reads the platform ARGs and the global ARGs above it, as BuildKit's meta args do (ARG X=${TARGETARCH}).
        var defaultScope = new Dictionary<string, string>(automatic, StringComparer.Ordinal);
        foreach (var arg in file.GlobalArgs)
        {
            var value = args.TryGetValue(arg.Name, out var given) ? given : arg.DefaultValue is { } d ? BuildState.Expand(d, defaultScope) : null;
            if (value is null) continue;
            global[arg.Name] = value;
            defaultScope[arg.Name] = value;
        }
        return new BuildInputs(args, global, automatic, new DockerfileSyntax(file.Escape));
    }

    internal static Dictionary<string, string> AutomaticArgs(Platform platform)
    {
        var concrete = platform.IsConcrete ? platform : Platform.LinuxAmd64;
        var build = Platform.LinuxAmd64;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TARGETPLATFORM"] = concrete.ToString(),
            ["TARGETOS"] = concrete.Os,
            ["TARGETARCH"] = concrete.Architecture,
            ["TARGETVARIANT"] = concrete.Variant ?? "",
            ["BUILDPLATFORM"] = build.ToString(),
            ["BUILDOS"] = build.Os,
            ["BUILDARCH"] = build.Architecture,
            ["BUILDVARIANT"] = "",
        };
    }
}

/// <summary>
/// The states of every stage of a file, each computed once: a stage built on another starts from that stage's
/// final state. Never throws: a reference to a missing or later stage starts from an empty config.
/// </summary>
internal sealed class BuildStates
{
    private readonly Dockerfile _file;
    private readonly BuildInputs _inputs;
    private readonly Func<ImageReference, ImageConfig?>? _baseImages;
    private readonly Dictionary<int, IReadOnlyList<BuildState>> _stages = new();

    public BuildStates(Dockerfile file, BuildInputs inputs, Func<ImageReference, ImageConfig?>? baseImages = null)
    {
        _file = file;
        _inputs = inputs;
        _baseImages = baseImages;
    }

    public BuildInputs Inputs => _inputs;

    /// <summary>
    /// The states of stage <paramref name="index"/>: element <c>i</c> is the state before instruction <c>i + 1</c>,
    /// and the last element the state after the last instruction.
    /// </summary>
    public IReadOnlyList<BuildState> Of(int index)
    {
        if (_stages.TryGetValue(index, out var done)) return done;
        _stages[index] = []; // a cycle (invalid model) sees an empty parent instead of recursing forever
        var stage = _file.Stages[index];
        var start = BaseStageIndex(index) is { } parent && Of(parent) is [.., var parentEnd]
            ? parentEnd.Inherited()
            // BuildKit starts a scratch stage with WorkingDir "/"; an image base keeps its own (often empty).
            : BuildState.Start(stage.Base is BaseImage.Scratch ? ImageConfig.Empty with { WorkingDir = "/" }
                : BaseImageOf(stage) is { } image ? _baseImages?.Invoke(image) ?? ImageConfig.Empty : ImageConfig.Empty);
        var states = new List<BuildState>(stage.Instructions.Count + 1) { start };
        foreach (var instruction in stage.Instructions) states.Add(states[^1].Apply(instruction, _inputs));
        _stages[index] = states;
        return states;
    }

    /// <summary>The earlier stage stage <paramref name="index"/> builds on (by name, or by a FROM whose ARGs expand to one), or null.</summary>
    public int? BaseStageIndex(int index)
    {
        var name = _file.Stages[index].Base switch
        {
            BaseImage.OfStage s => s.Stage.Name,
            BaseImage.Expanded expanded => BuildState.Expand(expanded.Reference, _inputs.Global),
            _ => null,
        };
        return name is not null && IndexOf(_file, name) is var parent && parent >= 0 && parent < index ? parent : null;
    }

    /// <summary>The external image a stage starts from, with a FROM's global ARGs expanded; null for scratch and stages.</summary>
    private ImageReference? BaseImageOf(Stage stage) => stage.Base switch
    {
        BaseImage.Image image => image.Reference,
        BaseImage.Expanded expanded when ImageReference.TryParse(BuildState.Expand(expanded.Reference, _inputs.Global), out var reference) => reference,
        _ => null,
    };

    public static int IndexOf(Dockerfile file, string name)
    {
        for (var i = 0; i < file.Stages.Count; i++)
            if (string.Equals(file.Stages[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
