using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Fluent.Docker;

// The three path types are interpolated-string handlers like Expandable, so $"/opt/{version}" keeps the ARG as a
// reference instead of flattening it to text; they are structs for the same reason Expandable is one.

/// <summary>An absolute path inside the image (WORKDIR, mount targets, VOLUME). A relative literal keeps a problem.</summary>
[InterpolatedStringHandler]
public struct AbsolutePath : IDockerValue, IEquatable<AbsolutePath>
{
    private Expandable _value;

    public AbsolutePath(Expandable value) => _value = value;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public AbsolutePath(int literalLength, int formattedCount) => _value = new Expandable(literalLength, formattedCount);

    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendLiteral(string value) => _value.AppendLiteral(value);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(BuildArg arg) => _value.AppendFormatted(arg);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(Expandable value) => _value.AppendFormatted(value);
    [EditorBrowsable(EditorBrowsableState.Never), Obsolete(Expandable.SecretInValueMessage, error: true)]
    public void AppendFormatted(SecretId secret) => throw new NotSupportedException(Expandable.SecretInValueMessage);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted<T>(T value) => _value.AppendFormatted(value);

    public readonly Expandable Value => _value;

    public static implicit operator AbsolutePath(string path) => new(path);
    public static implicit operator AbsolutePath(Expandable path) => new(path);

    public readonly Problem? Problem
    {
        get
        {
            if (Value.Problem is { } p) return p;
            if (Value.Parts.Count == 0) return Problem.InvalidValue("The path is empty.", "use an absolute path such as /app.");
            var first = Value.Parts[0];
            // A leading variable may expand to an absolute path; only a leading literal can be checked.
            if (IsRelativeLiteral)
                return Problem.InvalidValue($"The path '{ImageReference.Printable(Value.ToString())}' is relative.", $"use an absolute path, e.g. '/{Value}'.");
            return null;
        }
    }

    /// <summary>A path whose leading literal is relative (FD0005's fact; a leading variable may expand to an absolute path).</summary>
    internal readonly bool IsRelativeLiteral => Value.Parts.Count > 0 && !Value.Parts[0].IsVariable && Rules.DockerfileFacts.IsRelativePath(Value.Parts[0].Text);

    public readonly bool Equals(AbsolutePath other) => Value.Equals(other.Value);
    public override readonly bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);
    public override readonly int GetHashCode() => Value.GetHashCode();
    public static bool operator ==(AbsolutePath left, AbsolutePath right) => left.Equals(right);
    public static bool operator !=(AbsolutePath left, AbsolutePath right) => !left.Equals(right);
    public override readonly string ToString() => Value.ToString();
}

/// <summary>A destination inside the image: absolute, or relative to the stage's WORKDIR (<c>./</c>).</summary>
[InterpolatedStringHandler]
public struct ContainerPath : IDockerValue, IEquatable<ContainerPath>
{
    private Expandable _value;

    public ContainerPath(Expandable value) => _value = value;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public ContainerPath(int literalLength, int formattedCount) => _value = new Expandable(literalLength, formattedCount);

    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendLiteral(string value) => _value.AppendLiteral(value);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(BuildArg arg) => _value.AppendFormatted(arg);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(Expandable value) => _value.AppendFormatted(value);
    [EditorBrowsable(EditorBrowsableState.Never), Obsolete(Expandable.SecretInValueMessage, error: true)]
    public void AppendFormatted(SecretId secret) => throw new NotSupportedException(Expandable.SecretInValueMessage);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted<T>(T value) => _value.AppendFormatted(value);

    public readonly Expandable Value => _value;

    public static implicit operator ContainerPath(string path) => new(path);
    public static implicit operator ContainerPath(Expandable path) => new(path);
    public static implicit operator ContainerPath(AbsolutePath path) => new(path.Value);

    public readonly Problem? Problem => Value.Problem ??
        (Value.Parts.Count == 0 ? Problem.InvalidValue("The destination path is empty.", "use '.' for the working directory, or an absolute path.") : null);

    public readonly bool Equals(ContainerPath other) => Value.Equals(other.Value);
    public override readonly bool Equals(object? obj) => obj is ContainerPath other && Equals(other);
    public override readonly int GetHashCode() => Value.GetHashCode();
    public static bool operator ==(ContainerPath left, ContainerPath right) => left.Equals(right);
    public static bool operator !=(ContainerPath left, ContainerPath right) => !left.Equals(right);
    public override readonly string ToString() => Value.ToString();
}

/// <summary>A source path or glob in the build context (or in the stage/image named by <c>--from</c>).</summary>
[InterpolatedStringHandler]
public struct SourcePath : IDockerValue, IEquatable<SourcePath>
{
    private Expandable _value;

    public SourcePath(Expandable value) => _value = value;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public SourcePath(int literalLength, int formattedCount) => _value = new Expandable(literalLength, formattedCount);

    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendLiteral(string value) => _value.AppendLiteral(value);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(BuildArg arg) => _value.AppendFormatted(arg);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted(Expandable value) => _value.AppendFormatted(value);
    [EditorBrowsable(EditorBrowsableState.Never), Obsolete(Expandable.SecretInValueMessage, error: true)]
    public void AppendFormatted(SecretId secret) => throw new NotSupportedException(Expandable.SecretInValueMessage);
    [EditorBrowsable(EditorBrowsableState.Never)] public void AppendFormatted<T>(T value) => _value.AppendFormatted(value);

    public readonly Expandable Value => _value;

    public static implicit operator SourcePath(string path) => new(path);
    public static implicit operator SourcePath(Expandable path) => new(path);

    public readonly Problem? Problem => Value.Problem ??
        (Value.Parts.Count == 0 ? Problem.InvalidValue("The source path is empty.", "use '.' for the whole context, or a path/glob such as 'src/'.") : null);

    public readonly bool Equals(SourcePath other) => Value.Equals(other.Value);
    public override readonly bool Equals(object? obj) => obj is SourcePath other && Equals(other);
    public override readonly int GetHashCode() => Value.GetHashCode();
    public static bool operator ==(SourcePath left, SourcePath right) => left.Equals(right);
    public static bool operator !=(SourcePath left, SourcePath right) => !left.Equals(right);
    public override readonly string ToString() => Value.ToString();
}
