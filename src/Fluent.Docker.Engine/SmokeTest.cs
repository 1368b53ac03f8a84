namespace Fluent.Docker.Engine;

/// <summary>
/// A smoke run (<see cref="DockerEngine.SmokeTestAsync"/>): start the image, wait until its HEALTHCHECK says healthy
/// (when it has one), probe a port on the loopback, and always remove the container. Immutable; <c>With*</c> returns a new test.
/// </summary>
public sealed record SmokeTest
{
    public SmokeTest(ImageReference image) => Image = image ?? throw new ArgumentNullException(nameof(image));

    public ImageReference Image { get; init; }

    /// <summary>The container port to publish on 127.0.0.1 and probe; null probes nothing.</summary>
    public Port? Port { get; init; }

    /// <summary>With a <see cref="Port"/>: GET this path over HTTP and expect a 2xx; null only checks that the port accepts a connection.</summary>
    public string? HttpPath { get; init; }

    public Platform? Platform { get; init; }

    /// <summary>How long the container may take to become healthy and answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait for the image's HEALTHCHECK to report healthy (ignored when the image has none).</summary>
    public bool WaitForHealthy { get; init; } = true;

    public SmokeTest WithPort(Port port, string? httpPath = null) => this with { Port = port, HttpPath = httpPath };
    public SmokeTest WithPlatform(Platform platform) => this with { Platform = platform };
    public SmokeTest WithTimeout(TimeSpan timeout) => this with { Timeout = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.") };
    public SmokeTest WithoutHealthWait() => this with { WaitForHealthy = false };
}

/// <summary>What a passing smoke run saw.</summary>
/// <param name="Health">The health status reached (<c>healthy</c>), or null when the image has no HEALTHCHECK or it was not awaited.</param>
/// <param name="HostPort">The loopback port the container port was published on, when one was probed.</param>
/// <param name="HttpStatus">The probe's HTTP status, when an HTTP path was probed.</param>
/// <param name="Body">The probe's response body (first 4 KiB), when an HTTP path was probed.</param>
/// <param name="Duration">From creating the container until the probe answered.</param>
public sealed record SmokeTestResult(string? Health, int? HostPort, int? HttpStatus, string? Body, TimeSpan Duration);

/// <summary>A smoke run failed: the container exited, turned unhealthy, or never answered. Carries the container's last output.</summary>
public sealed class SmokeTestException(string message, string containerLogs, string? fix = null) : Exception(message + (fix is null ? "" : " Fix: " + fix) + (containerLogs.Length == 0 ? "" : Environment.NewLine + "Container output (last lines):" + Environment.NewLine + containerLogs)), IProblemException
{
    public string ContainerLogs { get; } = containerLogs;

    /// <summary>The <see cref="ProblemCodes.SmokeTestFailed"/> problem.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [Problem.Error(ProblemCodes.SmokeTestFailed, ProblemLocation.None, message, fix ?? "run the image and read its output (docker run, docker logs).")];
}
