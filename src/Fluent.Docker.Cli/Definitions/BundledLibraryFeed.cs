namespace Fluent.Docker.Cli.Definitions;

/// <summary>
/// The Fluent.Docker package the installed tool carries (<c>library-feed/</c> beside the tool's assemblies, packed
/// with the tool at the same version). The tool adds it as a restore source whenever it runs the definitions, so a
/// scaffolded project restores on the first try wherever the tool was installed from: a local folder, a private feed,
/// the public gallery, a global or a local tool. Nothing machine-specific is written into the user's repository
/// (NuGet records no source for a tool installed from a folder, and a path written into a committed nuget.config
/// would break every other machine); the user's own sources still come first. Null when the tool runs from a build
/// output (tests, <c>dotnet run</c>), which carries no package.
/// </summary>
internal static class BundledLibraryFeed
{
    public const string DirectoryName = "library-feed";

    /// <summary>The folder holding the bundled package, or null.</summary>
    public static string? Locate(string? toolDirectory = null)
    {
        var directory = Path.Combine(toolDirectory ?? AppContext.BaseDirectory, DirectoryName);
        return Directory.Exists(directory) && Directory.EnumerateFiles(directory, "Fluent.Docker.*.nupkg").Any() ? directory : null;
    }

    /// <summary>
    /// The value of MSBuild's <c>RestoreAdditionalProjectSources</c> (read from the environment) with the bundled
    /// feed added after what the user set there.
    /// </summary>
    public static string? RestoreSources(string? feed, string? userSetting) =>
        feed is null ? userSetting : string.IsNullOrEmpty(userSetting) ? feed : userSetting + ";" + feed;
}
