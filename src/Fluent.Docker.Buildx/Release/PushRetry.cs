using Fluent.Docker.Build;

namespace Fluent.Docker.Release;

/// <summary>
/// How a push that failed on the way to the registry (connection refused or reset, a 5xx, a timeout) is tried again:
/// up to <see cref="Attempts"/> times, waiting <see cref="InitialDelay"/> and then twice as long each time. A build
/// error (a failing RUN, a bad Dockerfile) is never retried. BuildKit tags the index only after every platform's
/// manifest is stored, so a failed attempt leaves no partial tag and the next attempt (or run) completes it.
/// </summary>
public sealed record PushRetry(int Attempts, TimeSpan InitialDelay)
{
    public static PushRetry Default { get; } = new(4, TimeSpan.FromSeconds(2));
    public static PushRetry None { get; } = new(1, TimeSpan.Zero);

    /// <summary>The waits between attempts: <c>d, 2d, 4d, …</c>.</summary>
    public IEnumerable<TimeSpan> Delays() => Enumerable.Range(0, Math.Max(0, Attempts - 1)).Select(i => InitialDelay * Math.Pow(2, i));

    // What buildx prints when the registry, not the build, failed.
    private static readonly string[] TransientMarkers =
    [
        "connection refused", "connection reset", "broken pipe", "EOF", "i/o timeout", "no such host", "TLS handshake timeout",
        "500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable", "504 Gateway Timeout", "unexpected status: 5",
        "failed to do request", "server misbehaving",
    ];

    /// <summary>True when <paramref name="error"/> is the registry being unreachable or failing, not the build.</summary>
    public static bool IsTransient(BuildxException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.ExitCode is null) return false; // docker itself did not start
        if (error.FailedSteps.Any(f => f.Step.Index is not null)) return false; // a Dockerfile step failed: the build, not the registry
        // buildx's error line, and the errors of the steps that failed (the export's push among them).
        var text = string.Join('\n', error.FailedSteps.Select(f => f.Error).Append(error.ErrorOutputTail));
        if (text.Contains("did not complete successfully", StringComparison.Ordinal)) return false; // a RUN failed
        return TransientMarkers.Any(marker => text.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or the attempts run out; each retry is reported
    /// to <paramref name="progress"/> as <see cref="BuildEvent.RetryScheduled"/>.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<int, Task<T>> attempt, IProgress<BuildEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        using var delays = Delays().GetEnumerator();
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number).ConfigureAwait(false);
            }
            catch (BuildxException e) when (IsTransient(e))
            {
                if (!delays.MoveNext()) throw new PushFailedException(number, e);
                progress?.Report(new BuildEvent.RetryScheduled(number, Attempts, delays.Current, e.ErrorLine));
                await Task.Delay(delays.Current, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// A push still failed on the way to the registry after every attempt. Nothing was tagged (BuildKit tags the index only
/// after every platform's manifest is stored), so running again once the registry answers completes it.
/// </summary>
public sealed class PushFailedException(int attempts, BuildxException lastError) : Exception(
    $"The push failed after {attempts} attempt(s): the registry did not take it ({lastError.ErrorLine}). No tag was written: the index is tagged only after every platform's manifest is stored. Fix: check that the registry is up and reachable, then run again.",
    lastError), IProblemException
{
    public int Attempts { get; } = attempts;

    /// <summary>The <see cref="ProblemCodes.PushFailed"/> problem.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [Problem.Error(ProblemCodes.PushFailed, ProblemLocation.None, $"The push failed after {attempts} attempt(s): the registry did not take it ({lastError.ErrorLine}). No tag was written.",
            "check that the registry is up and reachable, then run again.")];
    public BuildxException LastError { get; } = lastError;
}
