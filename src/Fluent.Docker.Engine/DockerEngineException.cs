using System.Net;

namespace Fluent.Docker.Engine;

/// <summary>The engine refused or failed an operation; <see cref="EngineMessage"/> is the engine's own words.</summary>
public sealed class DockerEngineException(string message, string? engineMessage = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException), IProblemException
{
    /// <summary>The <see cref="ProblemCodes.EngineFailed"/> problem.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [Problem.Error(ProblemCodes.EngineFailed, ProblemLocation.None, message + (engineMessage is null ? "" : $" ({engineMessage})"),
            "check that the engine is running and reachable (docker info), then run again.")];

    /// <summary>The error text the engine sent (API error body or pull-stream error), when there was one.</summary>
    public string? EngineMessage { get; } = engineMessage;

    /// <summary>The API's HTTP status (404 for an unknown image), when the error came as a response.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
