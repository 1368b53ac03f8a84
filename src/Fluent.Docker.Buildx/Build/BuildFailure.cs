using System.Text.RegularExpressions;

namespace Fluent.Docker.Build;

/// <summary>What kind of thing made buildx fail: each kind has its own one-line message and fix.</summary>
public enum BuildFailureKind
{
    /// <summary>None of the others: buildx's own error line says what happened.</summary>
    Other,

    /// <summary>A base image (<c>FROM</c>) could not be resolved: no such name or tag, or its registry unreachable.</summary>
    BaseImageNotFound,

    /// <summary>A base image has no variant for a platform the build asked for (BuildKit: <c>no match for platform in manifest</c>).</summary>
    BasePlatformMissing,

    /// <summary>The registry did not take the push: unreachable, reset, a 5xx, or it refused the credentials.</summary>
    PushRefused,

    /// <summary>A Dockerfile step (a RUN, mostly) failed.</summary>
    StepFailed,

    /// <summary>The builder named does not exist, or is another docker context's docker-driver builder (reached through that context only).</summary>
    BuilderNotFound,

    /// <summary>The builder could not start its BuildKit (a docker-container builder whose BuildKit image could not be pulled).</summary>
    BuilderUnavailable,

    /// <summary>The builder's engine stopped answering: it went away mid-build, or could not be reached at all.</summary>
    EngineLost,
}

/// <summary>
/// A failed buildx run, classified from its typed events (<see cref="BuildEvent.StepFailed"/>, whose vertex says what
/// failed: <c>[internal] load metadata for IMAGE</c> is a base image, <c>exporting to image</c> the push, <c>[2/3] RUN …</c>
/// a Dockerfile step) and, when buildx reported no failed vertex, from its <c>ERROR:</c> line. <see cref="ToString"/> is
/// one line: what happened, then its fix. Only a push the registry may take next time is retried (<see cref="IsRetryable"/>).
/// </summary>
/// <param name="Kind">What failed.</param>
/// <param name="Reason">
/// The cause, without the wrappers around it: <c>not found</c>, <c>dial tcp 127.0.0.1:5999: connect: connection refused</c>,
/// <c>exit code 3</c>.
/// </param>
public sealed partial record BuildFailure(BuildFailureKind Kind, string Reason)
{
    /// <summary>The base image, or the image pushed, in the short form the docker CLI prints (<c>golang:1.24</c>).</summary>
    public string? Image { get; init; }

    /// <summary>The platform a base image lacks, when the build names it.</summary>
    public Platform? Platform { get; init; }

    /// <summary>The Dockerfile line: the <c>FROM</c> of a base image, the failed step's instruction.</summary>
    public SourceLine? Location { get; init; }

    /// <summary>The failed step as the progress stream reported it (instruction, error, last output lines).</summary>
    public BuildEvent.StepFailed? Step { get; init; }

    /// <summary>
    /// The builder the run used, as the runner knew it (<c>--builder</c>, or the docker context's builder); null for the
    /// current builder. Named by the builder and engine failures.
    /// </summary>
    public string? Builder { get; init; }

    /// <summary>The platforms the run built, named by an engine lost mid-build; empty for the engine's own.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>The docker context the error says the builder belongs to (<c>use `docker --context=NAME buildx`</c>).</summary>
    public string? BuilderContext { get; init; }

    /// <summary>The BuildKit image a builder could not pull when it started.</summary>
    public string? BuildkitImage { get; init; }

    /// <summary>
    /// True for a push the registry failed on the way (unreachable, reset, a 5xx): the next attempt may get through.
    /// A refused login is not retried: the same credentials are refused again. Nothing else is a push.
    /// </summary>
    public bool IsRetryable => Kind == BuildFailureKind.PushRefused && !IsAuthorization(Reason);

