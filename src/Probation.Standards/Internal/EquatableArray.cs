using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Probation.Standards;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the
/// same order. Results and rule data use it so that records holding lists compare as values.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    /// <param name="items">The items, in order.</param>
    public EquatableArray(ImmutableArray<T> items) => this.items = items;

    /// <summary>An empty list.</summary>
    public static EquatableArray<T> Empty => new(ImmutableArray<T>.Empty);

    /// <summary>The items as an <see cref="ImmutableArray{T}"/>.</summary>
    public ImmutableArray<T> AsImmutableArray() => this.items.IsDefault ? ImmutableArray<T>.Empty : this.items;

    /// <summary>
    /// The items as a span, empty for a default list: unlike <see cref="AsImmutableArray"/> it reads no static field,
    /// so the JIT inlines it into a per-case loop.
    /// </summary>
    internal ReadOnlySpan<T> Span => this.items.AsSpan();

    /// <inheritdoc />
    public int Count => this.items.IsDefault ? 0 : this.items.Length;

    /// <inheritdoc />
    public T this[int index] => this.AsImmutableArray()[index];

    /// <summary>Value equality: the same items in the same order.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether the lists are equal.</returns>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns>Whether the lists differ.</returns>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Converts an immutable array.</summary>
    /// <param name="items">The items.</param>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var a = this.AsImmutableArray();
        var b = other.AsImmutableArray();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && this.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in this.AsImmutableArray())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)this.AsImmutableArray()).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => this.GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", this.AsImmutableArray()) + "]";
}
