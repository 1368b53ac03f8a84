namespace Fluent.Docker;

/// <summary>
/// A target platform (<c>os/arch[/variant]</c>), or one of BuildKit's automatic platform arguments
/// (<see cref="BuildPlatform"/>, <see cref="TargetPlatform"/>) that render as <c>$BUILDPLATFORM</c> / <c>$TARGETPLATFORM</c>.
/// </summary>
public sealed record Platform
{
    private Platform(string os, string architecture, string? variant, string? automaticArgument)
    {
        Os = os;
        Architecture = architecture;
        Variant = variant;
        AutomaticArgument = automaticArgument;
    }

    public string Os { get; }
    public string Architecture { get; }
    public string? Variant { get; }

    /// <summary>The BuildKit automatic ARG this platform stands for, or null for a concrete platform.</summary>
    public string? AutomaticArgument { get; }

    public bool IsAutomatic => AutomaticArgument is not null;

    public static Platform LinuxAmd64 { get; } = new("linux", "amd64", null, null);
    public static Platform LinuxArm64 { get; } = new("linux", "arm64", null, null);
    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7", null);

    /// <summary>The platform of the machine running the build: <c>$BUILDPLATFORM</c> (use it for cross-compiling build stages).</summary>
    public static Platform BuildPlatform { get; } = new("", "", null, "BUILDPLATFORM");

    /// <summary>The platform being built: <c>$TARGETPLATFORM</c>.</summary>
    public static Platform TargetPlatform { get; } = new("", "", null, "TARGETPLATFORM");

    public static Platform Of(string os, string architecture, string? variant = null)
    {
        ValidatePart(os, nameof(os));
        ValidatePart(architecture, nameof(architecture));
        if (variant is not null) ValidatePart(variant, nameof(variant));
        return new Platform(os, architecture, variant, null);
    }

    /// <summary>Parses <c>os/arch[/variant]</c>, e.g. <c>linux/arm64</c>.</summary>
    public static Platform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "$BUILDPLATFORM" || text == "${BUILDPLATFORM}") return BuildPlatform;
        if (text == "$TARGETPLATFORM" || text == "${TARGETPLATFORM}") return TargetPlatform;
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3)
            throw new FormatException($"Platform '{text}' is not of the form os/arch[/variant], e.g. linux/amd64.");
        return Of(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    private static void ValidatePart(string value, string slot)
    {
        if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '-'))
            throw new FormatException($"Platform {slot} '{value}' must be non-empty lowercase ASCII letters, digits, '_' or '-' (e.g. linux, arm64, v8).");
    }

    /// <summary>The text BuildKit reads: <c>linux/arm64</c> or <c>$BUILDPLATFORM</c>.</summary>
    public override string ToString() =>
        AutomaticArgument is not null ? "$" + AutomaticArgument
        : Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
