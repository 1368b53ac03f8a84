using System;

namespace Fluent.Docker.Rules
{
    /// <summary>Facts about Dockerfile values that both the analyzers and the generation-time lint judge by.</summary>
    internal static class DockerfileFacts
    {
        // The archive formats ADD unpacks (hadolint accepts ADD for these).
        private static readonly string[] ArchiveSuffixes =
        {
            ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.zst", ".tzst", ".tar.z", ".tz",
        };

        /// <summary>True for a path ADD would unpack (<c>app.tar.gz</c>).</summary>
        public static bool IsArchive(string path)
        {
            foreach (var suffix in ArchiveSuffixes)
                if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>FD0021: a port EXPOSE can publish (1-65535).</summary>
        public static bool IsPortInRange(long number) => number >= 1 && number <= 65535;

        /// <summary>FD0005: a path that does not start at the root (WORKDIR then depends on the one before it).</summary>
        public static bool IsRelativePath(string path) => !path.StartsWith("/", StringComparison.Ordinal);

        /// <summary>FD0010 (BuildKit DuplicateStageName): stage names compare without regard to case.</summary>
        public static StringComparer StageNames => StringComparer.OrdinalIgnoreCase;

        /// <summary>FD0010: the index of the first stage named <paramref name="name"/> before <paramref name="index"/>, or -1.</summary>
        public static int EarlierStageNamed(System.Collections.Generic.IReadOnlyList<string?> names, string name, int index)
        {
            for (var i = 0; i < index && i < names.Count; i++)
                if (names[i] is { } other && StageNames.Equals(other, name)) return i;
            return -1;
        }

        /// <summary>FD0022: a stage (at <paramref name="user"/>) may only use stages before it; itself or a later one is refused.</summary>
        public static bool IsLaterOrSameStage(int referenced, int user) => referenced >= user;

        /// <summary>True for <c>root</c> and uid <c>0</c> (the user part of <c>user[:group]</c>).</summary>
        public static bool IsRootUser(string user) => user == "root" || user == "0";

        /// <summary>
        /// FD0024: an image of the .NET SDK, wherever it is pulled from (<c>mcr.microsoft.com/dotnet/sdk:10.0</c>, a
        /// mirror's <c>…/dotnet/sdk</c>, the nightly <c>dotnet/nightly/sdk</c>), whatever its tag or digest.
        /// </summary>
        public static bool IsDotNetSdkImage(string image)
        {
            var name = image;
            var at = name.IndexOf('@');
            if (at >= 0) name = name.Substring(0, at);
            var colon = name.LastIndexOf(':');
            if (colon > name.LastIndexOf('/')) name = name.Substring(0, colon);
            name = name.ToLowerInvariant();
            return name == "dotnet/sdk" || name.EndsWith("/dotnet/sdk", StringComparison.Ordinal) || name.EndsWith("/dotnet/nightly/sdk", StringComparison.Ordinal);
        }

        /// <summary>FD0024: FROM <c>--platform</c> text that means the build machine's platform.</summary>
        public static bool IsBuildPlatform(string? platform) => platform == "$BUILDPLATFORM" || platform == "${BUILDPLATFORM}";

        /// <summary>True when an image reference says by its tag that the image runs as non-root (<c>:nonroot</c>, <c>-chiseled</c>).</summary>
        public static bool LooksNonRoot(string image) =>
            image.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0 || image.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
