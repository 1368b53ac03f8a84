using Docker.DotNet.Models;

namespace Fluent.Docker.Engine;

/// <summary>
/// Receives the pull's JSON message stream synchronously (unlike <see cref="Progress{T}"/>, which posts later), so an
/// error in it is seen before <see cref="DockerEngine.PullAsync"/> returns. The engine reports a failed pull here, after
/// an HTTP 200, not as an error response.
/// </summary>
internal sealed class PullProgressStream(IProgress<string>? log) : IProgress<JSONMessage>
{
    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
        {
            Error ??= error;
            log?.Report("error: " + error);
        }
        else if (!string.IsNullOrEmpty(value.Status))
        {
            log?.Report(string.IsNullOrEmpty(value.ID) ? value.Status : $"{value.ID}: {value.Status}");
        }
    }
}
