namespace Fluent.Docker;

/// <summary>
/// A HEALTHCHECK: the probe command and its timings (durations render in Go's format, e.g. <c>1m30s</c>).
/// <see cref="None"/> disables a check inherited from the base image.
/// </summary>
public sealed record Healthcheck
{
    private Healthcheck(CommandLine? test) => Test = test;

    /// <summary>The probe; null means <c>HEALTHCHECK NONE</c>.</summary>
    public CommandLine? Test { get; }

    public TimeSpan? Interval { get; init; }
    public TimeSpan? Timeout { get; init; }
    public TimeSpan? StartPeriod { get; init; }
    public TimeSpan? StartInterval { get; init; }
    public int? Retries { get; init; }

    public static Healthcheck None { get; } = new((CommandLine?)null);

    /// <summary>Exec-form probe (no shell needed in the image): <c>Healthcheck.Exec("/app", "-health")</c>.</summary>
    public static Healthcheck Exec(params string[] arguments) => new(new CommandLine.Exec(ValueList.Of(arguments)));

    /// <summary>Shell-form probe, run by the image's shell.</summary>
    public static Healthcheck Shell(string command) => new(new CommandLine.Shell(command));

    public Healthcheck WithInterval(TimeSpan interval) => this with { Interval = interval };
    public Healthcheck WithTimeout(TimeSpan timeout) => this with { Timeout = timeout };
    public Healthcheck WithStartPeriod(TimeSpan startPeriod) => this with { StartPeriod = startPeriod };
    public Healthcheck WithStartInterval(TimeSpan startInterval) => this with { StartInterval = startInterval };
    public Healthcheck WithRetries(int retries) => this with { Retries = retries };
}
