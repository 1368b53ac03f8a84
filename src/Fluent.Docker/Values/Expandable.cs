using System.Collections.Immutable;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;

namespace Fluent.Docker;

/// <summary>
/// Text in a slot that BuildKit expands (ENV, LABEL, WORKDIR, USER, COPY paths, ARG defaults…). Literal text is
/// always taken literally — the emitter escapes <c>$</c>, quotes and the escape token — and variables appear only
/// through typed references (<see cref="BuildArg"/>, <see cref="Variable"/>), which render as <c>${NAME}</c>.
/// A literal string converts implicitly; an interpolated string mixes both:
/// <c>$"/opt/app-{version}"</c> keeps <c>version</c> as a reference.
/// </summary>
/// <remarks>
/// A struct on purpose: the compiler fills an interpolated value through the Append methods, and every place
/// that stores the value (a stage, a record) keeps its own copy, so nothing can change a stored value later.
/// </remarks>
[InterpolatedStringHandler]
public struct Expandable : IEquatable<Expandable>, IDockerValue
{
    private ImmutableArray<ExpandablePart> _parts;

    private Expandable(ImmutableArray<ExpandablePart> parts) => _parts = parts;

    /// <summary>Called by the compiler for interpolated strings; not for direct use.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Expandable(int literalLength, int formattedCount) => _parts = ImmutableArray<ExpandablePart>.Empty;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendLiteral(string value) => _parts = Append(_parts, new ExpandablePart(value, IsVariable: false));

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted(BuildArg arg) => _parts = Append(_parts, new ExpandablePart(arg.Name, IsVariable: true));

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted(Expandable value)
    {
        foreach (var part in value.Parts) _parts = Append(_parts, part);
    }

    /// <summary>
    /// Makes <c>$"{secretId}"</c> in an expanded value a compile error (without it the generic overload would
    /// accept a <see cref="SecretId"/> and bake its text into an ENV/LABEL/path, which the image keeps).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete(SecretInValueMessage, error: true)]
    public void AppendFormatted(SecretId secret) => throw new NotSupportedException(SecretInValueMessage);

    internal const string SecretInValueMessage =
        "A SecretId cannot be part of an ENV, LABEL, ARG or path value: those are stored in the image. " +
        "Use a secret mount on the RUN that needs it: .Run(\"…\", Mount.Secret(id, env: \"TOKEN\")) or Mount.Secret(id, target: \"/run/secrets/…\").";

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted<T>(T value)
    {
        // Checked at run time too: an object-typed secret would bypass the compile-time overload above.
        if (value is SecretId) throw new NotSupportedException(SecretInValueMessage);
        var text = value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "";
        _parts = Append(_parts, new ExpandablePart(text, IsVariable: false));
    }

    /// <summary>Adds a part, merging adjacent literals and dropping empty ones, so equal text has one shape.</summary>
    private static ImmutableArray<ExpandablePart> Append(ImmutableArray<ExpandablePart> parts, ExpandablePart part)
    {
        if (parts.IsDefault) parts = ImmutableArray<ExpandablePart>.Empty;
        if (part.IsLiteral && part.Text.Length == 0) return parts;
        if (part.IsLiteral && parts.Length > 0 && parts[^1].IsLiteral)
            return parts.SetItem(parts.Length - 1, new ExpandablePart(parts[^1].Text + part.Text, false));
        return parts.Add(part);
    }

    /// <summary>The parts: literal text, variable references and raw expressions, adjacent literals merged.</summary>
    public readonly IReadOnlyList<ExpandablePart> Parts => _parts.IsDefault ? ImmutableArray<ExpandablePart>.Empty : _parts;

    public static Expandable Empty => new(ImmutableArray<ExpandablePart>.Empty);

    public static Expandable Literal(string text) => new(Append(ImmutableArray<ExpandablePart>.Empty, new ExpandablePart(text ?? "", false)));

    /// <summary>A reference to a variable by name (an ENV set earlier, or an ARG), rendered <c>${NAME}</c>.</summary>
    public static Expandable Variable(string name) => new(ImmutableArray.Create(new ExpandablePart(name ?? "", true)));

