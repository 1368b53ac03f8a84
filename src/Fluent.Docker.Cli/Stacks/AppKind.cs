namespace Fluent.Docker.Cli.Stacks;

/// <summary>What an app does once started, as read from its own files: it decides the port, the probe and the runtime image.</summary>
public enum AppKind
{
    /// <summary>Listens on a TCP port (an HTTP server): EXPOSE, <c>PORT</c> and a TCP health probe.</summary>
    Web,

    /// <summary>Runs until stopped without listening (a background service): no port, <c>HEALTHCHECK NONE</c>.</summary>
    Worker,

    /// <summary>Runs and exits (a command-line program): no port, <c>HEALTHCHECK NONE</c>.</summary>
    Console,

    /// <summary>Files served as they are (or as a build writes them): the static-site template serves them.</summary>
    StaticSite,
}
