using System.Runtime.CompilerServices;

namespace Fluent.Docker.Tests.Build;

/// <summary>Real buildx <c>--progress=rawjson</c> output captured on the lab (see RawJson/README.md for how).</summary>
internal static class RawJsonCaptures
{
    /// <summary>A cached COPY and RUN, a RUN that prints on both streams and exits 3, two lint warnings.</summary>
    public static IReadOnlyList<string> FailingRun => Lines("failing-run.rawjson");

    /// <summary>linux/amd64 + linux/arm64: the arm64 RUN fails, the amd64 one is canceled.</summary>
    public static IReadOnlyList<string> MultiPlatformCanceled => Lines("multi-platform-canceled.rawjson");

    /// <summary>A bake of two targets (one for two platforms) whose second target's RUN fails.</summary>
    public static IReadOnlyList<string> BakeFailingTarget => Lines("bake-failing-target.rawjson");

    /// <summary>FROM 127.0.0.1:5999/busybox:1.36: nothing listens on the port, the base's registry refuses the connection.</summary>
    public static IReadOnlyList<string> BaseUnreachable => Lines("base-unreachable.rawjson");

    /// <summary>FROM 127.0.0.1:5000/library/busybox:no-such-tag: the registry answers, the tag does not exist.</summary>
    public static IReadOnlyList<string> BaseTagNotFound => Lines("base-tag-not-found.rawjson");

    /// <summary>FROM busybox:0.0-no-such-tag: a Docker Hub name (through the engine's mirror) whose tag does not exist.</summary>
    public static IReadOnlyList<string> BaseHubTagNotFound => Lines("base-hub-tag-not-found.rawjson");

    /// <summary>FROM golang:1.24 (amd64 only) built for linux/arm64 alone: the step names no platform.</summary>
    public static IReadOnlyList<string> BasePlatformMissing => Lines("base-platform-missing.rawjson");

    /// <summary>FROM golang:1.24 built for linux/amd64 and linux/arm64: the arm64 metadata step fails, the amd64 one is canceled.</summary>
    public static IReadOnlyList<string> BasePlatformMissingMulti => Lines("base-platform-missing-multi.rawjson");

    /// <summary>A build that succeeds, then --push to 127.0.0.1:5999, where nothing listens: the export step fails.</summary>
    public static IReadOnlyList<string> PushRefused => Lines("push-refused.rawjson");

    /// <summary>A second engine importing registry cache: the RUN is cached, then its layer is fetched (started and completed again, not run).</summary>
    public static IReadOnlyList<string> RemoteCacheImport => Lines("remote-cache-import.rawjson");

    private static string[] Lines(string name) => File.ReadAllLines(Path.Combine(Path.GetDirectoryName(ThisFile())!, "RawJson", name));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