    /// <summary>
    /// A BuildKit expansion kept verbatim, for what a plain reference cannot say: <c>${VERSION:-1.0}</c>,
    /// <c>${NAME:+set}</c>, <c>${PATH#/usr}</c>, special parameters (<c>${@}</c>). Written as is; BuildKit evaluates it.
    /// </summary>
    public static Expandable Raw(string expression) => new(ImmutableArray.Create(new ExpandablePart(expression ?? "", false) { IsRaw = true }));

    public static implicit operator Expandable(string text) => Literal(text);
    public static implicit operator Expandable(BuildArg arg) => Variable(arg.Name);

    public static Expandable operator +(Expandable left, Expandable right)
    {
        var parts = left._parts.IsDefault ? ImmutableArray<ExpandablePart>.Empty : left._parts;
        foreach (var part in right.Parts) parts = Append(parts, part);
        return new Expandable(parts);
    }

    public readonly bool IsLiteral => Parts.All(p => p.IsLiteral);

    /// <summary>The literal text when there are no references; otherwise null.</summary>
    public readonly string? LiteralText => IsLiteral ? string.Concat(Parts.Select(p => p.Text)) : null;

    public readonly IEnumerable<string> VariableNames => Parts.Where(p => p.IsVariable).Select(p => p.Text);

    public readonly Problem? Problem =>
        Parts.Select(p => p.IsVariable ? VariableName.Check(p.Text, "variable reference") : p.IsRaw ? RawProblem(p.Text) : null)
            .FirstOrDefault(p => p is not null);

    /// <summary>
    /// A raw expression must be exactly one BuildKit <c>${…}</c> expansion that a plain reference cannot say, read
    /// the same with either escape token (so it means the same in any file it is written into).
    /// </summary>
    private static Problem? RawProblem(string expression)
    {
        var problem = Problem.InvalidValue($"The raw expression '{ImageReference.Printable(expression)}' is not one BuildKit ${{…}} expansion.",
            "write one expansion such as ${VERSION:-1.0}; for a plain ${NAME} use a BuildArg or Expandable.Variable.");
        if (expression.Length < 4 || !expression.StartsWith("${", StringComparison.Ordinal) || !expression.EndsWith('}')
            || expression.IndexOfAny(['\r', '\n', '\0']) >= 0)
            return problem;
        foreach (var escape in (ReadOnlySpan<char>)['\\', '`'])
        {
            try
            {
                if (new Parsing.ShellLexer(escape).Analyze(expression).Parts is not [{ IsRaw: true } part] || part.Text != expression) return problem;
            }
            catch (Parsing.ShellLexerException)
            {
                return problem;
            }
        }
        return null;
    }

    public readonly bool Equals(Expandable other) => Parts.SequenceEqual(other.Parts);
    public override readonly bool Equals(object? obj) => obj is Expandable other && Equals(other);
    public static bool operator ==(Expandable left, Expandable right) => left.Equals(right);
    public static bool operator !=(Expandable left, Expandable right) => !left.Equals(right);
    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var part in Parts) hash.Add(part);
        return hash.ToHashCode();
    }

    /// <summary>A readable form for messages: variables as <c>${NAME}</c>, literals as they are.</summary>
    public override readonly string ToString()
    {
        var text = new StringBuilder();
        foreach (var part in Parts) text.Append(part.IsVariable ? "${" + part.Text + "}" : part.Text);
        return text.ToString();
    }
}

/// <summary>One part of an <see cref="Expandable"/>: literal text, the name of a referenced variable, or a raw expression.</summary>
public readonly record struct ExpandablePart(string Text, bool IsVariable)
{
    /// <summary>A BuildKit expansion written verbatim (<see cref="Expandable.Raw"/>), e.g. <c>${VERSION:-1.0}</c>.</summary>
    public bool IsRaw { get; init; }

    /// <summary>Literal text: neither a variable reference nor a raw expression.</summary>
    public bool IsLiteral => !IsVariable && !IsRaw;
}
