using System.Globalization;
using System.Text;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;
using static Fluent.Docker.Parsing.BuilderFlags.Kind;

namespace Fluent.Docker.Codecs;

/// <summary>HEALTHCHECK NONE, or HEALTHCHECK [--interval … --retries] CMD command.</summary>
internal sealed class HealthcheckCodec : InstructionCodec<HealthcheckInstruction>
{
    public override IReadOnlyList<string> Commands => ["healthcheck"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.AtLeastOne(node);
        var type = node.Arguments[0].ToUpperInvariant();
        if (type == "NONE")
        {
            if (node.Arguments.Count != 1) throw new InstructionSyntaxException("HEALTHCHECK NONE takes no arguments");
            return [new HealthcheckInstruction(Healthcheck.None)];
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
        return [new HealthcheckInstruction(health)];
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

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, HealthcheckInstruction instruction)
    {
        var health = instruction.Healthcheck;
        if (health.Test is null) return ("HEALTHCHECK NONE", []);
        var flags = new StringBuilder("HEALTHCHECK ");
        if (health.Interval is { } interval) flags.Append("--interval=").Append(DockerfileSyntax.Duration(interval)).Append(' ');
        if (health.Timeout is { } timeout) flags.Append("--timeout=").Append(DockerfileSyntax.Duration(timeout)).Append(' ');
        if (health.StartPeriod is { } startPeriod) flags.Append("--start-period=").Append(DockerfileSyntax.Duration(startPeriod)).Append(' ');
        if (health.StartInterval is { } startInterval) flags.Append("--start-interval=").Append(DockerfileSyntax.Duration(startInterval)).Append(' ');
        if (health.Retries is { } retries) flags.Append("--retries=").Append(retries.ToString(CultureInfo.InvariantCulture)).Append(' ');
        return DockerfileEmitter.Command(flags + "CMD ", health.Test);
    }

    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(HealthcheckInstruction instruction) =>
        instruction.Healthcheck.StartInterval is null ? [] : [(DockerfileFeature.HealthcheckStartInterval, "--start-interval")];

    protected override void Check(DockerfileValidator.Scope scope, HealthcheckInstruction instruction)
    {
        var (site, health) = (scope.Site, instruction.Healthcheck);
        if (health.Test is null) return;
        if (health.Test is CommandLine.Script) site.Add("test", "A HEALTHCHECK cannot be a heredoc script.", "use Healthcheck.Exec or Healthcheck.Shell.");
        else DockerfileValidator.CheckCommand(site, scope.Syntax, "test", health.Test, allowEmptyExec: false, scope.InsideOnBuild);
        void Duration(string slot, TimeSpan? value)
        {
            if (value is not { } d) return;
            if (d < TimeSpan.Zero) site.Add(slot, $"The duration {d} is negative.", "use a positive duration such as TimeSpan.FromSeconds(30).");
            else if (d > TimeSpan.Zero && d < TimeSpan.FromMilliseconds(1)) site.Add(slot, $"The duration {d} is below BuildKit's 1ms minimum.", "use at least 1ms, or zero for the default.");
        }
        Duration("--interval", health.Interval);
        Duration("--timeout", health.Timeout);
        Duration("--start-period", health.StartPeriod);
        Duration("--start-interval", health.StartInterval);
        if (health.Retries is < 0) site.Add("--retries", $"Retries {health.Retries} is negative.", "use 0 or more.");
    }

    protected override BuildState ApplyTo(BuildState state, HealthcheckInstruction health, BuildInputs inputs) =>
        state with { Config = state.Config with { Healthcheck = HealthConfig(health.Healthcheck) } };

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

    public override bool OnlyLastTakesEffect => true;

    protected override string ToCSharp(CSharpModel model, HealthcheckInstruction instruction)
    {
        var health = instruction.Healthcheck;
        if (health.Test is null) return "Healthcheck(Healthcheck.None)";
        var text = health.Test switch
        {
            CommandLine.Exec exec => $"Healthcheck.Exec({CSharpModel.Strings(exec.Arguments)})",
            CommandLine.Shell shell => $"Healthcheck.Shell({CSharpText.String(shell.Command)})",
            _ => throw new NotSupportedException("a heredoc health check"),
        };
        if (health.Interval is { } interval) text += $".WithInterval({TimeSpanOf(interval)})";
        if (health.Timeout is { } timeout) text += $".WithTimeout({TimeSpanOf(timeout)})";
        if (health.StartPeriod is { } startPeriod) text += $".WithStartPeriod({TimeSpanOf(startPeriod)})";
        if (health.StartInterval is { } startInterval) text += $".WithStartInterval({TimeSpanOf(startInterval)})";
        if (health.Retries is { } retries) text += $".WithRetries({retries.ToString(CultureInfo.InvariantCulture)})";
        return $"Healthcheck({text})";
    }

    private static string TimeSpanOf(TimeSpan value) =>
        value == TimeSpan.Zero ? "System.TimeSpan.Zero"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? $"System.TimeSpan.FromMinutes({(value.Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture)})"
        : value.Ticks % TimeSpan.TicksPerSecond == 0 ? $"System.TimeSpan.FromSeconds({(value.Ticks / TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)})"
        : value.Ticks % TimeSpan.TicksPerMillisecond == 0 ? $"System.TimeSpan.FromMilliseconds({(value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)})"
        : $"System.TimeSpan.FromTicks({value.Ticks.ToString(CultureInfo.InvariantCulture)})";

    protected override LineShape ShapeOf(HealthcheckInstruction instruction) => new LineShape.Probe(instruction.Healthcheck.Test);

    protected override HealthcheckInstruction WithShellCommandOf(HealthcheckInstruction instruction, Func<string, string> rewrite)
    {
        var health = instruction.Healthcheck;
        if (health.Test is not CommandLine.Shell shell) return instruction;
        return instruction with
        {
            Healthcheck = Healthcheck.Shell(rewrite(shell.Command)) with
            {
                Interval = health.Interval, Timeout = health.Timeout, StartPeriod = health.StartPeriod,
                StartInterval = health.StartInterval, Retries = health.Retries,
            },
        };
    }
}