    /// <summary>What happened, in one line without the fix.</summary>
    public string Summary => Kind switch
    {
        BuildFailureKind.BaseImageNotFound when IsNotFound(Reason) =>
            $"{At}base image {Image} was not found: its registry has no such name or tag",
        BuildFailureKind.BaseImageNotFound when IsUnreachable(Reason) =>
            $"{At}base image {Image} could not be resolved: registry {RegistryOf(Image)} is unreachable ({Reason})",
        BuildFailureKind.BaseImageNotFound => $"{At}base image {Image} could not be resolved ({Reason})",
        BuildFailureKind.BasePlatformMissing => $"{At}base image {Image} has no {Platform?.ToString() ?? "variant for the platform asked for"}"
            + (Platform is null ? "" : " variant") + " (no match for platform in manifest)",
        BuildFailureKind.PushRefused when IsAuthorization(Reason) => $"{Registry} refused the push{Of}: not authorized ({Reason})",
        BuildFailureKind.PushRefused => $"{Registry} refused the push{Of} ({Reason})",
        BuildFailureKind.StepFailed when Step is { } failed =>
            $"{At}{failed.Step.Instruction} failed" + (failed.Step.Platform is { } on ? $" on {on}" : "") + $": {Reason}",
        BuildFailureKind.StepFailed => $"{At}a Dockerfile step failed: {Reason}",
        BuildFailureKind.BuilderNotFound when BuilderContext is { } context =>
            $"builder '{Builder}' is the docker-driver builder of docker context '{context}' and is reached through that context only",
        BuildFailureKind.BuilderNotFound => $"builder '{Builder}' does not exist",
        BuildFailureKind.BuilderUnavailable when BuildkitImage is { } image =>
            $"{BuilderText} could not start: the builder's BuildKit image {image} could not be pulled ({Reason})",
        BuildFailureKind.BuilderUnavailable => $"{BuilderText} could not start its BuildKit ({Reason})",
        BuildFailureKind.EngineLost => $"the engine of {BuilderText} stopped answering during the build"
            + (Platforms.Count > 0 ? $" for {string.Join(", ", Platforms)}" : "") + $" ({Reason}); nothing was exported or tagged",
        _ => $"docker buildx failed: {Reason}",
    };

    /// <summary>What to do about it; null for <see cref="BuildFailureKind.Other"/>, whose error line is all there is.</summary>
    public string? Fix => Kind switch
    {
        BuildFailureKind.BaseImageNotFound when IsNotFound(Reason) => "correct the image name or tag in FROM, or push that tag to the registry first",
        BuildFailureKind.BaseImageNotFound when IsUnreachable(Reason) => "start the registry, or correct the registry host in FROM, then run again",
        BuildFailureKind.BaseImageNotFound when IsAuthorization(Reason) => "log in to the registry with credentials that may pull the image (docker login), then run again",
        BuildFailureKind.BaseImageNotFound => "check the image name, tag and registry in FROM, then run again",
        BuildFailureKind.BasePlatformMissing => $"build only for the platforms the base offers (docker buildx imagetools inspect {Image} lists them), or choose a base image that offers "
            + (Platform?.ToString() ?? "it"),
        BuildFailureKind.PushRefused when IsAuthorization(Reason) => "log in with credentials that may push there (docker login"
            + (Image is null ? "" : " " + RegistryOf(Image)) + "), then run again",
        BuildFailureKind.PushRefused => "check that the registry is up, reachable and accepts pushes, then run again",
        BuildFailureKind.StepFailed when Step is { } run && run.Step.Instruction.StartsWith("RUN ", StringComparison.Ordinal) =>
            run.LastOutput.Count > 0 ? "make the command succeed; its last output lines say why it did not" : "make the command succeed; it printed nothing",
        BuildFailureKind.StepFailed => "correct the instruction, or the files and images it uses",
        BuildFailureKind.BuilderNotFound when BuilderContext is { } context =>
            $"select the context instead of the builder (fluent-docker build --context {context}; Buildx.WithContext(new DockerContext(\"{context}\")))",
        BuildFailureKind.BuilderNotFound => $"create it (fluent-docker builder create {Builder} --driver docker-container), or name one that `docker buildx ls` lists",
        BuildFailureKind.BuilderUnavailable when BuildkitImage is { } image =>
            $"make {image} pullable: mirror it into a registry the engine reaches and create the builder with --driver-opt image=REGISTRY/{image} "
            + "(DockerContainerDriverOptions.Image), or build on the engine's own BuildKit (the docker driver)",
        BuildFailureKind.BuilderUnavailable => $"check the builder's driver options and endpoint (docker buildx inspect --bootstrap {Builder ?? "NAME"} shows the error), then run again",
        BuildFailureKind.EngineLost => "check that the engine behind the builder (its docker context or endpoint) is running and reachable, then run the build again",
        _ => null,
    };

