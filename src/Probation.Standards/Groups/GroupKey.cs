using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace Probation.Standards.Groups;

/// <summary>
/// The values of the grouping tags that name one group (R12), e.g. <c>team = North</c>: one value per tag
/// name, <see langword="null"/> for the cases that lack the tag. Keys order by their values, tag by tag,
/// ordinally, with <see langword="null"/> last (the order of <c>rate --by</c>).
/// </summary>
public sealed class GroupKey : IEquatable<GroupKey>, IComparable<GroupKey>
{
    internal GroupKey(ImmutableArray<string> names, ImmutableArray<string?> values)
    {
        this.Names = names;
        this.Values = values;
    }

    /// <summary>The tag names, in the order grouped by.</summary>
    public EquatableArray<string> Names { get; }

    /// <summary>The values, aligned with <see cref="Names"/>; <see langword="null"/> where the cases lack the tag.</summary>
    public EquatableArray<string?> Values { get; }

    /// <summary>Creates a key from tag names and their values.</summary>
    /// <param name="names">The tag names, each once.</param>
    /// <param name="values">One value per name; <see langword="null"/> for "without the tag".</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The counts differ, a name is repeated, empty or null.</exception>
    public static GroupKey Create(IEnumerable<string> names, IEnumerable<string?> values)
    {
        var n = CheckNames(names);
        var v = ImmutableArray.CreateRange(values ?? throw new ArgumentNullException(nameof(values)));
        if (v.Length != n.Length)
        {
            throw new ArgumentException($"{n.Length} tag names but {v.Length} values", nameof(values));
        }

        return new GroupKey(n, v);
    }

    /// <summary>The value of one of the key's tags.</summary>
    /// <param name="name">The tag name.</param>
    /// <param name="value">Its value; <see langword="null"/> for the group without the tag.</param>
    /// <returns>Whether <paramref name="name"/> is one of the key's tags.</returns>
    public bool TryGetValue(string name, out string? value)
    {
        for (var i = 0; i < this.Names.Count; i++)
        {
            if (string.Equals(this.Names[i], name, StringComparison.Ordinal))
            {
                value = this.Values[i];
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Orders keys value by value, ordinally, <see langword="null"/> last.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(GroupKey? other)
    {
        if (other is null)
        {
            return 1;
        }

        var n = Math.Min(this.Values.Count, other.Values.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(this.Values[i], other.Values[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return this.Values.Count.CompareTo(other.Values.Count);
    }

    /// <inheritdoc />
    public bool Equals(GroupKey? other) => other is not null && this.Names == other.Names && this.Values == other.Values;

    /// <inheritdoc />
    public override bool Equals(object? obj) => this.Equals(obj as GroupKey);

    /// <inheritdoc />
    public override int GetHashCode() => this.Values.GetHashCode();

    /// <summary>The key in words: <c>team North, office (none)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < this.Names.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(this.Names[i]).Append(' ').Append(this.Values[i] ?? "(none)");
        }

        return builder.ToString();
    }

    internal static int Compare(string? left, string? right) =>
        left is null ? (right is null ? 0 : 1) : right is null ? -1 : string.CompareOrdinal(left, right);

    internal static ImmutableArray<string> CheckNames(IEnumerable<string> names)
    {
        var array = ImmutableArray.CreateRange(names ?? throw new ArgumentNullException(nameof(names)));
        if (array.IsEmpty)
        {
            throw new ArgumentException("grouping needs at least one tag name", nameof(names));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in array)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("a tag name is empty", nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"tag '{name}' is named twice", nameof(names));
            }
        }

        return array;
    }
}
