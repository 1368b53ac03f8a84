using System.Net;

namespace Fluent.Docker.Engine;

/// <summary>The engine refused or failed an operation; <see cref="EngineMessage"/> is the engine's own words.</summary>
public sealed class DockerEngineException(string message, string? engineMessage = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The error text the engine sent (API error body or pull-stream error), when there was one.</summary>
    public string? EngineMessage { get; } = engineMessage;

    /// <summary>The API's HTTP status (404 for an unknown image), when the error came as a response.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
