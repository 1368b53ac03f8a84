namespace Fluent.Docker;

/// <summary>A reference to a stage of the same Dockerfile, by name (what <c>FROM</c>/<c>--from</c> render).</summary>
public sealed record StageRef(string Name)
{
    public override string ToString() => Name;
}

/// <summary>What a FROM builds on: an image, an earlier stage, or nothing (<c>scratch</c>).</summary>
public abstract record BaseImage
{
    private BaseImage() { }

    public sealed record Image(ImageReference Reference) : BaseImage;
    public sealed record OfStage(StageRef Stage) : BaseImage;
    public sealed record Scratch : BaseImage;

    /// <summary>
    /// An image or stage named with global ARG references, resolved by BuildKit at build time:
    /// <c>FROM golang:${GO_VERSION}-alpine</c>, <c>FROM binaries-$TARGETOS</c>.
    /// </summary>
    public sealed record Expanded(Expandable Reference) : BaseImage;
}

/// <summary>
/// Where <c>COPY --from</c> / <c>--mount from=</c> read: an earlier stage, an image, or a named build context.
/// Converts implicitly from <see cref="Stage"/>, <see cref="ImageReference"/> and <see cref="NamedContext"/>,
/// never from a string (a bare string is ambiguous between a stage and an image).
/// </summary>
public abstract record ArtifactSource
{
    private ArtifactSource() { }

    public sealed record FromStage(StageRef Stage) : ArtifactSource;
    public sealed record FromImage(ImageReference Image) : ArtifactSource;
    public sealed record FromContext(NamedContext Context) : ArtifactSource;

    public static implicit operator ArtifactSource(Stage stage) => new FromStage(stage.Reference);
    public static implicit operator ArtifactSource(ImageReference image) => new FromImage(image);
    public static implicit operator ArtifactSource(NamedContext context) => new FromContext(context);
}
