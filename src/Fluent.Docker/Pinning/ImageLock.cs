using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluent.Docker.IO;

namespace Fluent.Docker.Pinning;

/// <summary>One image a definition pulls by name, and what it resolved to when it was locked.</summary>
/// <param name="Reference">The reference as the definition writes it (a tag, no digest): the lock's key.</param>
/// <param name="Digest">The registry's digest of what the reference named then (the index for a multi-platform image).</param>
/// <param name="Platforms">The platforms that index offers; empty for a single-platform manifest the registry did not describe.</param>
public sealed record LockedImage(ImageReference Reference, string Digest, ValueList<Platform> Platforms);

/// <summary>
/// The digests the external images of a repository's definitions were locked to (<c>images.lock.json</c>, committed
/// beside the definitions): with it, every generated <c>FROM</c>, <c>COPY --from</c> and <c>--mount from=</c> of a
/// locked image names its digest, so a rebuild next month uses the same bases, and a base change is a reviewed diff of
/// this file. Immutable; keyed by the reference as written.
/// </summary>
public sealed record ImageLock
{
    public const string FileName = "images.lock.json";
    private const int FormatVersion = 1;

    private ImageLock(ImmutableSortedDictionary<string, LockedImage> images) => _images = images;

    private readonly ImmutableSortedDictionary<string, LockedImage> _images;

    public static ImageLock Empty { get; } = new(ImmutableSortedDictionary.Create<string, LockedImage>(StringComparer.Ordinal));

    /// <summary>The locked images, ordered by reference.</summary>
    public IReadOnlyList<LockedImage> Images => [.. _images.Values];

    /// <summary>What <paramref name="reference"/> was locked to, or null when it is not in the lock.</summary>
    public LockedImage? Find(ImageReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _images.GetValueOrDefault(reference.ToString());
    }

    /// <summary>The lock with <paramref name="image"/> added or replaced.</summary>
    public ImageLock With(LockedImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Reference.Problem is { } problem) throw new ImageLockException($"'{image.Reference}' cannot be locked: {problem.Message}", problem.Fix);
        if (image.Reference.Digest is not null)
            throw new ImageLockException($"'{image.Reference}' already names a digest; the lock keys references by tag.", $"write the image with its tag only.");
        if (ImageReference.Parse("lock").WithDigest(image.Digest).Problem is not null)
            throw new ImageLockException($"'{image.Digest}' (for {image.Reference}) is not a digest.", $"use the form sha256:<64 hex digits>.");
        return new ImageLock(_images.SetItem(image.Reference.ToString(), image));
    }

    /// <summary>The lock keeping only the images in <paramref name="used"/> (references no definition uses any more are dropped).</summary>
    public ImageLock Only(IEnumerable<ImageReference> used)
    {
        var keep = used.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        return new ImageLock(_images.RemoveRange(_images.Keys.Where(k => !keep.Contains(k))));
    }

    public string ToJson()
    {
        var images = new JsonArray();
        foreach (var image in _images.Values)
            images.Add(new JsonObject
            {
                ["reference"] = image.Reference.ToString(),
                ["digest"] = image.Digest,
                ["platforms"] = new JsonArray([.. image.Platforms.Select(p => JsonValue.Create(p.ToString()))]),
            });
        var root = new JsonObject { ["version"] = FormatVersion, ["images"] = images };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a lock written by <see cref="ToJson"/>; <paramref name="source"/> names the file in errors.</summary>
    public static ImageLock Parse(string json, string source = FileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new ImageLockException($"{source} is not valid JSON ({e.Message}).", $"restore it from source control, or delete it and run 'fluent-docker lock'."); }
        if (root?["version"] is not JsonValue version || !version.TryGetValue<int>(out var number) || number != FormatVersion)
            throw new ImageLockException($"{source} has no \"version\": {FormatVersion}.", $"delete it and run 'fluent-docker lock' to write it again.");
        var result = Empty;
        foreach (var (entry, index) in (root["images"] as JsonArray ?? []).Select((e, i) => (e, i)))
        {
            if (Text(entry?["reference"]) is not { } reference || Text(entry?["digest"]) is not { } digest)
                throw new ImageLockException($"{source}: entry {index + 1} needs \"reference\" and \"digest\".", $"run 'fluent-docker lock' to write it again.");
            LockedImage image;
            try
            {
                var platforms = (entry!["platforms"] as JsonArray ?? []).Select(p => Text(p) is { } text ? Platform.Parse(text) : throw new FormatException("a platform is not a string"));
                image = new LockedImage(ImageReference.Parse(reference), digest, ValueList.From(platforms));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new ImageLockException($"{source}: entry {index + 1} ({reference}) is malformed: {e.Message}", $"run 'fluent-docker lock' to write it again.");
            }
            result = result.With(image);
        }
        return result;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The lock in <paramref name="path"/>, or <see cref="Empty"/> when there is no such file.</summary>
    public static ImageLock Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), Path.GetFileName(path)) : Empty;

    /// <summary>Writes the lock to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    public bool Equals(ImageLock? other) => other is not null && _images.Values.SequenceEqual(other._images.Values);
    public override int GetHashCode() => _images.Count;
}

/// <summary>A lock file or lock entry that cannot be used; the message names it and the fix.</summary>
public sealed class ImageLockException(string message, string fix) : Exception($"{message} Fix: {fix}"), IProblemException
{
    /// <summary>The lock problem: <see cref="ProblemCodes.ImageLock"/>, with the fix.</summary>
    public Problem Problem { get; } = Problem.Error(ProblemCodes.ImageLock, ProblemLocation.None, message, fix);

    IReadOnlyList<Problem> IProblemException.Problems => [Problem];
}
