namespace Fluent.Docker.Pinning;

/// <summary>How one reference fared when a lock was written.</summary>
public enum ImageLockChangeKind { Added, Updated, Unchanged, Removed }

/// <summary>One line of what <see cref="ImageLocking.LockAsync"/> did: the reference, its old and new digest.</summary>
public sealed record ImageLockChange(ImageReference Reference, ImageLockChangeKind Kind, string? OldDigest, string? NewDigest, ValueList<Platform> Platforms);

/// <summary>The new lock and what changed against the old one.</summary>
public sealed record ImageLockUpdate(ImageLock Lock, IReadOnlyList<ImageLockChange> Changes);

/// <summary>An image (as the lock names it) a definition needs for a platform that the locked image does not offer.</summary>
public sealed record PlatformGap(ImageReference Image, string? Stage, Platform Needed, ValueList<Platform> Offered)
{
    public override string ToString() =>
        $"stage '{Stage ?? "(unnamed)"}' needs {Image} for {Needed}, but it offers only {string.Join(", ", Offered)}";
}

/// <summary>
/// Writing and checking an <see cref="ImageLock"/>: which images the Dockerfiles pull, what they resolve to now,
/// and which platforms they lack. Resolution is passed in (<c>DockerEngine.ResolveAsync</c> of Fluent.Docker.Engine in practice),
/// so the lock logic stays one pure step.
/// </summary>
public static class ImageLocking
{
    /// <summary>
    /// The lock for every image <paramref name="dockerfiles"/> pull: entries of <paramref name="existing"/> are kept
    /// (so locking again changes nothing) unless <paramref name="update"/> asks to resolve every image again; images no
    /// Dockerfile pulls any more are dropped.
    /// </summary>
    public static async Task<ImageLockUpdate> LockAsync(
        IEnumerable<Dockerfile> dockerfiles, ImageLock existing, Func<ImageReference, CancellationToken, Task<LockedImage>> resolve,
        bool update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dockerfiles);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(resolve);
        var used = dockerfiles.SelectMany(ImagePinning.ImagesOf).Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        var result = ImageLock.Empty;
        var changes = new List<ImageLockChange>();
        foreach (var reference in used)
        {
            var old = existing.Find(reference);
            var now = old is not null && !update ? old : await resolve(reference, cancellationToken).ConfigureAwait(false);
            if (now.Reference != reference) now = now with { Reference = reference };
            result = result.With(now);
            var kind = old is null ? ImageLockChangeKind.Added : old.Digest == now.Digest ? ImageLockChangeKind.Unchanged : ImageLockChangeKind.Updated;
            changes.Add(new ImageLockChange(reference, kind, old?.Digest, now.Digest, now.Platforms));
        }
        foreach (var gone in existing.Images.Where(i => !used.Contains(i.Reference)))
            changes.Add(new ImageLockChange(gone.Reference, ImageLockChangeKind.Removed, gone.Digest, null, gone.Platforms));
        return new ImageLockUpdate(result, changes);
    }

    /// <summary>The lock entry of <paramref name="image"/>, written as in the definitions or already pinned to the locked digest.</summary>
    public static LockedImage? Locked(ImageLock imageLock, ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(imageLock);
        ArgumentNullException.ThrowIfNull(image);
        if (imageLock.Find(image) is { } locked) return locked;
        if (image.Digest is not { } digest) return null;
        return imageLock.Find(image.WithoutDigest()) is { } pinned && pinned.Digest == digest ? pinned : null;
    }

    /// <summary>
    /// The images <paramref name="dockerfile"/>, built for <paramref name="platforms"/>, needs for a platform the
    /// locked image does not offer: a stage on <c>$BUILDPLATFORM</c> runs on the build machine and is not checked; a
    /// stage with a fixed platform needs that one; any other stage needs every target platform. Bases may be written as
    /// in the definitions or already pinned (generated text). Images the lock lacks, or whose platforms the registry did
    /// not list, are not judged.
    /// </summary>
    public static IReadOnlyList<PlatformGap> PlatformGaps(Dockerfile dockerfile, IEnumerable<Platform> platforms, ImageLock imageLock)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(imageLock);
        var targets = platforms.ToList();
        var gaps = new List<PlatformGap>();
        foreach (var stage in dockerfile.Stages)
        {
            if (stage.Base is not BaseImage.Image { Reference: var image } || Locked(imageLock, image) is not { Platforms.Count: > 0 } locked) continue;
            var needed = stage.Platform switch
            {
                null => targets,
                { IsAutomatic: true } when stage.Platform == Platform.TargetPlatform => targets,
                { IsConcrete: false } => [],
                var fixedPlatform => [fixedPlatform],
            };
            foreach (var platform in needed)
                if (!locked.Platforms.Any(p => p.Os == platform.Os && p.Architecture == platform.Architecture && (platform.Variant is null || p.Variant == platform.Variant)))
                    gaps.Add(new PlatformGap(locked.Reference, stage.Name, platform, locked.Platforms));
        }
        return gaps;
    }
}
