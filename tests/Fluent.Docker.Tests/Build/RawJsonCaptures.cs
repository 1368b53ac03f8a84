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

    private static string[] Lines(string name) => File.ReadAllLines(Path.Combine(Path.GetDirectoryName(ThisFile())!, "RawJson", name));

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
