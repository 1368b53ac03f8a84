using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// One platform's image, stored in a registry by digest and not tagged yet: what a spread build's platform job hands
/// to the merge. Written as a small JSON file (<c>{"platform":"linux/arm64","repository":"…","digest":"sha256:…"}</c>)
/// so CI matrix jobs can build apart and one later job merges (<see cref="SpreadBuild.MergeAsync"/>).
/// </summary>
/// <param name="Platform">The platform the image was built for.</param>
/// <param name="Repository">The repository it was pushed to, with no tag or digest (e.g. <c>127.0.0.1:5000/team/app</c>).</param>
/// <param name="Digest">The pushed image's (or its per-platform index's) digest, <c>sha256:…</c>.</param>
public sealed record PlatformDigest(Platform Platform, ImageReference Repository, string Digest)
{
    /// <summary>The pushed image, <c>repository@digest</c>.</summary>
    public ImageReference Image => Repository.WithDigest(Digest);

    /// <summary>The file's JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(new FileShape(Platform.ToString(), Repository.ToString(), Digest), Options);

    /// <summary>Writes the digest file all or nothing (a crashed job leaves no half-written file).</summary>
    public void WriteTo(string path) => IO.AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a digest file; throws <see cref="FormatException"/> naming the file and the bad field.</summary>
    public static PlatformDigest ReadFrom(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses a digest file's text; <paramref name="source"/> names it in errors.</summary>
    public static PlatformDigest Parse(string json, string source = "digest file")
    {
        FileShape? shape;
        try { shape = JsonSerializer.Deserialize<FileShape>(json, Options); }
        catch (JsonException e) { throw new FormatException($"{source} is not a platform digest file: {e.Message}", e); }
        if (shape is null) throw new FormatException($"{source} is empty; expected {{\"platform\",\"repository\",\"digest\"}}.");

        Platform platform;
        try { platform = Platform.Parse(shape.Platform ?? throw new FormatException("missing")); }
        catch (FormatException) { throw new FormatException($"{source}: 'platform' ({shape.Platform ?? "missing"}) is not a platform such as linux/arm64."); }
        if (shape.Repository is null || !ImageReference.TryParse(shape.Repository, out var repository) || repository.Tag is not null || repository.Digest is not null)
            throw new FormatException($"{source}: 'repository' ({shape.Repository ?? "missing"}) is not a repository without tag or digest, such as registry:5000/team/app.");
        if (!IsDigest(shape.Digest))
            throw new FormatException($"{source}: 'digest' ({shape.Digest ?? "missing"}) is not a sha256 digest (sha256: and 64 hex digits).");
        return new PlatformDigest(platform, repository, shape.Digest!);
    }

    internal static bool IsDigest(string? digest) =>
        digest is { Length: 71 } && digest.StartsWith("sha256:", StringComparison.Ordinal) && digest[7..].All(char.IsAsciiHexDigitLower);

    public override string ToString() => $"{Platform} {Image}";

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    private sealed record FileShape(string? Platform, string? Repository, string? Digest);
}