    /// <summary>One line: what happened, then its fix.</summary>
    /// <summary>
    /// The failure as a <see cref="Problem"/>: base image not found (<see cref="ProblemCodes.ImageNotFound"/>), base lacks a
    /// platform (<see cref="ProblemCodes.PlatformGap"/>), push refused (<see cref="ProblemCodes.PushFailed"/>), step failed
    /// (<see cref="ProblemCodes.BuildStepFailed"/>) or another (<see cref="ProblemCodes.BuildFailed"/>); at its Dockerfile line.
    /// </summary>
    public Problem ToProblem()
    {
        var code = Kind switch
        {
            BuildFailureKind.BaseImageNotFound => ProblemCodes.ImageNotFound,
            BuildFailureKind.BasePlatformMissing => ProblemCodes.PlatformGap,
            BuildFailureKind.PushRefused => ProblemCodes.PushFailed,
            BuildFailureKind.StepFailed => ProblemCodes.BuildStepFailed,
            BuildFailureKind.EngineLost => ProblemCodes.EngineFailed,
            _ => ProblemCodes.BuildFailed,
        };
        var location = new ProblemLocation { File = Location?.File, Line = Location?.Line, Slot = Image };
        return Problem.Error(code, location, Summary, Fix ?? "") with { Kind = Kind };
    }

    public override string ToString() => Fix is null ? Summary : $"{Summary}. Fix: {Fix}.";

    private string BuilderText => Builder is null ? "the current builder" : $"builder '{Builder}'";

    private string At => Location is { } location ? $"{location}: " : "";

    private string Of => Image is null ? "" : $" of {Image}";

    private string Registry => Image is null ? "the registry" : $"registry {RegistryOf(Image)}";

    /// <summary>
    /// Classifies a failed run from the steps it reported failed and buildx's text (<see cref="BuildxException.ErrorOutputTail"/>).
    /// <paramref name="platforms"/> are those the build asked for: a single-platform build's steps do not name theirs.
    /// </summary>
    public static BuildFailure Classify(IReadOnlyList<BuildEvent.StepFailed> failedSteps, string errorOutputTail, IReadOnlyList<Platform>? platforms = null)
    {
        ArgumentNullException.ThrowIfNull(failedSteps);
        var errorLine = ErrorLineOf(errorOutputTail ?? "");
        var onlyPlatform = platforms is [var single] ? single : null;

        // The builder or its engine first: their failure explains every later one.
        if (BuilderFailure(errorLine, errorOutputTail ?? "", platforms ?? []) is { } builder) return builder;

        // A Dockerfile step that failed decides: the build, not a registry (its output may read like one).
        if (failedSteps.Where(f => f.Step.Index is not null && !IsFrom(f.Step)).OrderBy(f => f.Location is null).FirstOrDefault() is { } step)
            return new BuildFailure(BuildFailureKind.StepFailed, StepReason(step.Error)) { Location = step.Location, Step = step };

        // The base image: BuildKit's "load metadata for IMAGE" vertex, or a FROM step that could not fetch it.
        foreach (var failed in failedSteps.OrderBy(f => f.Location is null))
        {
            var image = failed.Step.Instruction.StartsWith(LoadMetadata, StringComparison.Ordinal) ? failed.Step.Instruction[LoadMetadata.Length..].Trim()
                : IsFrom(failed.Step) ? failed.Step.Instruction["FROM ".Length..].Trim().Split(' ')[0]
                : null;
            if (image is not null) return BaseImage(image, failed.Error, failed.Location, failed.Step.Platform ?? onlyPlatform);
        }
        if (SourceMetadata().Match(errorLine) is { Success: true } metadata)
            return BaseImage(metadata.Groups["image"].Value, metadata.Groups["reason"].Value, null, onlyPlatform);

        // The push: the export step's error, or buildx's line.
        foreach (var text in failedSteps.Where(f => !f.Step.IsInternal).Select(f => f.Error).Append(errorLine))
            if (Push().Match(text) is { Success: true } push)
                return new BuildFailure(BuildFailureKind.PushRefused, Cause(push.Groups["reason"].Value, push.Groups["image"].Value)) { Image = Familiar(push.Groups["image"].Value) };

        if (errorLine.Contains(DidNotComplete, StringComparison.Ordinal))
            return new BuildFailure(BuildFailureKind.StepFailed, StepReason(errorLine));

        // No step of the Dockerfile failed and the registry failed on the way: the export's push (a copy reset, a 5xx).
        if (failedSteps.Where(f => !f.Step.IsInternal).Select(f => f.Error).Append(errorLine).FirstOrDefault(IsRegistryFailure) is { } registry)
            return new BuildFailure(BuildFailureKind.PushRefused, Cause(registry, null));

        return new BuildFailure(BuildFailureKind.Other, errorLine.Length > 0 ? errorLine : LastLineOf(errorOutputTail ?? "") ?? "(no output)");
    }

