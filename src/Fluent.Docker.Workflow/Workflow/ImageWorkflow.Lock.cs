using System.Net;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Workflow;

/// <summary>How <see cref="ImageWorkflow.LockAsync(IReadOnlyList{WorkflowImage}, string, DockerEngine, LockOptions?, CancellationToken)"/> locks.</summary>
/// <param name="Update">Resolve every image again (default: keep the digests already locked, resolve only new images).</param>
/// <param name="VerifyOnly">Write nothing: only report what would change.</param>
public sealed record LockOptions(bool Update = false, bool VerifyOnly = false)
{
    public static LockOptions Default { get; } = new();
}

public static partial class ImageWorkflow
{
    /// <summary>
    /// Resolves every image <paramref name="images"/> pull by a tag to its digest through <paramref name="engine"/> (so
    /// registry mirrors and credentials apply), writes the lock to <paramref name="lockPath"/> (unless
    /// <see cref="LockOptions.VerifyOnly"/>), and reports each change and the platforms a locked base lacks.
    /// An image the registry does not have throws <see cref="ImageNotFoundException"/>.
    /// </summary>
    public static Task<LockRun> LockAsync(IReadOnlyList<WorkflowImage> images, string lockPath, DockerEngine engine, LockOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return LockAsync(images, lockPath, async (reference, token) =>
        {
            try { return await engine.ResolveAsync(reference, token).ConfigureAwait(false); }
            catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ImageNotFoundException(reference, e.EngineMessage, e);
            }
        }, options, cancellationToken);
    }

    /// <summary><see cref="LockAsync(IReadOnlyList{WorkflowImage}, string, DockerEngine, LockOptions?, CancellationToken)"/> with the resolution passed in.</summary>
    public static async Task<LockRun> LockAsync(
        IReadOnlyList<WorkflowImage> images, string lockPath, Func<ImageReference, CancellationToken, Task<LockedImage>> resolve,
        LockOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrWhiteSpace(lockPath);
        options ??= LockOptions.Default;
        var update = await ImageLocking.LockAsync(images.Select(i => i.Dockerfile), ImageLock.Load(lockPath), resolve, options.Update, cancellationToken).ConfigureAwait(false);
        if (!options.VerifyOnly) update.Lock.Save(lockPath);
        var gaps = images.SelectMany(image => ImageLocking.PlatformGaps(image.Dockerfile, image.Platforms, update.Lock)
            .Select(gap => new ImagePlatformGap(image.Name, gap))).ToList();
        return new LockRun(lockPath, update, Written: !options.VerifyOnly, gaps);
    }
}

/// <summary>What a lock run did: the lock, each image's change, whether the file was written, and the platform gaps.</summary>
public sealed record LockRun(string LockPath, ImageLockUpdate Update, bool Written, IReadOnlyList<ImagePlatformGap> PlatformGaps)
{
    public ImageLock Lock => Update.Lock;
    public IReadOnlyList<ImageLockChange> Changes => Update.Changes;

    /// <summary>How many images were added, updated or removed.</summary>
    public int ChangedCount => Changes.Count(c => c.Kind != ImageLockChangeKind.Unchanged);

    /// <summary>True when the lock on disk already says what the definitions need.</summary>
    public bool IsUpToDate => ChangedCount == 0;

    /// <summary>One line per image: <c>reference: kind digest</c>.</summary>
    public IReadOnlyList<string> ChangeLines() =>
        [.. Changes.Select(change => $"{change.Reference}: {change.Kind.ToString().ToLowerInvariant()} {change.NewDigest ?? change.OldDigest}")];

    /// <summary>The plain table: image, short digest, platforms, change.</summary>
    public string ToTable() => PlainTable.Format(["IMAGE", "DIGEST", "PLATFORMS", "CHANGE"], [.. Changes.Select(change => new[]
    {
        change.Reference.ToString(),
        Short(change.NewDigest ?? change.OldDigest),
        change.Platforms.Count == 0 ? "-" : string.Join(",", change.Platforms),
        change.Kind switch
        {
            ImageLockChangeKind.Updated => $"updated (was {Short(change.OldDigest)})",
            var kind => kind.ToString().ToLowerInvariant(),
        },
    })]);

    private static string Short(string? digest) => digest is null ? "-" : BuiltImages.ShortDigest(digest);
}

/// <summary>The registry has no image under a reference the definitions pull; nothing was written.</summary>
public sealed class ImageNotFoundException(ImageReference reference, string? registryMessage, Exception? innerException = null) : Exception(
    $"image not found: {reference} ({registryMessage ?? "the registry has no such manifest"}). Fix: check its name and tag in the definitions.", innerException), IProblemException
{
    public ImageReference Reference { get; } = reference;

    /// <summary>The <see cref="ProblemCodes.ImageNotFound"/> problem, the reference as the slot.</summary>
    public IReadOnlyList<Problem> Problems { get; } =
        [Problem.Error(ProblemCodes.ImageNotFound, ProblemLocation.InSlot(reference.ToString()),
            $"image not found ({registryMessage ?? "the registry has no such manifest"}).", "check its name and tag in the definitions.")];
}
