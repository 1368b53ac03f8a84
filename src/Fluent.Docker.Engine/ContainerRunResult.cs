namespace Fluent.Docker.Engine;

/// <summary>How a container run by <see cref="DockerEngine.RunAsync"/> ended, and what it printed.</summary>
public sealed record ContainerRunResult(long ExitCode, string Stdout, string Stderr);
