using System.Globalization;

namespace Fluent.Docker.Build;

/// <summary>
/// The installed buildx's release (<c>docker buildx version</c>), compared by major, minor and patch; a distribution
/// suffix (<c>0.29.1+ds1</c>) or a <c>v</c> prefix is ignored.
/// </summary>
public sealed record BuildxVersion(int Major, int Minor, int Patch) : IComparable<BuildxVersion>
{
    /// <summary>
    /// Reads the output of <c>docker buildx version</c> (<c>github.com/docker/buildx v0.29.1 abc1234</c>); null when it
    /// names no release (a development build).
    /// </summary>
    public static BuildxVersion? FromVersionOutput(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var token in output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (TryParse(token, out var version)) return version;
        return null;
    }

    /// <summary>Reads <c>[v]MAJOR.MINOR[.PATCH][suffix]</c>.</summary>
    public static bool TryParse(string? text, out BuildxVersion version)
    {
        version = null!;
        if (string.IsNullOrEmpty(text)) return false;
        var core = text.StartsWith('v') ? text[1..] : text;
        var end = 0;
        while (end < core.Length && (char.IsAsciiDigit(core[end]) || core[end] == '.')) end++;
        var parts = core[..end].Split('.');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0)) return false;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        version = new BuildxVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public int CompareTo(BuildxVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(BuildxVersion left, BuildxVersion right) => left is null ? right is not null : left.CompareTo(right) < 0;
    public static bool operator >(BuildxVersion left, BuildxVersion right) => left is not null && left.CompareTo(right) > 0;
    public static bool operator <=(BuildxVersion left, BuildxVersion right) => !(left > right);
    public static bool operator >=(BuildxVersion left, BuildxVersion right) => !(left < right);

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
