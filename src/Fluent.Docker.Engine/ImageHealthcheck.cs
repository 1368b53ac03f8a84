namespace Fluent.Docker.Engine;

/// <summary>
/// A HEALTHCHECK as an inspected image stores it. <see cref="Test"/> starts with <c>CMD</c>, <c>CMD-SHELL</c> or
/// <c>NONE</c>; unset timings are null (the engine's defaults apply).
/// </summary>
public sealed record ImageHealthcheck(
    IReadOnlyList<string> Test,
    TimeSpan? Interval,
    TimeSpan? Timeout,
    TimeSpan? StartPeriod,
    TimeSpan? StartInterval,
    int? Retries);
