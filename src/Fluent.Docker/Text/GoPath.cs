using System.Text;

namespace Fluent.Docker.Text;

/// <summary>
/// Go's slash-separated path rules (<c>path.Clean</c>, <c>path.Dir</c>), which .dockerignore files and image
/// references are defined by; .NET's <see cref="Path"/> differs (it keeps <c>..</c>, treats <c>\</c> as a separator on Windows).
/// </summary>
internal static class GoPath
{
    /// <summary>The shortest equivalent path: repeated '/' joined, '.' dropped, 'x/..' removed, '..' above the root dropped; "" becomes ".".</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var output = new StringBuilder(path.Length);
        // Everything before 'floor' is fixed: the root slash, or leading '..' elements of a relative path.
        var floor = 0;
        if (rooted)
        {
            output.Append('/');
            floor = 1;
        }

        var read = rooted ? 1 : 0;
        while (read < path.Length)
        {
            if (path[read] == '/')
            {
                read++;
            }
            else if (path[read] == '.' && (read + 1 == path.Length || path[read + 1] == '/'))
            {
                read++;
            }
            else if (path[read] == '.' && path[read + 1] == '.' && (read + 2 == path.Length || path[read + 2] == '/'))
            {
                read += 2;
                if (output.Length > floor)
                {
                    var cut = output.Length - 1;
                    while (cut > floor && output[cut] != '/') cut--;
                    output.Length = cut;
                }
                else if (!rooted)
                {
                    if (output.Length > 0) output.Append('/');
                    output.Append("..");
                    floor = output.Length;
                }
            }
            else
            {
                if ((rooted && output.Length != 1) || (!rooted && output.Length != 0)) output.Append('/');
                while (read < path.Length && path[read] != '/') output.Append(path[read++]);
            }
        }

        return output.Length == 0 ? "." : output.ToString();
    }

    /// <summary>All but the last element, cleaned: "a/b" gives "a", "a" gives ".", "a/" gives "a".</summary>
    public static string Dir(string path) => Clean(path[..(path.LastIndexOf('/') + 1)]);
}
