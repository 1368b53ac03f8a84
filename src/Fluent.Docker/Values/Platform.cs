namespace Fluent.Docker;

/// <summary>
/// A target platform (<c>os/arch[/variant]</c>), or one of BuildKit's automatic platform arguments
/// (<see cref="BuildPlatform"/>, <see cref="TargetPlatform"/>) that render as <c>$BUILDPLATFORM</c> / <c>$TARGETPLATFORM</c>,
/// or a build-time expression (<see cref="Expanded"/>, e.g. <c>${BUILDPLATFORM:-linux/amd64}</c>).
/// A platform keeps the spelling it was parsed from (<c>arm64</c> stays <c>arm64</c>), so a read Dockerfile emits as written.
/// </summary>
public sealed record Platform
{
    private Platform(string os, string architecture, string? variant, string? automaticArgument, string? written = null, Expandable? expression = null)
    {
        Os = os;
        Architecture = architecture;
        Variant = variant;
        AutomaticArgument = automaticArgument;
        _written = written;
        Expression = expression;
    }

    // The text as the user wrote it when it differs from os/arch[/variant] (an architecture alone, e.g. arm64).
    private readonly string? _written;

    public string Os { get; }
    public string Architecture { get; }
    public string? Variant { get; }

    /// <summary>The BuildKit automatic ARG this platform stands for, or null for a concrete platform.</summary>
    public string? AutomaticArgument { get; }

    public bool IsAutomatic => AutomaticArgument is not null;

    /// <summary>The build-time expression this platform stands for (e.g. <c>${BUILDPLATFORM:-linux/amd64}</c>), or null.</summary>
    public Expandable? Expression { get; }

    /// <summary>True for an os/arch[/variant] platform; false for an automatic argument or an expression, known only when BuildKit builds.</summary>
    public bool IsConcrete => AutomaticArgument is null && Expression is null;

    public static Platform LinuxAmd64 { get; } = new("linux", "amd64", null, null);
    public static Platform LinuxArm64 { get; } = new("linux", "arm64", null, null);
    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7", null);

    /// <summary>The platform of the machine running the build: <c>$BUILDPLATFORM</c> (use it for cross-compiling build stages).</summary>
    public static Platform BuildPlatform { get; } = new("", "", null, "BUILDPLATFORM");

    /// <summary>The platform being built: <c>$TARGETPLATFORM</c>.</summary>
    public static Platform TargetPlatform { get; } = new("", "", null, "TARGETPLATFORM");

    /// <summary>
    /// A platform BuildKit expands when it builds, e.g. <c>${BUILDPLATFORM:-linux/amd64}</c>
    /// (<c>Platform.Expanded(Expandable.Raw("${BUILDPLATFORM:-linux/amd64}"))</c>); it renders exactly as given.
    /// </summary>
    public static Platform Expanded(Expandable expression)
    {
        if (expression.Parts.Count == 0) throw new ArgumentException("A platform expression needs text, e.g. ${BUILDPLATFORM:-linux/amd64}.", nameof(expression));
        if (expression.LiteralText is not null)
            throw new ArgumentException($"'{expression}' is a constant: use Platform.Parse or Platform.Of for it.", nameof(expression));
        return new Platform("", "", null, null, null, expression);
    }

    public static Platform Of(string os, string architecture, string? variant = null)
    {
        ValidatePart(os, nameof(os));
        ValidatePart(architecture, nameof(architecture));
        if (variant is not null) ValidatePart(variant, nameof(variant));
        return new Platform(os, architecture, variant, null);
    }

    /// <summary>
    /// Parses <c>os/arch[/variant]</c>, e.g. <c>linux/arm64</c>, or an architecture alone, e.g. <c>arm64</c>, which BuildKit
    /// (containerd's platforms.Parse) reads as that architecture on linux; the platform keeps the text as written.
    /// </summary>
    public static Platform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "$BUILDPLATFORM" || text == "${BUILDPLATFORM}") return BuildPlatform;
        if (text == "$TARGETPLATFORM" || text == "${TARGETPLATFORM}") return TargetPlatform;
        var parts = text.Split('/');
        if (parts.Length == 1 && ArchitectureAlone(text) is var (architecture, variant))
            return new Platform("linux", architecture, variant, null, text);
        if (parts.Length is < 2 or > 3)
            throw new FormatException($"Platform '{text}' is not of the form os/arch[/variant] or a known architecture alone, e.g. linux/amd64 or arm64.");
        return Of(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    // An architecture given without an OS, normalized as containerd's platforms.Parse/normalizeArch do; the OS is the
    // builder's, linux for the BuildKit engines this library drives. An OS alone (its architecture the host's) has no
    // concrete meaning here and is refused.
    private static (string Architecture, string? Variant)? ArchitectureAlone(string text) => text switch
    {
        "amd64" or "x86_64" or "x86-64" => ("amd64", null),
        "arm64" or "aarch64" => ("arm64", null),
        "arm" or "armhf" => ("arm", "v7"),
        "armel" => ("arm", "v6"),
        "386" or "i386" => ("386", null),
        "ppc64le" or "s390x" or "riscv64" or "mips64le" or "loong64" => (text, null),
        _ => null,
    };

    private static void ValidatePart(string value, string slot)
    {
        if (string.IsNullOrEmpty(value) || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_' || c == '-'))
            throw new FormatException($"Platform {slot} '{value}' must be non-empty lowercase ASCII letters, digits, '_' or '-' (e.g. linux, arm64, v8).");
    }

    /// <summary>The text BuildKit reads: <c>linux/arm64</c>, <c>$BUILDPLATFORM</c>, or the expression or spelling as written.</summary>
    public override string ToString() =>
        AutomaticArgument is not null ? "$" + AutomaticArgument
        : Expression is { } expression ? expression.ToString()
        : _written is not null ? _written
        : Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
