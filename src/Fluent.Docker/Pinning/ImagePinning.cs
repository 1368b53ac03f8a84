namespace Fluent.Docker.Pinning;

/// <summary>
/// The images a Dockerfile pulls by name, and the same Dockerfile with those images pinned to the digests of an
/// <see cref="ImageLock"/>. An image is pulled by <c>FROM image</c>, <c>COPY --from=image</c> and
/// <c>RUN --mount=…,from=image</c> (also inside ONBUILD); stages, named contexts, <c>scratch</c> and references
/// built from ARGs (resolved only by BuildKit) are not, and are left as they are. A reference that already names a
/// digest is pinned by its author and left alone.
/// </summary>
public static class ImagePinning
{
    /// <summary>Every image <paramref name="dockerfile"/> pulls by a tag (no digest), in order of first use, once each.</summary>
    public static IReadOnlyList<ImageReference> ImagesOf(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var found = new List<ImageReference>();
        Rewrite(dockerfile, image =>
        {
            if (!found.Contains(image)) found.Add(image);
            return image;
        });
        return found;
    }

    /// <summary>
    /// <paramref name="dockerfile"/> with each image found in <paramref name="imageLock"/> written as
    /// <c>name:tag@digest</c> (the tag stays for readers; BuildKit pulls by the digest). Images not in the lock are
    /// returned in <paramref name="unlocked"/> and left as written.
    /// </summary>
    public static Dockerfile Pin(Dockerfile dockerfile, ImageLock imageLock, out IReadOnlyList<ImageReference> unlocked)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(imageLock);
        var missing = new List<ImageReference>();
        var pinned = Rewrite(dockerfile, image =>
        {
            if (imageLock.Find(image) is { } locked) return image.WithDigest(locked.Digest);
            if (!missing.Contains(image)) missing.Add(image);
            return image;
        });
        unlocked = missing;
        return pinned;
    }

    // One walk serves both: it visits every image pulled by a tag and replaces it with what the callback returns.
    private static Dockerfile Rewrite(Dockerfile dockerfile, Func<ImageReference, ImageReference> image) =>
        dockerfile.WithStagesRewritten(stage => stage.Rewritten(
            stage.Base is BaseImage.Image { Reference: var reference } && Pullable(reference) ? new BaseImage.Image(image(reference)) : stage.Base,
            ValueList.From(stage.Instructions.Select(i => Rewrite(i, image)))));

    private static Instruction Rewrite(Instruction instruction, Func<ImageReference, ImageReference> image) => instruction switch
    {
        CopyInstruction { From: { } from } copy => copy with { From = Rewrite(from, image) },
        RunInstruction run => run with { Options = ValueList.From(run.Options.Select(o => Rewrite(o, image))) },
        OnBuildInstruction onBuild => onBuild with { Trigger = Rewrite(onBuild.Trigger, image) },
        _ => instruction,
    };

    private static RunOption Rewrite(RunOption option, Func<ImageReference, ImageReference> image) => option switch
    {
        CacheMount { From: { } from } cache => cache with { From = Rewrite(from, image) },
        BindMount { From: { } from } bind => bind with { From = Rewrite(from, image) },
        _ => option,
    };

    private static ArtifactSource Rewrite(ArtifactSource source, Func<ImageReference, ImageReference> image) =>
        source is ArtifactSource.FromImage { Image: var reference } && Pullable(reference) ? new ArtifactSource.FromImage(image(reference)) : source;

    private static bool Pullable(ImageReference reference) => reference.Problem is null && reference.Digest is null;
}
