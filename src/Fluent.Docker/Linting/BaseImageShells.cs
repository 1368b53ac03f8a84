namespace Fluent.Docker.Linting;

/// <summary>What the shells of a base image can do, as far as its name tells (the lint pulls nothing).</summary>
internal enum BaseShell
{
    /// <summary>Not known: an image family not listed, a distroless or chiseled image, or an ARG-built reference.</summary>
    Unknown,

    /// <summary>No shell at all (<c>scratch</c>).</summary>
    None,

    /// <summary>/bin/sh is BusyBox ash (busybox, Alpine and the <c>-alpine</c> variants): <c>set -o pipefail</c> works.</summary>
    AshWithPipefail,

    /// <summary>
    /// A Debian or Ubuntu userland: /bin/bash is there, /bin/sh is dash, which accepts <c>set -o pipefail</c> only from
    /// Debian 13 on (bookworm's dash: "set: Illegal option -o pipefail"; trixie-based node:20-slim accepts it).
    /// </summary>
    DebianWithBash,
}

/// <summary>
/// Decides <see cref="BaseShell"/> from an image name. The families listed are the official images built on Debian or
/// Ubuntu (their default tags and <c>-slim</c>), Microsoft's .NET images (Debian by default), and the BusyBox/Alpine ones.
/// </summary>
internal static class BaseImageShells
{
    private static readonly HashSet<string> DebianFamilies = new(StringComparer.Ordinal)
    {
        "debian", "ubuntu", "buildpack-deps", "node", "python", "golang", "rust", "ruby", "php", "perl", "openjdk",
        "eclipse-temurin", "maven", "gradle", "gcc",
    };

    /// <summary>Microsoft's .NET images (<c>dotnet/sdk</c>, <c>dotnet/aspnet</c>…): Debian unless the tag says otherwise.</summary>
    private static readonly HashSet<string> DotNetFamilies = new(StringComparer.Ordinal) { "sdk", "aspnet", "runtime", "runtime-deps" };

    private static readonly HashSet<string> AshFamilies = new(StringComparer.Ordinal) { "busybox", "alpine" };

    /// <summary>The shell the stage's root base offers: the first stage of its chain decides (<c>FROM build</c> builds on build's base).</summary>
    public static BaseShell Of(StageContext stage)
    {
        var root = stage.Chain().Last().Stage;
        return root.Base switch
        {
            BaseImage.Scratch => BaseShell.None,
            BaseImage.Image { Reference: { Problem: null } reference } => Of(reference),
            _ => BaseShell.Unknown,
        };
    }

    public static BaseShell Of(ImageReference reference)
    {
        var family = reference.Path[(reference.Path.LastIndexOf('/') + 1)..];
        var tag = reference.Tag ?? "";
        if (AshFamilies.Contains(family) || tag.Contains("alpine", StringComparison.Ordinal)) return BaseShell.AshWithPipefail;
        string[] otherUserlands = ["chiseled", "distroless", "nanoserver", "windowsservercore", "azurelinux", "cbl-mariner"];
        if (otherUserlands.Any(u => tag.Contains(u, StringComparison.Ordinal) || reference.Path.Contains(u, StringComparison.Ordinal)))
            return BaseShell.Unknown;
        var dotnet = reference.Path.EndsWith("dotnet/" + family, StringComparison.Ordinal) && DotNetFamilies.Contains(family);
        return DebianFamilies.Contains(family) || dotnet ? BaseShell.DebianWithBash : BaseShell.Unknown;
    }
}
