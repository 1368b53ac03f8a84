namespace Fluent.Docker.Build;

/// <summary>How buildx reports progress on stderr (<c>--progress</c>); each line is forwarded to the build log.</summary>
public enum ProgressMode
{
    /// <summary>Human-readable lines, including the output of RUN steps.</summary>
    Plain,

    /// <summary>BuildKit's solve status as JSON, for tools that parse it.</summary>
    RawJson,
}
