using Fluent.Docker.Emit;

namespace Fluent.Docker;

/// <summary>
/// Folds a stage's instructions over its base configuration the way BuildKit's Dockerfile frontend does, giving
/// the image config a build must produce: ENV/LABEL/USER/WORKDIR values expanded with the ARG and ENV values in
/// scope, ENTRYPOINT clearing an inherited CMD, shell forms wrapped in the stage's SHELL, and scratch's default PATH.
/// </summary>
public static class ImageConfigProjection
{
    /// <summary>BuildKit's default PATH for an image that has none (scratch).</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly ValueList<string> DefaultShell = ValueList.Of("/bin/sh", "-c");

    /// <summary>
    /// The config of <paramref name="stageName"/> (default: the final stage) built for <paramref name="platform"/>.
    /// <paramref name="baseImages"/> gives the config of each external base image (by its reference text);
    /// a missing one counts as empty. <paramref name="buildArgs"/> are the <c>--build-arg</c> values.
    /// </summary>
    public static ImageConfig Project(
        Dockerfile file,
        string? stageName = null,
        Platform? platform = null,
        Func<ImageReference, ImageConfig?>? baseImages = null,
        IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        var errors = file.Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        var target = stageName is null ? file.Stages.Count - 1 : IndexOf(file, stageName);
        if (target < 0) throw new ArgumentException($"The Dockerfile has no stage '{stageName}'.", nameof(stageName));
        var args = buildArgs ?? new Dictionary<string, string>();
        var automatic = AutomaticArgs(platform ?? Platform.LinuxAmd64);

        // Global ARG defaults are in scope for FROM only, and for stages that redeclare them without a value.
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in file.GlobalArgs)
        {
            var value = args.TryGetValue(arg.Name, out var given) ? given : arg.DefaultValue is { } d ? Expand(d, global) : null;
            if (value is not null) global[arg.Name] = value;
        }

