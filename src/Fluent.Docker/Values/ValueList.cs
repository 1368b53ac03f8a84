using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Fluent.Docker;

/// <summary>
/// An immutable list with structural equality, so records that hold lists compare by content
/// (two models built the same way are equal; parse(emit(x)) can be compared to x).
/// </summary>
/// <remarks>
/// <c>Append</c> returns a new list (there is no <c>Add</c>, so a collection initializer cannot silently drop items);
/// collection expressions (<c>["a", "b"]</c>) build through <see cref="ValueList.Create{T}"/>.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(IEnumerable<T> items) => _items = items.ToImmutableArray();
    private ValueList(ImmutableArray<T> items) => _items = items;

    public static ValueList<T> Empty => new(ImmutableArray<T>.Empty);

    private ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => Items.Length;
    public T this[int index] => Items[index];
    public bool IsEmpty => Items.IsEmpty;

    public ValueList<T> Append(T item) => new(Items.Add(item));
    public ValueList<T> AppendRange(IEnumerable<T> items) => new(Items.AddRange(items));

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueList<T> other) => Items.SequenceEqual(other.Items);
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public static implicit operator ValueList<T>(T[] items) => new(items);

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}

public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    public static ValueList<T> From<T>(IEnumerable<T> items) => new(items);

    /// <summary>The collection-expression builder: <c>ValueList&lt;string&gt; list = ["a", "b"];</c></summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
}