    /// <summary>
    /// The builder named does not exist (<c>no builder "x" found</c>), belongs to another context, could not boot its
    /// BuildKit, or its engine went away (gRPC <c>Unavailable</c>, the daemon's socket not answering). Null otherwise.
    /// </summary>
    private static BuildFailure? BuilderFailure(string errorLine, string tail, IReadOnlyList<Platform> platforms)
    {
        if (NoBuilder().Match(tail) is { Success: true } missing) // `rm` prints it before its own ERROR line
            return new BuildFailure(BuildFailureKind.BuilderNotFound, errorLine) { Builder = missing.Groups["name"].Value };
        if (OtherContext().Match(errorLine) is { Success: true } other)
            return new BuildFailure(BuildFailureKind.BuilderNotFound, errorLine) { Builder = other.Groups["context"].Value, BuilderContext = other.Groups["context"].Value };
        if (tail.Contains("booting buildkit", StringComparison.Ordinal) && errorLine.Length > 0)
        {
            var image = PullingImage().Match(tail) is { Success: true } pulling ? pulling.Groups["image"].Value : null;
            var reason = image is not null && errorLine.EndsWith(": not found", StringComparison.Ordinal) ? "not found" : errorLine;
            return new BuildFailure(BuildFailureKind.BuilderUnavailable, reason) { BuildkitImage = image };
        }
        if (EngineLostMarkers.Any(m => errorLine.Contains(m, StringComparison.Ordinal)))
            return new BuildFailure(BuildFailureKind.EngineLost, EngineCause(errorLine)) { Platforms = platforms };
        return null;
    }

    // What buildx prints when the gRPC stream to BuildKit or the engine's API connection broke or never opened.
    private static readonly string[] EngineLostMarkers =
    [
        "failed to receive status", "code = Unavailable", "failed to solve: Unavailable: ", "error reading from server",
        "Cannot connect to the Docker daemon", "error during connect",
    ];

