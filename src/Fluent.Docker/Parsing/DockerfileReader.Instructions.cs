using System.Globalization;
using System.Text.RegularExpressions;
using static Fluent.Docker.Parsing.BuilderFlags.Kind;

namespace Fluent.Docker.Parsing;

// One method per instruction: BuildKit's checks (instructions/parse.go) throw; what the typed model cannot say
// returns null, and the instruction is kept raw.
public static partial class DockerfileReader
{
    private static IReadOnlyList<Instruction>? ReadTyped(InstructionNode node, Dockerfile file, Context context) => node.Command switch
    {
        "arg" => [.. ReadArgs(node, context).Select(a => (Instruction)new ArgInstruction(a))],
        "env" => One(ReadEnv(node, context)),
        "label" => One(ReadLabel(node, context)),
        "maintainer" => One(ReadMaintainer(node)),
        "run" => One(ReadRun(node, file, context)),
        "cmd" => One(ReadContainerCommand(node, c => new CmdInstruction(c))),
        "entrypoint" => One(ReadContainerCommand(node, c => new EntrypointInstruction(c))),
        "shell" => One(ReadShell(node)),
        "healthcheck" => One(ReadHealthcheck(node)),
        "copy" => One(ReadCopy(node, file, context)),
        "add" => One(ReadAdd(node, context)),
        "workdir" => One(ReadWorkdir(node, context)),
        "user" => One(ReadUser(node, context)),
        "expose" => One(ReadExpose(node, context)),
        "volume" => One(ReadVolume(node, context)),
        "stopsignal" => One(ReadStopSignal(node, context)),
        "onbuild" => One(ReadOnBuild(node, file, context)),
        _ => throw new InstructionSyntaxException($"unknown instruction: {node.Keyword}"),
    };

    private static IReadOnlyList<Instruction>? One(Instruction? instruction) => instruction is null ? null : [instruction];

    private static void NoFlags(InstructionNode node) => BuilderFlags.Parse(node.Flags);

    private static void ExactlyOne(InstructionNode node)
    {
        if (node.Arguments.Count != 1) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires exactly one argument");
    }

    private static void AtLeastOne(InstructionNode node)
    {
        if (node.Arguments.Count == 0) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires at least one argument");
    }

    // ---- ARG / ENV / LABEL / MAINTAINER

