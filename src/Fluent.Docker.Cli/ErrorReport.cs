using System.Net.Sockets;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Cli;

/// <summary>Turns what a command threw into one clear line (more with <c>--verbose</c>) and its exit code.</summary>
public static class ErrorReport
{
    public static int Write(Exception exception, CliConsole console, bool verbose)
    {
        var (code, message, details) = Classify(exception);
        console.Error.WriteLine("error: " + message);
        foreach (var line in details) console.Error.WriteLine("  " + line);
        if (verbose) console.Error.WriteLine(exception.ToString());
        else if (code == ExitCodes.InternalError) console.Error.WriteLine("Run with --verbose for the stack trace.");
        return code;
    }

    public static (int Code, string Message, IReadOnlyList<string> Details) Classify(Exception exception) => exception switch
    {
        CliException cli => (cli.ExitCode, cli.Message, cli.Details),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled.", []),
        Pinning.ImageLockException locked => (ExitCodes.Usage, OneLine(locked.Message), []),
        Workflow.ImageNotFoundException missing => (ExitCodes.Usage, OneLine(missing.Message), []),
        Workflow.PlatformGapsException gaps => (ExitCodes.Usage, $"{gaps.Gaps.Count} base image(s) lack a platform asked for. Fix: build for the platforms the bases offer (--platform), or choose bases that offer the rest:", [.. gaps.Gaps.Select(g => g.ToString())]),
        DockerfileValidationException invalid => (ExitCodes.Usage, $"the Dockerfile model has {invalid.Problems.Count} problem(s):", [.. invalid.Problems.Select(e => e.ToString())]),
        // Values parsed from the command line (platforms, image references, secrets) throw format errors.
        FormatException or BuildRequestException => (ExitCodes.Usage, OneLine(exception.Message), []),
        Release.PushFailedException pushFailed => (ExitCodes.StepFailed, OneLine(pushFailed.Message), []),
        BuildxException { ExitCode: null } buildx => (ExitCodes.StepFailed, OneLine(buildx.InnerException?.Message ?? buildx.Message), []),
        BuildxException buildx => Buildx(buildx),
        BuildahException { ExitCode: null } buildah => (ExitCodes.EngineUnavailable, OneLine(buildah.InnerException?.Message ?? buildah.Message) + " Fix: install Buildah.", []),
        BuildahException buildah => (ExitCodes.StepFailed, $"buildah failed (exit {buildah.ExitCode}): {buildah.ErrorLine}", []),
        DockerEngineException engine when IsUnreachable(engine) => (ExitCodes.EngineUnavailable, EngineUnreachable(engine), []),
        DockerEngineException engine => (ExitCodes.StepFailed, OneLine(engine.Message), []),
        HttpRequestException or SocketException or TimeoutException => (ExitCodes.EngineUnavailable, EngineUnreachable(exception), []),
        _ => (ExitCodes.InternalError, $"{exception.GetType().Name}: {OneLine(exception.Message)}", []),
    };

    /// <summary>
    /// One line per kind of failure with its fix (a base image not found, a platform a base lacks, a push refused); a
    /// failed step adds its last output lines as the progress stream decoded them. Never buildx's JSON.
    /// </summary>
    private static (int Code, string Message, IReadOnlyList<string> Details) Buildx(BuildxException buildx) => buildx.Failure switch
    {
        { Kind: BuildFailureKind.StepFailed, Step: { } step } failure => (ExitCodes.StepFailed, OneLine(failure.ToString()), [.. step.LastOutput.Select(line => "> " + line)]),
        { Kind: BuildFailureKind.BuilderNotFound } failure => (ExitCodes.Usage, OneLine(failure.ToString()), []),
        { Kind: BuildFailureKind.EngineLost } failure => (ExitCodes.EngineUnavailable, OneLine(failure.ToString()), []),
        { Kind: BuildFailureKind.Other } => (ExitCodes.StepFailed, $"buildx failed (exit {buildx.ExitCode}): {buildx.ErrorLine}",
            [.. buildx.FailedSteps.SelectMany(failed => failed.ToString().Split(Environment.NewLine))]),
        var failure => (ExitCodes.StepFailed, OneLine(failure.ToString()), []),
    };

    private static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is HttpRequestException or SocketException or TimeoutException or IOException) return true;
        return false;
    }

    private static string EngineUnreachable(Exception exception) =>
        $"no Docker engine reachable ({OneLine(exception.GetBaseException().Message)}). Fix: start Docker, or point DOCKER_HOST at a running engine.";

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
