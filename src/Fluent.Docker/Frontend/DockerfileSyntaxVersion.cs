using System.Globalization;

namespace Fluent.Docker;

/// <summary>
/// A <c>docker/dockerfile</c> syntax version such as <c>1.7</c> or <c>1.1.2</c>, compared numerically. The channel
/// (stable or labs) is not part of the version: <see cref="DockerfileFeature"/> says which channel knows a feature since when.
/// </summary>
public readonly record struct DockerfileSyntaxVersion(int Major, int Minor, int Patch = 0) : IComparable<DockerfileSyntaxVersion>
{
    /// <summary>Reads <c>1</c>, <c>1.7</c> or <c>1.7.1</c>; null for anything else.</summary>
    public static DockerfileSyntaxVersion? TryParse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length is 0 or > 3) return null;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit) || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        return new DockerfileSyntaxVersion(numbers[0], numbers[1], numbers[2]);
    }

    public int CompareTo(DockerfileSyntaxVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(DockerfileSyntaxVersion a, DockerfileSyntaxVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(DockerfileSyntaxVersion a, DockerfileSyntaxVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(DockerfileSyntaxVersion a, DockerfileSyntaxVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DockerfileSyntaxVersion a, DockerfileSyntaxVersion b) => a.CompareTo(b) >= 0;

    /// <summary><c>1.7</c>, or <c>1.1.2</c> when the patch matters.</summary>
    public override string ToString() => Patch == 0 ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";
}