    /// <summary><c>ARG NAME[=default] …</c>: one BuildArg per word (BuildKit ignores flags on ARG).</summary>
    private static IEnumerable<BuildArg> ReadArgs(InstructionNode node, Context context)
    {
        AtLeastOne(node);
        foreach (var word in node.Arguments)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0) throw new InstructionSyntaxException("ARG names can not be blank");
            var name = context.Analyze(equals < 0 ? word : word[..equals]).LiteralText ?? word[..Math.Max(equals, 0)];
            yield return new BuildArg(name, equals < 0 ? (Expandable?)null : context.Analyze(word[(equals + 1)..]));
        }
    }

    /// <summary>The (key, value) pairs of ENV/LABEL: the parser gives key, value, separator triples.</summary>
    private static List<(string Key, string Value)> Pairs(InstructionNode node)
    {
        NoFlags(node);
        AtLeastOne(node);
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < node.Arguments.Count; i += 3)
        {
            if (node.Arguments[i].Length == 0) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} names can not be blank");
            pairs.Add((node.Arguments[i], node.Arguments[i + 1]));
        }
        return pairs;
    }

    private static EnvInstruction? ReadEnv(InstructionNode node, Context context)
    {
        var variables = new List<EnvVariable>();
        foreach (var (key, value) in Pairs(node))
        {
            if (context.Analyze(key).LiteralText is not { } name || VariableName.Check(name, "ENV name") is not null) return null;
            variables.Add(new EnvVariable(name, context.Analyze(value)));
        }
        return new EnvInstruction(ValueList.From(variables));
    }

    private static LabelInstruction? ReadLabel(InstructionNode node, Context context)
    {
        var labels = new List<Label>();
        foreach (var (key, value) in Pairs(node))
        {
            if (context.Analyze(key).LiteralText is not { Length: > 0 } name) return null;
            labels.Add(new Label(name, context.Analyze(value)));
        }
        return new LabelInstruction(ValueList.From(labels));
    }

    /// <summary>MAINTAINER (deprecated) becomes the label BuildKit's lint recommends; its text is never expanded.</summary>
    private static LabelInstruction ReadMaintainer(InstructionNode node)
    {
        ExactlyOne(node);
        NoFlags(node);
        return new LabelInstruction(ValueList.Of(new Label("maintainer", Expandable.Literal(node.Arguments[0]))));
    }

    // ---- RUN / CMD / ENTRYPOINT / SHELL / HEALTHCHECK

    private static RunInstruction? ReadRun(InstructionNode node, Dockerfile file, Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, ("mount", Values), ("network", Value), ("security", Value), ("device", Values));
        if (flags.Has("device")) return null;
        var options = new List<RunOption>();
        foreach (var mount in flags.Strings("mount"))
        {
            if (ReadMount(mount, file, context) is not { } typed) return null;
            options.Add(typed);
        }
        if (flags.String("network") is { } network)
            options.Add(network switch
            {
                "none" => RunNetwork.None,
                "host" => RunNetwork.Host,
                "default" => RunNetwork.Default,
                _ => throw new InstructionSyntaxException($"unsupported network mode {GoText.Quote(network)}"),
            });
        if (flags.String("security") is { } security)
            options.Add(security switch
            {
                "insecure" => RunSecurity.Insecure,
                "sandbox" => RunSecurity.Sandbox,
                _ => throw new InstructionSyntaxException($"unsupported security mode {GoText.Quote(security)}"),
            });

        CommandLine? command;
        if (node.Heredocs.Count > 0)
        {
            // Only the simple form is a script: the command is exactly one heredoc marker.
            command = node.Heredocs.Count == 1 && node.Arguments is [var marker] && DockerfileSyntaxParser.ParseHeredoc(marker) is not null
                ? new CommandLine.Script(node.Heredocs[0].ChompedContent)
                : null;
        }
        else command = ReadCommand(node);
        return command is null ? null : new RunInstruction(command, ValueList.From(options));
    }

    /// <summary>Exec form from JSON, shell form otherwise; null for an empty shell form (kept raw).</summary>
    private static CommandLine? ReadCommand(InstructionNode node) =>
        node.IsJson ? new CommandLine.Exec(ValueList.From(node.Arguments))
        : node.Arguments is [var shell] ? new CommandLine.Shell(shell)
        : null;

    private static Instruction? ReadContainerCommand(InstructionNode node, Func<CommandLine, Instruction> create)
    {
        NoFlags(node);
        return ReadCommand(node) is { } command ? create(command) : null;
    }

    private static ShellInstruction ReadShell(InstructionNode node)
    {
        NoFlags(node);
        if (node.Arguments.Count == 0) throw new InstructionSyntaxException("SHELL requires at least one argument");
        if (!node.IsJson) throw new InstructionSyntaxException($"SHELL requires the arguments to be in JSON form: {node.Original}");
        return new ShellInstruction(ValueList.From(node.Arguments));
    }

    private static HealthcheckInstruction? ReadHealthcheck(InstructionNode node)
    {
        AtLeastOne(node);
        var type = node.Arguments[0].ToUpperInvariant();
        if (type == "NONE")
        {
            if (node.Arguments.Count != 1) throw new InstructionSyntaxException("HEALTHCHECK NONE takes no arguments");
            return new HealthcheckInstruction(Healthcheck.None);
        }
        var flags = BuilderFlags.Parse(node.Flags, ("interval", Value), ("timeout", Value), ("start-period", Value), ("start-interval", Value), ("retries", Value));
        if (type != "CMD") throw new InstructionSyntaxException($"Unknown type {GoText.Quote(type)} in HEALTHCHECK (try CMD)");
        var command = node.Arguments.Skip(1).ToList();
        if (command.Count == 0) throw new InstructionSyntaxException("Missing command after HEALTHCHECK CMD");
        var health = node.IsJson ? Healthcheck.Exec([.. command]) : Healthcheck.Shell(command[0]);
        var (interval, timeout, startPeriod, startInterval) =
            (Interval(flags, "interval"), Interval(flags, "timeout"), Interval(flags, "start-period"), Interval(flags, "start-interval"));
        // A duration finer than .NET's 100 ns tick cannot be held: keep the instruction raw.
        if (new[] { interval, timeout, startPeriod, startInterval }.Any(d => d is { } ns && ns % 100 != 0)) return null;
        health = health with
        {
            Interval = Ticks(interval),
            Timeout = Ticks(timeout),
            StartPeriod = Ticks(startPeriod),
            StartInterval = Ticks(startInterval),
        };
        if (flags.String("retries") is { } retries)
        {
            if (!int.TryParse(retries, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                throw new InstructionSyntaxException($"strconv.ParseInt: parsing {GoText.Quote(retries)}: invalid syntax");
            if (count < 0) throw new InstructionSyntaxException($"--retries cannot be negative ({count})");
            health = health with { Retries = count };
        }
        return new HealthcheckInstruction(health);
    }

    /// <summary>A HEALTHCHECK timing in nanoseconds: 0 or at least 1ms (BuildKit's parseOptInterval).</summary>
    private static decimal? Interval(BuilderFlags flags, string name)
    {
        if (flags.String(name) is not { Length: > 0 } text) return null;
        var nanoseconds = GoDuration.ParseNanoseconds(text) ?? throw new InstructionSyntaxException($"time: invalid duration {GoText.Quote(text)}");
        if (nanoseconds != 0 && nanoseconds < 1_000_000)
            throw new InstructionSyntaxException($"Interval {GoText.Quote(name)} cannot be less than 1ms");
        return nanoseconds;
    }

    private static TimeSpan? Ticks(decimal? nanoseconds) => nanoseconds is { } ns ? TimeSpan.FromTicks((long)(ns / 100)) : null;

    // ---- COPY / ADD

    private static Instruction? ReadCopy(InstructionNode node, Dockerfile file, Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, ("chown", Value), ("from", Value), ("chmod", Value), ("link", Switch), ("parents", Switch), ("exclude", Values));
        var (sources, destination) = SourcesAndDestination(node);
        if (CopyOptionsOf(flags, context) is not { } options) return null;
        options = options with { Parents = flags.Bool("parents") };
        var markers = sources.Select(DockerfileSyntaxParser.ParseHeredoc).ToList();
        if (markers.Any(m => m is not null))
        {
            // Inline content: one heredoc, nothing else, no --from.
            if (sources.Count != 1 || flags.Has("from") || node.Heredocs.Count != 1 || markers[0]!.Name != node.Heredocs[0].Name) return null;
            var content = node.Heredocs[0].ChompedContent;
            // Unquoted delimiter: BuildKit expands the body, which only matters when it has '$' or a backslash.
            var expand = node.Heredocs[0].Expand && content.AsSpan().IndexOfAny('$', '\\') >= 0;
            return new CopyContentInstruction(context.Analyze(destination), content, options) { Expand = expand };
        }
        ArtifactSource? from = null;
        if (flags.String("from") is { } fromText && (from = ReadSource(fromText, file, context)) is null) return null;
        return new CopyInstruction(ValueList.From(sources.Select(s => new SourcePath(context.Analyze(s)))), context.Analyze(destination), from, options);
    }

    private static AddInstruction? ReadAdd(InstructionNode node, Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, ("chown", Value), ("chmod", Value), ("link", Switch), ("keep-git-dir", Switch), ("checksum", Value), ("unpack", Switch), ("exclude", Values));
        var (sources, destination) = SourcesAndDestination(node);
        if (CopyOptionsOf(flags, context) is not { } options) return null;
        if (sources.Any(s => DockerfileSyntaxParser.ParseHeredoc(s) is not null)) return null;
        var checksum = flags.String("checksum");
        var keepGitDir = flags.Bool("keep-git-dir");
        var added = new List<AddSource>();
        foreach (var source in sources)
        {
            var value = context.Analyze(source);
            added.Add(value.LiteralText is { } literal ? AddSourceOf(literal) : new AddSource.Local(value));
        }
        // --checksum and --keep-git-dir belong to a single URL or git source in the model.
        if (checksum is not null || keepGitDir)
        {
            if (added is not [var only]) return null;
            switch (only)
            {
                case AddSource.Url url when !keepGitDir: added[0] = url with { Checksum = checksum }; break;
                case AddSource.Git git: added[0] = git with { KeepGitDir = keepGitDir, Checksum = checksum }; break;
                default: return null;
            }
        }
        return new AddInstruction(ValueList.From(added), context.Analyze(destination), options, flags.OptionalBool("unpack"));
    }

    /// <summary>A literal ADD source: an http(s) URL, a git repository (with an optional #ref), or a path.</summary>
    private static AddSource AddSourceOf(string text)
    {
        if (GitSource().Match(text) is { Success: true } git)
            return new AddSource.Git(git.Groups[1].Value, git.Groups[2].Success ? git.Groups[2].Value : null);
        if ((text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal))
            && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.AbsoluteUri == text)
            return new AddSource.Url(uri);
        return new AddSource.Local(Expandable.Literal(text));
    }

    [GeneratedRegex(@"^((?:https?://|git@|git://|ssh://)[^#\s]*\.git)(?:#([^\s]+))?\z")]
    private static partial Regex GitSource();

    private static (List<string> Sources, string Destination) SourcesAndDestination(InstructionNode node)
    {
        if (node.Arguments.Count < 2)
            throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires at least two arguments, but only one was provided. Destination could not be determined");
        var destination = node.Arguments[^1];
        if (DockerfileSyntaxParser.ParseHeredoc(destination) is not null)
            throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} cannot accept a heredoc as a destination");
        return ([.. node.Arguments.Take(node.Arguments.Count - 1)], destination);
    }

    /// <summary>--chown, --chmod, --link, --exclude; null when a value is beyond the model (a variable mode, a symbolic chmod).</summary>
    private static CopyOptions? CopyOptionsOf(BuilderFlags flags, Context context)
    {
        var options = new CopyOptions { Link = flags.Bool("link"), Exclude = ValueList.From(flags.Strings("exclude")) };
        if (flags.String("chown") is { } chown) options = options with { Chown = UserOf(context.Analyze(chown)) };
        if (flags.String("chmod") is { } chmod)
        {
            try
            {
                options = options with { Chmod = FilePermissions.Octal(chmod) };
            }
            catch (DockerValueException)
            {
                return null;
            }
        }
        return options;
    }

    /// <summary><c>--from</c> / <c>from=</c>: an earlier stage (by name or index), else an image reference.</summary>
    private static ArtifactSource? ReadSource(string text, Dockerfile file, Context context)
    {
        if (context.Analyze(text).LiteralText is not { Length: > 0 } name) return null;
        if (file.Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } stage) return stage;
        if (name.All(char.IsAsciiDigit) && int.TryParse(name, CultureInfo.InvariantCulture, out var index))
        {
            if (index < file.Stages.Count && file.Stages[index] is { Name: not null } byIndex) return byIndex;
            return null;
        }
        if (context.StageNames.Contains(name.ToLowerInvariant())) return null; // a stage of this file that is not earlier
        if (ImageReference.TryParse(name, out var image) && image.ToString() == name) return image;
        return null;
    }

    /// <summary><c>user[:group]</c>: UserSpec splits it the same way BuildKit's text reads back.</summary>
    private static UserSpec UserOf(Expandable text) => UserSpec.Named(text);

    // ---- WORKDIR / USER / EXPOSE / VOLUME / STOPSIGNAL / ONBUILD

    private static WorkdirInstruction ReadWorkdir(InstructionNode node, Context context)
    {
        ExactlyOne(node);
        NoFlags(node);
        return new WorkdirInstruction(context.Analyze(node.Arguments[0]));
    }

    private static UserInstruction ReadUser(InstructionNode node, Context context)
    {
        ExactlyOne(node);
        NoFlags(node);
        return new UserInstruction(UserOf(context.Analyze(node.Arguments[0])));
    }

    private static ExposeInstruction? ReadExpose(InstructionNode node, Context context)
    {
        AtLeastOne(node);
        NoFlags(node);
        var ports = new List<Port>();
        foreach (var word in node.Arguments)
        {
            var match = context.Analyze(word).LiteralText is { } literal ? PortPattern().Match(literal) : Match.Empty;
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var number)) return null;
            var protocol = match.Groups[2].Success ? Enum.Parse<PortProtocol>(match.Groups[2].Value, ignoreCase: true) : PortProtocol.Tcp;
            ports.Add(new Port(number, protocol));
        }
        return new ExposeInstruction(ValueList.From(ports));
    }

    [GeneratedRegex(@"^([0-9]{1,5})(?:/(tcp|udp|sctp))?\z", RegexOptions.IgnoreCase)]
    private static partial Regex PortPattern();

    private static VolumeInstruction ReadVolume(InstructionNode node, Context context)
    {
        AtLeastOne(node);
        NoFlags(node);
        var paths = new List<AbsolutePath>();
        foreach (var path in node.Arguments)
        {
            var trimmed = GoText.TrimSpace(path);
            if (trimmed.Length == 0) throw new InstructionSyntaxException("VOLUME specified can not be an empty string");
            paths.Add(context.Analyze(trimmed));
        }
        return new VolumeInstruction(ValueList.From(paths));
    }

    private static StopSignalInstruction? ReadStopSignal(InstructionNode node, Context context)
    {
        ExactlyOne(node);
        return context.Analyze(node.Arguments[0]).LiteralText is { Length: > 0 } signal ? new StopSignalInstruction(Signal.Named(signal)) : null;
    }

    private static OnBuildInstruction? ReadOnBuild(InstructionNode node, Dockerfile file, Context context)
    {
        NoFlags(node);
        if (node.Trigger is not { } trigger) throw new InstructionSyntaxException("ONBUILD requires at least one argument");
        switch (trigger.Command.ToUpperInvariant())
        {
            case "ONBUILD": throw new InstructionSyntaxException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "MAINTAINER" or "FROM": throw new InstructionSyntaxException($"{trigger.Command.ToUpperInvariant()} isn't allowed as an ONBUILD trigger");
        }
        // BuildKit checks the trigger only when a child image builds: anything the model cannot type stays raw.
        if (node.Heredocs.Count > 0) return null;
        try
        {
            return ReadTyped(trigger, file, context) is [var instruction] ? new OnBuildInstruction(instruction) : null;
        }
        catch (InstructionSyntaxException)
        {
            return null;
        }
    }
}
