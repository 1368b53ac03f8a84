namespace Fluent.Docker;

/// <summary>An absolute path inside the image (WORKDIR, mount targets, VOLUME). A relative literal keeps a problem.</summary>
public sealed record AbsolutePath : IDockerValue
{
    public AbsolutePath(Expandable value) => Value = value ?? Expandable.Empty;

    public Expandable Value { get; }

    public static implicit operator AbsolutePath(string path) => new(path);
    public static implicit operator AbsolutePath(Expandable path) => new(path);

    public ValueProblem? Problem
    {
        get
        {
            if (Value.Problem is { } p) return p;
            var first = Value.Parts.Count > 0 ? Value.Parts[0] : default;
            if (Value.Parts.Count == 0) return new ValueProblem("The path is empty.", "use an absolute path such as /app.");
            // A leading variable may expand to an absolute path; only a leading literal can be checked.
            if (!first.IsVariable && !first.Text.StartsWith('/'))
                return new ValueProblem($"The path '{ImageReference.Printable(Value.ToString())}' is relative.", $"use an absolute path, e.g. '/{Value}'.");
            return null;
        }
    }

    public override string ToString() => Value.ToString();
}

/// <summary>A destination inside the image: absolute, or relative to the stage's WORKDIR (<c>./</c>).</summary>
public sealed record ContainerPath : IDockerValue
{
    public ContainerPath(Expandable value) => Value = value ?? Expandable.Empty;

    public Expandable Value { get; }

    public static implicit operator ContainerPath(string path) => new(path);
    public static implicit operator ContainerPath(Expandable path) => new(path);
    public static implicit operator ContainerPath(AbsolutePath path) => new(path.Value);

    public ValueProblem? Problem => Value.Problem ??
        (Value.Parts.Count == 0 ? new ValueProblem("The destination path is empty.", "use '.' for the working directory, or an absolute path.") : null);

    public override string ToString() => Value.ToString();
}

/// <summary>A source path or glob in the build context (or in the stage/image named by <c>--from</c>).</summary>
public sealed record SourcePath : IDockerValue
{
    public SourcePath(Expandable value) => Value = value ?? Expandable.Empty;

    public Expandable Value { get; }

    public static implicit operator SourcePath(string path) => new(path);
    public static implicit operator SourcePath(Expandable path) => new(path);

    public ValueProblem? Problem => Value.Problem ??
        (Value.Parts.Count == 0 ? new ValueProblem("The source path is empty.", "use '.' for the whole context, or a path/glob such as 'src/'.") : null);

    public override string ToString() => Value.ToString();
}
