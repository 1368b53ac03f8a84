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
[InterpolatedStringHandler]
public sealed class Expandable : IEquatable<Expandable>, IDockerValue
{
    private readonly List<ExpandablePart> _building;
    private ExpandablePart[]? _parts;

    private Expandable(ExpandablePart[] parts)
    {
        _building = [];
        _parts = parts;
    }

    /// <summary>Called by the compiler for interpolated strings; not for direct use.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Expandable(int literalLength, int formattedCount) => _building = new List<ExpandablePart>(formattedCount * 2 + 1);

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendLiteral(string value) => Append(new ExpandablePart(value, IsVariable: false));

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted(BuildArg arg) => Append(new ExpandablePart(arg.Name, IsVariable: true));

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted(Expandable value)
    {
        foreach (var part in value.Parts) Append(part);
    }

    [EditorBrowsable(EditorBrowsableState.Never)]
    public void AppendFormatted<T>(T value) =>
        Append(new ExpandablePart(value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "", IsVariable: false));

    private void Append(ExpandablePart part)
    {
        // An interpolated value is sealed the first time it is read; it never changes after that.
        if (_parts is not null) throw new InvalidOperationException("An Expandable value cannot change once it has been read.");
        _building.Add(part);
    }

    /// <summary>The parts: literal text and variable references, adjacent literals merged.</summary>
    public IReadOnlyList<ExpandablePart> Parts => _parts ??= Normalize(_building);

    public static Expandable Empty { get; } = new([]);

    public static Expandable Literal(string text) => new(Normalize([new ExpandablePart(text ?? "", false)]));

    /// <summary>A reference to a variable by name (an ENV set earlier, or an ARG), rendered <c>${NAME}</c>.</summary>
    public static Expandable Variable(string name) => new([new ExpandablePart(name, true)]);

    public static implicit operator Expandable(string text) => Literal(text);
    public static implicit operator Expandable(BuildArg arg) => Variable(arg.Name);

    public static Expandable operator +(Expandable left, Expandable right) => new(Normalize([.. left.Parts, .. right.Parts]));

    public bool IsLiteral => Parts.All(p => !p.IsVariable);

    /// <summary>The literal text when there are no references; otherwise null.</summary>
    public string? LiteralText => IsLiteral ? string.Concat(Parts.Select(p => p.Text)) : null;

    public IEnumerable<string> VariableNames => Parts.Where(p => p.IsVariable).Select(p => p.Text);

    public ValueProblem? Problem =>
        Parts.Where(p => p.IsVariable).Select(p => VariableName.Check(p.Text, "variable reference")).FirstOrDefault(p => p is not null);

    private static ExpandablePart[] Normalize(IEnumerable<ExpandablePart> parts)
    {
        var result = new List<ExpandablePart>();
        foreach (var part in parts)
        {
            if (!part.IsVariable && part.Text.Length == 0) continue;
            if (!part.IsVariable && result.Count > 0 && !result[^1].IsVariable)
                result[^1] = new ExpandablePart(result[^1].Text + part.Text, false);
            else
                result.Add(part);
        }
        return result.ToArray();
    }

    public bool Equals(Expandable? other) => other is not null && Parts.SequenceEqual(other.Parts);
    public override bool Equals(object? obj) => obj is Expandable other && Equals(other);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var part in Parts) hash.Add(part);
        return hash.ToHashCode();
    }

    /// <summary>A readable form for messages: variables as <c>${NAME}</c>, literals as they are.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var part in Parts) text.Append(part.IsVariable ? "${" + part.Text + "}" : part.Text);
        return text.ToString();
    }
}

/// <summary>One part of an <see cref="Expandable"/>: literal text, or the name of a referenced variable.</summary>
public readonly record struct ExpandablePart(string Text, bool IsVariable);
