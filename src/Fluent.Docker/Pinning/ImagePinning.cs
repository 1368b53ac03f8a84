namespace Fluent.Docker.Pinning;

/// <summary>
/// The images a Dockerfile pulls by name, and the same Dockerfile with those images pinned to the digests of an
/// <see cref="ImageLock"/>. An image is pulled by <c>FROM image</c>, <c>COPY --from=image</c> and
/// <c>RUN --mount=…,from=image</c> (also inside ONBUILD); stages, named contexts, <c>scratch</c> and references
/// built from ARGs (resolved only by BuildKit) are not, and are left as they are. A reference that already names a
/// digest is pinned by its author and left alone.
/// </summary>
internal static class ImagePinning
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
    /// returned in <paramref name="unlocked"/> and left as written. A stage that labels its base
    /// (<c>org.opencontainers.image.base.name</c>, as the templates do) also gets <c>org.opencontainers.image.base.digest</c>,
    /// the OCI annotation scanners read to tell which base an image was built on.
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
        return pinned.WithStagesRewritten(stage => stage.Base is BaseImage.Image { Reference.Digest: { } digest } image && !LabelsBaseDigest(stage)
            ? stage.Rewritten(stage.Base, ValueList.From(stage.Instructions.Select(i => WithBaseDigest(i, image.Reference, digest))))
            : stage);
    }

    private static bool LabelsBaseDigest(Stage stage) =>
        stage.Instructions.OfType<LabelInstruction>().Any(label => label.Labels.Any(l => l.Key == OciLabels.BaseDigest));

    // LABEL …base.name=<the base as written> gains …base.digest=<its digest> (stages that set base.digest themselves are skipped above).
    private static Instruction WithBaseDigest(Instruction instruction, ImageReference pinnedBase, string digest)
    {
        if (instruction is not LabelInstruction label) return instruction;
        var written = pinnedBase.WithoutDigest().ToString();
        var at = label.Labels.ToList().FindIndex(l => l.Key == OciLabels.BaseName && l.Value.LiteralText == written);
        if (at < 0) return instruction;
        var labels = label.Labels.ToList();
        labels.Insert(at + 1, new Label(OciLabels.BaseDigest, digest));
        return label with { Labels = ValueList.From(labels) };
    }

    // One walk serves both: it visits every image pulled by a tag and replaces it with what the callback returns.
    private static Dockerfile Rewrite(Dockerfile dockerfile, Func<ImageReference, ImageReference> image) =>
        dockerfile.WithStagesRewritten(stage => stage.Rewritten(
            stage.Base is BaseImage.Image { Reference: var reference } && Pullable(reference) ? new BaseImage.Image(image(reference)) : stage.Base,
            ValueList.From(stage.Instructions.Select(i => Rewrite(i, image)))));

    private static Instruction Rewrite(Instruction instruction, Func<ImageReference, ImageReference> image) =>
        Codecs.InstructionCodecs.For(instruction).RewriteImages(instruction, image);

    /// <summary>A COPY --from or mount from= source with its image (when pulled by a tag) replaced.</summary>
    internal static ArtifactSource Rewrite(ArtifactSource source, Func<ImageReference, ImageReference> image) =>
        source is ArtifactSource.FromImage { Image: var reference } && Pullable(reference) ? new ArtifactSource.FromImage(image(reference)) : source;

    private static bool Pullable(ImageReference reference) => reference.Problem is null && reference.Digest is null;
}
