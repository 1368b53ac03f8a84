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

        /// <summary>True for <c>root</c> and uid <c>0</c> (the user part of <c>user[:group]</c>).</summary>
        public static bool IsRootUser(string user) => user == "root" || user == "0";

        /// <summary>True when an image reference says by its tag that the image runs as non-root (<c>:nonroot</c>, <c>-chiseled</c>).</summary>
        public static bool LooksNonRoot(string image) =>
            image.IndexOf("nonroot", StringComparison.OrdinalIgnoreCase) >= 0 || image.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
