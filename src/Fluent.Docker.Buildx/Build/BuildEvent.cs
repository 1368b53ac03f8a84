namespace Fluent.Docker.Build;

/// <summary>A line of a Dockerfile (or other build file) as BuildKit names it: <c>Dockerfile:4</c>.</summary>
public sealed record SourceLine(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Which stream of a RUN step a log line came from.</summary>
public enum LogStream { StandardOutput = 1, StandardError = 2 }

/// <summary>
/// What happens during a build, typed: buildx's <c>--progress=rawjson</c> is read once (<see cref="BuildEventParser"/>)
/// and everything else (<see cref="BuildLog"/>, the console display, the Cake log, the CLI) folds or renders these.
/// <see cref="object.ToString"/> is the event as one human-readable line (a failed step adds its last output lines);
/// <see cref="BuildEventText"/> writes a stream of them for callers who want text.
/// </summary>
public abstract record BuildEvent
{
    private BuildEvent() { }

    public sealed override string ToString() => BuildEventText.Format(this);

    /// <summary>The step began running (cached steps report only <see cref="StepCached"/>).</summary>
    public sealed record StepStarted(BuildStep Step) : BuildEvent;

    /// <summary>The step's result came from the build cache.</summary>
    public sealed record StepCached(BuildStep Step) : BuildEvent;

    /// <summary>The step ran and succeeded; <see cref="BuildStep.Duration"/> says how long it took.</summary>
    public sealed record StepCompleted(BuildStep Step) : BuildEvent;

    /// <summary>
    /// The step failed. <paramref name="Error"/> is BuildKit's reason (<c>process "/bin/sh -c make" did not complete
    /// successfully: exit code: 2</c>); <paramref name="Location"/> the Dockerfile line buildx points at, when it names
    /// this step's error; <paramref name="LastOutput"/> the last lines the step itself printed (stdout and stderr).
    /// </summary>
    public sealed record StepFailed(BuildStep Step, string Error, SourceLine? Location, IReadOnlyList<string> LastOutput) : BuildEvent;

    /// <summary>BuildKit stopped the step because another one failed.</summary>
    public sealed record StepCanceled(BuildStep Step) : BuildEvent;

    /// <summary>One line a step printed (a RUN command's output), decoded.</summary>
    public sealed record StepLog(BuildStep Step, LogStream Stream, string Line) : BuildEvent;

    /// <summary>
    /// A step began or finished a piece of work it reports apart (<c>pushing layers</c>, <c>transferring context:</c>,
    /// <c>resolve …</c>): <paramref name="Current"/> of <paramref name="Total"/> units (bytes, mostly) when it changed.
    /// </summary>
    public sealed record StepStatus(BuildStep Step, string Id, long Current, long? Total, bool Completed) : BuildEvent;

    /// <summary>The build context was sent to BuildKit: <paramref name="Bytes"/> in all (after .dockerignore).</summary>
    public sealed record ContextTransferred(long Bytes) : BuildEvent;

    /// <summary>
    /// A warning BuildKit reported (a Dockerfile check such as <c>FromAsCasing</c>, or a deprecation): its message,
    /// the longer explanation, the documentation link and the line it is about.
    /// </summary>
    public sealed record Warning(string Message, IReadOnlyList<string> Detail, Uri? Url, SourceLine? Location) : BuildEvent;

    /// <summary>The request will run but not do all it seems to ask (reported before buildx starts); <paramref name="Target"/> names the bake target.</summary>
    public sealed record RequestWarning(Problem Value, string? Target) : BuildEvent;

    /// <summary>The registry failed a push; attempt <paramref name="Attempt"/> of <paramref name="Attempts"/> runs again after <paramref name="Delay"/>.</summary>
    public sealed record RetryScheduled(int Attempt, int Attempts, TimeSpan Delay, string Reason) : BuildEvent;

    /// <summary>An image of a set starts building, for these tags (none for archives).</summary>
    public sealed record ImageStarted(string Image, IReadOnlyList<ImageReference> Tags) : BuildEvent;

    /// <summary>buildx's final error (its <c>ERROR:</c> line, without the prefix) and the Dockerfile line it points at.</summary>
    public sealed record BuildFailed(string Message, SourceLine? Location) : BuildEvent;

    /// <summary>A line buildx printed outside the JSON stream that is none of the above.</summary>
    public sealed record Output(string Line) : BuildEvent;
}
