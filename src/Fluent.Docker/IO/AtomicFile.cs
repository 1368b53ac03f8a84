using System.Text;

namespace Fluent.Docker.IO;

/// <summary>Writes files so that readers see either the old or the new content, never a partial file.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        // The temp file sits in the same directory so the final rename stays on one filesystem (atomic).
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, System.IO.FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8NoBom.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes several files, each atomically, after all contents were produced (nothing is written if producing one fails).</summary>
    public static void WriteAll(IEnumerable<(string Path, Func<string> Content)> files)
    {
        var produced = files.Select(f => (f.Path, Content: f.Content())).ToList();
        foreach (var (path, content) in produced) WriteAllText(path, content);
    }
}