    // "failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF" and
    // "failed to build: failed to solve: Unavailable: error reading from server: read tcp …: connection reset by peer"
    // (both seen with the engine cut mid-RUN) -> "error reading from server: …".
    private static string EngineCause(string errorLine)
    {
        foreach (var marker in new[] { "desc = ", "Unavailable: " })
        {
            var at = errorLine.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) return errorLine[(at + marker.Length)..];
        }
        return errorLine;
    }

    private const string LoadMetadata = "load metadata for ";
    private const string DidNotComplete = "did not complete successfully";

    private static bool IsFrom(BuildStep step) => step.Instruction.StartsWith("FROM ", StringComparison.Ordinal);

    private static BuildFailure BaseImage(string image, string error, SourceLine? location, Platform? platform) =>
        error.Contains("no match for platform in manifest", StringComparison.Ordinal)
            ? new BuildFailure(BuildFailureKind.BasePlatformMissing, "no match for platform in manifest") { Image = Familiar(image), Location = location, Platform = platform }
            : new BuildFailure(BuildFailureKind.BaseImageNotFound, Cause(error, image)) { Image = Familiar(image), Location = location };

    // "process "/bin/sh -c make" did not complete successfully: exit code: 2" → "exit code 2".
    private static string StepReason(string error) =>
        ExitCode().Match(error) is { Success: true } code ? "exit code " + code.Groups["code"].Value : error;

    /// <summary>
    /// The cause under Go's wrappers: <c>failed to do request: Head "https://…": dial tcp …: connection refused</c> →
    /// <c>dial tcp …: connection refused</c>; <c>IMAGE: not found</c> → <c>not found</c>.
    /// </summary>
    private static string Cause(string error, string? image)
    {
        var text = error.Trim();
        if (Request().Match(text) is { Success: true } request) text = request.Groups["cause"].Value;
        if (image is not null)
            foreach (var prefix in new[] { image, Normalized(image) })
                if (text.StartsWith(prefix + ": ", StringComparison.Ordinal)) text = text[(prefix.Length + 2)..];
        return text.Length > 0 ? text : error;
    }

    private static string Familiar(string image) =>
        ImageReference.TryParse(image, out var reference) && reference.Problem is null ? reference.Familiar.ToString() : image;

    private static string Normalized(string image) =>
        ImageReference.TryParse(image, out var reference) && reference.Problem is null ? reference.Normalized.ToString() : image;

    private static string RegistryOf(string? image) =>
        image is not null && ImageReference.TryParse(image, out var reference) && reference.Problem is null
            ? reference.Normalized.Domain ?? ImageReference.DockerHubDomain
            : "of the image";

    private static bool IsNotFound(string reason) =>
        reason == "not found" || reason.EndsWith(": not found", StringComparison.Ordinal) || reason.Contains("manifest unknown", StringComparison.Ordinal)
        || reason.Contains("404 Not Found", StringComparison.Ordinal);

    // What buildx prints when the registry could not be reached or failed on the way, not when it answered no.
    private static readonly string[] UnreachableMarkers =
    [
        "connection refused", "connection reset", "broken pipe", "EOF", "i/o timeout", "no such host", "TLS handshake timeout",
        "server misbehaving", "network is unreachable", "no route to host",
    ];

    private static readonly string[] ServerFailureMarkers =
    [
        "500 Internal Server Error", "502 Bad Gateway", "503 Service Unavailable", "504 Gateway Timeout", "unexpected status: 5", "failed to do request",
    ];

    private static bool IsUnreachable(string reason) => UnreachableMarkers.Any(m => reason.Contains(m, StringComparison.Ordinal));

    private static bool IsRegistryFailure(string text) =>
        IsUnreachable(text) || ServerFailureMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));

    private static bool IsAuthorization(string reason) =>
        reason.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || reason.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
        || reason.Contains("denied", StringComparison.OrdinalIgnoreCase) || reason.Contains("401 Unauthorized", StringComparison.Ordinal)
        || reason.Contains("403 Forbidden", StringComparison.Ordinal) || reason.Contains("insufficient_scope", StringComparison.Ordinal);

    /// <summary>buildx's last <c>ERROR:</c> line, without the prefix; empty when there is none.</summary>
    private static string ErrorLineOf(string tail)
    {
        var line = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith("ERROR", StringComparison.Ordinal));
        return line is null ? "" : line.StartsWith("ERROR: ", StringComparison.Ordinal) ? line["ERROR: ".Length..] : line;
    }

    private static string? LastLineOf(string tail) =>
        tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    // "failed to solve: golang:1.24: failed to resolve source metadata for docker.io/library/golang:1.24: no match …"
    [GeneratedRegex(@"failed to resolve source metadata for (?<image>\S+?): (?<reason>.+)$")]
    private static partial Regex SourceMetadata();

    // "failed to push 127.0.0.1:5999/a:1: failed to do request: …"
    [GeneratedRegex(@"failed to push (?<image>\S+?): (?<reason>.+)$")]
    private static partial Regex Push();

    // Go's net/http client error: `failed to do request: Head "https://r/v2/…": dial tcp …`
    [GeneratedRegex(@"failed to do request: [A-Za-z]+ ""[^""]*"": (?<cause>.+)$")]
    private static partial Regex Request();

    // buildx: `no builder "ci" found`.
    [GeneratedRegex(@"no builder ""(?<name>[^""]+)"" found")]
    private static partial Regex NoBuilder();

    // buildx: use `docker --context=lab-node2 buildx` to switch to context "lab-node2".
    [GeneratedRegex(@"to switch to context ""(?<context>[^""]+)""")]
    private static partial Regex OtherContext();

    // The boot vertex: "#1 pulling image moby/buildkit:buildx-stable-1 0.0s done".
    [GeneratedRegex(@"pulling image (?<image>\S+)")]
    private static partial Regex PullingImage();

    [GeneratedRegex(@"did not complete successfully: exit code: (?<code>\d+)")]
    private static partial Regex ExitCode();
}
