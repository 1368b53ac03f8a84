using Fluent.Docker.Build;

namespace Fluent.Docker.Release;

/// <summary>
/// How a push the registry failed on the way (connection refused or reset, a 5xx, a timeout) is tried again: up to
/// <see cref="Attempts"/> times, waiting <see cref="InitialDelay"/> and then twice as long each time. Only that is
/// retried (<see cref="BuildFailure.IsRetryable"/>): a base image that cannot be resolved, a platform a base lacks, a
/// failing RUN or a refused login fail at once. BuildKit tags the index only after every platform's manifest is stored,
/// so a failed attempt leaves no partial tag and the next attempt (or run) completes it.
/// </summary>
public sealed record PushRetry(int Attempts, TimeSpan InitialDelay)
{
    public static PushRetry Default { get; } = new(4, TimeSpan.FromSeconds(2));
    public static PushRetry None { get; } = new(1, TimeSpan.Zero);

    /// <summary>The waits between attempts: <c>d, 2d, 4d, …</c>.</summary>
    public IEnumerable<TimeSpan> Delays() => Enumerable.Range(0, Math.Max(0, Attempts - 1)).Select(i => InitialDelay * Math.Pow(2, i));

    /// <summary>
    /// True when <paramref name="error"/> is a push the registry failed on the way (<see cref="BuildFailureKind.PushRefused"/>,
    /// not a refused login), not the build: an unreachable base registry or a failing step is never retried.
    /// </summary>
    public static bool IsTransient(BuildxException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ExitCode is not null && error.Failure.IsRetryable; // null: docker itself did not start
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
                progress?.Report(new BuildEvent.RetryScheduled(number, Attempts, delays.Current, e.Failure.Summary));
                await Task.Delay(delays.Current, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// A push still failed on the way to the registry after every attempt. Nothing was tagged (BuildKit tags the index only
/// after every platform's manifest is stored), so running again once the registry answers completes it. The message is
/// one line: the attempts, the registry's refusal (<see cref="BuildFailure.Summary"/>) and the fix.
/// </summary>
public sealed class PushFailedException(int attempts, BuildxException lastError) : Exception(
    $"The push failed after {attempts} attempt(s): {lastError.Failure.Summary}. No tag was written: the index is tagged only after every platform's manifest is stored. Fix: {lastError.Failure.Fix ?? "check that the registry is up and reachable, then run again"}.",
    lastError), IProblemException
{
    public int Attempts { get; } = attempts;

    /// <summary>The <see cref="ProblemCodes.PushFailed"/> problem.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [Problem.Error(ProblemCodes.PushFailed, ProblemLocation.None, $"The push failed after {attempts} attempt(s): {lastError.Failure.Summary}. No tag was written.",
            lastError.Failure.Fix ?? "check that the registry is up and reachable, then run again.")];
    public BuildxException LastError { get; } = lastError;
}
