using Fluent.Docker.Build;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>build --platform P --push-by-digest --digest-file FILE</c>: one platform of each image, stored in the registry by
/// digest with no tag, and a digest file per image for <c>merge</c> (a CI matrix job per platform, one merge job after).
/// </summary>
internal static class PushByDigest
{
    /// <summary>The usage problem with the options, or null.</summary>
    public static string? Problem(IReadOnlyList<Platform> platforms, string? registry, string? digestFile, bool push) =>
        platforms.Count != 1 ? $"--push-by-digest builds one platform per run; {platforms.Count} were given. Fix: pass exactly one --platform, and run once per platform (a CI matrix)."
        : registry is null ? "--push-by-digest needs --registry: the image is stored there by digest. Fix: add --registry HOST[:PORT]."
        : digestFile is null ? "--push-by-digest needs --digest-file FILE: merge reads the digests from there. Fix: add --digest-file, e.g. --digest-file digests/amd64.json."
        : push ? "--push-by-digest and --push both store the image; --push also tags it. Fix: give one of them (the tag comes later, from merge)."
        : null;

    /// <summary>Builds and stores each image; returns the digest files written, in image order.</summary>
    public static async Task<IReadOnlyList<(PlatformDigest Digest, string File)>> RunAsync(IReadOnlyList<PlannedBuild> builds, Platform platform, Buildx buildx,
        string digestFile, CliConsole console, CancellationToken cancellationToken)
    {
        var written = new List<(PlatformDigest, string)>();
        foreach (var build in builds)
        {
            var repository = ImageReference.Parse(build.Request.Tags[0].Name);
            console.Error.WriteLine($"{build.Image.Name}: {platform} on {buildx.Context?.Name ?? "the current docker context"}, stored by digest in {repository}");
            var (digest, _) = await SpreadBuild.BuildPlatformAsync(buildx, build.Request, platform, repository, null, cancellationToken);
            var file = FileFor(digestFile, build.Image.Name, builds.Count, console.WorkingDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            digest.WriteTo(file);
            console.Out.WriteLine($"{digest.Platform}  {digest.Image}  {console.Display(file)}");
            written.Add((digest, file));
        }
        return written;
    }

    /// <summary>The file as given for one image; for several, <c>NAME.&lt;image&gt;.json</c> beside it (slashes as dashes).</summary>
    internal static string FileFor(string digestFile, string imageName, int imageCount, string workingDirectory)
    {
        var path = Path.GetFullPath(digestFile, workingDirectory);
        if (imageCount == 1) return path;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return $"{stem}.{imageName.Replace('/', '-')}{(Path.GetExtension(path) is { Length: > 0 } extension ? extension : ".json")}";
    }
}