        var projected = new Dictionary<int, ImageConfig>();
        ImageConfig ProjectStage(int index)
        {
            if (projected.TryGetValue(index, out var done)) return done;
            var stage = file.Stages[index];
            var config = stage.Base switch
            {
                BaseImage.Scratch => ImageConfig.Empty,
                BaseImage.OfStage s => ProjectStage(IndexOf(file, s.Stage.Name)),
                BaseImage.Image image => baseImages?.Invoke(image.Reference) ?? ImageConfig.Empty,
                BaseImage.Expanded expanded => Expand(expanded.Reference, global) is var name && IndexOf(file, name) is >= 0 and var parent && parent < index
                    ? ProjectStage(parent)
                    : ImageReference.TryParse(name, out var reference) ? baseImages?.Invoke(reference) ?? ImageConfig.Empty : ImageConfig.Empty,
                _ => ImageConfig.Empty,
            };
            if (config.GetEnv("PATH") is null) config = config with { Env = SetPair(config.Env, "PATH", DefaultPath) };
            var result = Fold(stage, config, args, global, automatic, new DockerfileSyntax(file.Escape));
            projected[index] = result;
            return result;
        }
        return ProjectStage(target);
    }

    private static int IndexOf(Dockerfile file, string name)
    {
        for (var i = 0; i < file.Stages.Count; i++)
            if (string.Equals(file.Stages[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static Dictionary<string, string> AutomaticArgs(Platform platform)
    {
        var concrete = platform.IsAutomatic ? Platform.LinuxAmd64 : platform;
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

    private static ImageConfig Fold(Stage stage, ImageConfig config, IReadOnlyDictionary<string, string> buildArgs,
        IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, string> automatic, DockerfileSyntax syntax)
    {
        var argValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var cmdSet = false;
        Dictionary<string, string> Scope()
        {
            // ENV wins over ARG of the same name, as in BuildKit.
            var scope = new Dictionary<string, string>(argValues, StringComparer.Ordinal);
            foreach (var (key, value) in config.Env) scope[key] = value;
            return scope;
        }

        foreach (var instruction in stage.Instructions)
        {
            switch (instruction)
            {
                case ArgInstruction { Arg: var arg }:
                    if (buildArgs.TryGetValue(arg.Name, out var given)) argValues[arg.Name] = given;
                    else if (arg.DefaultValue is { } d) argValues[arg.Name] = Expand(d, Scope());
                    else if (global.TryGetValue(arg.Name, out var g)) argValues[arg.Name] = g;
                    else if (automatic.TryGetValue(arg.Name, out var a)) argValues[arg.Name] = a;
                    break;
                case EnvInstruction env:
                    var scope = Scope();
                    var pairs = config.Env;
                    // All values of one ENV line are expanded against the state before the line.
                    foreach (var variable in env.Variables) pairs = SetPair(pairs, variable.Name, Expand(variable.Value, scope));
                    config = config with { Env = pairs };
                    break;
                case LabelInstruction label:
                    var labelScope = Scope();
                    var labels = config.Labels;
                    foreach (var l in label.Labels) labels = SetPair(labels, l.Key.Key, Expand(l.Value, labelScope));
                    config = config with { Labels = labels };
                    break;
                case UserInstruction user:
                    var userScope = Scope();
                    config = config with { User = Expand(user.User.Text, userScope) };
                    break;
                case WorkdirInstruction workdir:
                    config = config with { WorkingDir = CleanPath(Expand(workdir.Path.Value, Scope()), config.WorkingDir) };
                    break;
                case ExposeInstruction expose:
                    config = config with { ExposedPorts = ValueList.From(config.ExposedPorts.Concat(expose.Ports.Select(p => p.ConfigKey)).Distinct().Order(StringComparer.Ordinal)) };
                    break;
                case CmdInstruction cmd:
                    config = config with { Cmd = CommandConfig(cmd.Command, config.Shell) };
                    cmdSet = true;
                    break;
                case EntrypointInstruction entrypoint:
                    config = config with { Entrypoint = CommandConfig(entrypoint.Command, config.Shell), Cmd = cmdSet ? config.Cmd : null };
                    break;
                case ShellInstruction shell:
                    config = config with { Shell = shell.Shell };
                    break;
                case HealthcheckInstruction health:
                    config = config with { Healthcheck = HealthConfig(health.Healthcheck) };
                    break;
                case StopSignalInstruction signal:
                    config = config with { StopSignal = signal.Signal.Text };
                    break;
                case VolumeInstruction volume:
                    var volumeScope = Scope();
                    config = config with { Volumes = ValueList.From(config.Volumes.Concat(volume.Paths.Select(p => Expand(p.Value, volumeScope))).Distinct().Order(StringComparer.Ordinal)) };
                    break;
                case OnBuildInstruction onBuild:
                    var (header, _) = DockerfileEmitter.Instruction(syntax, onBuild.Trigger);
                    config = config with { OnBuild = config.OnBuild.Append(header) };
                    break;
            }
        }
        // BuildKit records "/" when no WORKDIR was ever set.
        return config.WorkingDir.Length == 0 ? config with { WorkingDir = "/" } : config;
    }

    private static ValueList<string> CommandConfig(CommandLine command, ValueList<string>? shell) => command switch
    {
        CommandLine.Exec exec => exec.Arguments,
        // BuildKit trims blanks around the instruction's text, so the stored command has none at its ends.
        CommandLine.Shell line => ValueList.Of([.. shell ?? DefaultShell, line.Command.Trim(' ', '\t')]),
        CommandLine.Script script => ValueList.Of([.. shell ?? DefaultShell, script.Text]),
        _ => ValueList<string>.Empty,
    };

    private static HealthcheckConfig HealthConfig(Healthcheck health)
    {
        ValueList<string> test = health.Test switch
        {
            null => ValueList.Of("NONE"),
            CommandLine.Exec exec => ValueList.Of(["CMD", .. exec.Arguments]),
            CommandLine.Shell shell => ValueList.Of("CMD-SHELL", shell.Command.Trim(' ', '\t')),
            _ => ValueList<string>.Empty,
        };
        return new HealthcheckConfig(test)
        {
            Interval = health.Interval ?? TimeSpan.Zero,
            Timeout = health.Timeout ?? TimeSpan.Zero,
            StartPeriod = health.StartPeriod ?? TimeSpan.Zero,
            StartInterval = health.StartInterval ?? TimeSpan.Zero,
            Retries = health.Retries ?? 0,
        };
    }

    /// <summary>
    /// Expands references with the values in scope; an unset variable expands to empty, as in BuildKit. Raw
    /// expressions (<c>${NAME:-default}</c>) go through BuildKit's shell-lexer rules.
    /// </summary>
    public static string Expand(Expandable value, IReadOnlyDictionary<string, string> scope) =>
        string.Concat(value.Parts.Select(p => p.IsVariable ? scope.GetValueOrDefault(p.Text, "")
            : p.IsRaw ? new Parsing.ShellLexer('\\').ProcessWord(p.Text, scope)
            : p.Text));

    private static ValueList<KeyValuePair<string, string>> SetPair(ValueList<KeyValuePair<string, string>> pairs, string key, string value)
    {
        var list = pairs.ToList();
        var at = list.FindIndex(p => p.Key == key);
        if (at >= 0) list[at] = new(key, value);
        else list.Add(new(key, value));
        return ValueList.From(list);
    }

    /// <summary>WORKDIR: relative paths join the previous one; the result is cleaned like Go's path.Clean.</summary>
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
